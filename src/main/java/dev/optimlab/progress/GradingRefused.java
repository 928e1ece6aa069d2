package dev.optimlab.progress;

import java.time.Duration;

/**
 * An attempt the server did not take for grading, with the learner-facing reason and when trying again may
 * succeed (null when waiting will not help).
 */
public final class GradingRefused extends RuntimeException {

    private final boolean serverBusy;
    private final Duration retryAfter;

    public GradingRefused(String message, boolean serverBusy, Duration retryAfter) {
        super(message, null, false, false);
        this.serverBusy = serverBusy;
        this.retryAfter = retryAfter;
    }

    /** True when the whole server is at capacity, false when only this learner must wait for their last Submit. */
    public boolean serverBusy() {
        return serverBusy;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
