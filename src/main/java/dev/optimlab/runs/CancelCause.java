package dev.optimlab.runs;

/** Why a run was cancelled from outside, as the learner reads it. No PyTorch counterpart. */
public enum CancelCause {
    STOPPED("you stopped the program"),
    REPLACED("a newer run replaced it"),
    SESSION_ENDED("the page was closed"),
    SHUTDOWN("the server is shutting down");

    private final String reason;

    CancelCause(String reason) {
        this.reason = reason;
    }

    /** The learner's words for the cause. */
    public String reason() {
        return reason;
    }
}
