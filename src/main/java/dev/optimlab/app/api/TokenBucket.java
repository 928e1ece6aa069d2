package dev.optimlab.app.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-caller rate limits as token buckets (Guava's {@code RateLimiter} and Bucket4j work alike): each caller
 * holds up to {@code capacity} requests, refilled at a steady rate, so short bursts pass and sustained floods wait.
 */
final class TokenBucket {

    /** Either the request may go ahead, or it should be retried after the given wait. */
    record Decision(boolean allowed, Duration retryAfter) {
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;
    }

    private final int capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBucket(int capacity, Duration refillEvery, LongSupplier nanoClock) {
        if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive refill period");
        }
        this.capacity = capacity;
        this.tokensPerNano = 1.0 / refillEvery.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Takes one request from the caller's bucket, which starts full. */
    Decision tryTake(String caller) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(caller, c -> {
            Bucket b = new Bucket();
            b.tokens = capacity;
            b.updatedNanos = now;
            return b;
        });
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedNanos) * tokensPerNano);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, Duration.ZERO);
            }
            return new Decision(false, Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / tokensPerNano)));
        }
    }
}
