package dev.optimlab.runs;

import java.time.Duration;

/**
 * The answer to a submission: accepted with its handle, or refused with a reason a page can show and HTTP
 * can map to 429 with a Retry-After. No PyTorch counterpart.
 */
public sealed interface SubmitResult {

    /** The run is queued (position 0 means it starts at once). */
    record Accepted(RunHandle handle) implements SubmitResult {
    }

    /** The run was not queued. */
    record Rejected(Reason reason, String message) implements SubmitResult {

        /** When trying again may succeed (HTTP's Retry-After), or null when waiting will not help. */
        public Duration retryAfter() {
            return reason.retryAfter();
        }
    }

    enum Reason {
        SUBMISSION_PENDING("your previous submission is still being graded", Duration.ofSeconds(2)),
        SERVER_BUSY("the server is busy, try again in a few seconds", Duration.ofSeconds(5)),
        GUESTS_DISABLED("running programs needs an account on this server; please sign in", null),
        ADDRESS_CAP("too many guest programs are running from your network; try again when one has finished",
                Duration.ofSeconds(5)),
        SHUT_DOWN("the server is shutting down, try again in a moment", Duration.ofSeconds(30));

        private final String message;
        private final Duration retryAfter;

        Reason(String message, Duration retryAfter) {
            this.message = message;
            this.retryAfter = retryAfter;
        }

        public String message() {
            return message;
        }

        /** When trying again may succeed, or null when waiting will not help. */
        public Duration retryAfter() {
            return retryAfter;
        }

        Rejected rejected() {
            return new Rejected(this, message);
        }
    }
}
