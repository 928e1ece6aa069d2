package dev.optimlab.app.api;

import java.time.Duration;

/** A caller over its rate limit, answered with 429 and Retry-After. */
final class RateLimited extends RuntimeException {

    private final Duration retryAfter;

    RateLimited(Duration retryAfter) {
        super(null, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header needs (at least 1). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
