package dev.optimlab.runs;

/**
 * The answer to a submission: accepted with its handle, or refused with a reason a page can show and HTTP
 * can map to 429. No PyTorch counterpart.
 */
public sealed interface SubmitResult {

    /** The run is queued (position 0 means it starts at once). */
    record Accepted(RunHandle handle) implements SubmitResult {
    }

    /** The run was not queued. */
    record Rejected(Reason reason, String message) implements SubmitResult {
    }

    enum Reason {
        SUBMISSION_PENDING("your previous submission is still being graded"),
        SERVER_BUSY("the server is busy, try again in a few seconds"),
        GUESTS_DISABLED("running programs needs an account on this server; please sign in"),
        ADDRESS_CAP("too many guest programs are running from your network; try again when one has finished"),
        SHUT_DOWN("the server is shutting down, try again in a moment");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }

        Rejected rejected() {
            return new Rejected(this, message);
        }
    }
}
