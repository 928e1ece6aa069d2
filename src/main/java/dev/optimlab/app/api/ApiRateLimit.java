package dev.optimlab.app.api;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The per-token limit on grading requests, from {@code optimlab.api.rate-limit.capacity} (burst) and
 * {@code optimlab.api.rate-limit.refill-seconds} (one more request per that many seconds).
 */
@Component
class ApiRateLimit {

    private final TokenBucket buckets;

    ApiRateLimit(@Value("${optimlab.api.rate-limit.capacity:10}") int capacity,
                 @Value("${optimlab.api.rate-limit.refill-seconds:6}") double refillSeconds) {
        this.buckets = new TokenBucket(capacity, Duration.ofNanos((long) (refillSeconds * 1e9)), System::nanoTime);
    }

    /** Counts one request of the caller, or throws {@link RateLimited} when its bucket is empty. */
    void take(String caller) {
        TokenBucket.Decision decision = buckets.tryTake(caller);
        if (!decision.allowed()) {
            throw new RateLimited(decision.retryAfter());
        }
    }
}
