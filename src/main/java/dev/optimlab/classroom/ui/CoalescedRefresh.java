package dev.optimlab.classroom.ui;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Collects the learners whose attempts were stored and hands them to the page at most once per interval: the
 * first after a quiet interval at once, the rest in one trailing batch when the interval ends, so the last
 * attempt is never lost. The leading-and-trailing throttle of lodash's {@code _.throttle} (CPython has none; its
 * nearest kin is asyncio's {@code loop.call_later} run once per window), keyed by user id.
 */
final class CoalescedRefresh {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("classroom-refresh").factory());

    private final long intervalNanos;
    private final Consumer<Set<Long>> refresh;
    private final BiFunction<Runnable, Long, Future<?>> later;
    private final LongSupplier clock;
    private Set<Long> pending = new LinkedHashSet<>();
    private Future<?> trailing;
    private long lastRefresh;
    private boolean refreshedOnce;
    private boolean closed;

    /** Refreshes through {@code refresh} (which hands the batch to the UI thread) on a shared daemon timer. */
    CoalescedRefresh(Duration interval, Consumer<Set<Long>> refresh) {
        this(interval, refresh, (task, delayNanos) -> TIMER.schedule(task, delayNanos, TimeUnit.NANOSECONDS), System::nanoTime);
    }

    CoalescedRefresh(Duration interval, Consumer<Set<Long>> refresh, BiFunction<Runnable, Long, Future<?>> later, LongSupplier clock) {
        this.intervalNanos = interval.toNanos();
        this.refresh = refresh;
        this.later = later;
        this.clock = clock;
    }

    /** A learner's attempt was stored; called on the thread that stored it. */
    void attemptOf(long userId) {
        Set<Long> batch;
        synchronized (this) {
            if (closed) {
                return;
            }
            pending.add(userId);
            if (trailing != null) {
                return;
            }
            long wait = refreshedOnce ? lastRefresh + intervalNanos - clock.getAsLong() : 0;
            if (wait > 0) {
                trailing = later.apply(this::flush, wait);
                return;
            }
            batch = takeBatch();
        }
        // outside the lock: handing over to the UI may run the refresh right here, and it may take a while
        refresh.accept(batch);
    }

    /** The page went away: nothing pending is refreshed any more. */
    void close() {
        synchronized (this) {
            closed = true;
            pending = new LinkedHashSet<>();
            if (trailing != null) {
                trailing.cancel(false);
                trailing = null;
            }
        }
    }

    private void flush() {
        Set<Long> batch;
        synchronized (this) {
            trailing = null;
            if (closed || pending.isEmpty()) {
                return;
            }
            batch = takeBatch();
        }
        refresh.accept(batch);
    }

    private Set<Long> takeBatch() {
        Set<Long> batch = Collections.unmodifiableSet(pending);
        pending = new LinkedHashSet<>();
        lastRefresh = clock.getAsLong();
        refreshedOnce = true;
        return batch;
    }
}
