package dev.optimlab.pylite.runtime;

/**
 * Raised when a run exceeds one of its limits or is cancelled. Deliberately not a {@link PyException}:
 * {@code except:}, {@code except BaseException} and {@code finally} never see it, so learner code
 * cannot swallow it or run more code after it.
 */
public final class LimitExceeded extends RuntimeException {
    /** Which limit was hit; the run result reports it. */
    public enum Kind { TIME, STEPS, MEMORY, RECURSION, OUTPUT, PROGRAM_SIZE, CANCELLED }

    private final Kind kind;
    private int line;

    public LimitExceeded(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The program line that was running when the limit was hit, or 0 if unknown. */
    public int line() {
        return line;
    }

    void setLineIfUnknown(int line) {
        if (this.line == 0) {
            this.line = line;
        }
    }
}
