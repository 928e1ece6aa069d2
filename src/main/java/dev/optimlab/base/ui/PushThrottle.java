package dev.optimlab.base.ui;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Coalesces requests to update a page into at most one update per interval: the first request after a quiet
 * spell runs at once (so the first chart point is not held back), later ones wait for the interval to pass and
 * are then served together. No PyTorch counterpart; the role of a display's refresh rate.
 */
public final class PushThrottle {

    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;
    private final Runnable update;
    private final LongSupplier clock;
    private boolean everRun;
    private long lastRunNanos;
    private boolean scheduled;
    private long scheduledAtNanos;
    private long generation;

    /** {@code update} runs on the scheduler's thread; it is expected to hand its work to {@code UI.access}. */
    public PushThrottle(ScheduledExecutorService scheduler, long intervalMillis, Runnable update) {
        this(scheduler, intervalMillis, update, System::nanoTime);
    }

    PushThrottle(ScheduledExecutorService scheduler, long intervalMillis, Runnable update, LongSupplier clock) {
        this.scheduler = scheduler;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.update = update;
        this.clock = clock;
    }

    /** Asks for an update as soon as the interval allows; returns at once. */
    public void request() {
        requestAfter(0);
    }

    /**
     * Asks for an update at once even inside the interval, for the one update a person is waiting for (a run's
     * first output or chart point after its "running" update); later requests again wait for the interval.
     */
    public void requestNow() {
        long ticket;
        synchronized (this) {
            scheduled = true;
            scheduledAtNanos = clock.getAsLong();
            ticket = ++generation;
        }
        scheduler.schedule(() -> runIfCurrent(ticket), 0, TimeUnit.NANOSECONDS);
    }

    /**
     * Asks for an update no sooner than {@code millis} from now (a clock's next tick); an earlier pending update
     * serves it, and a later pending one is brought forward.
     */
    public void requestAfter(long millis) {
        long now = clock.getAsLong();
        long target = now + TimeUnit.MILLISECONDS.toNanos(millis);
        long ticket;
        synchronized (this) {
            if (everRun) {
                target = Math.max(target, lastRunNanos + intervalNanos);
            }
            if (scheduled && scheduledAtNanos <= target) {
                return;
            }
            scheduled = true;
            scheduledAtNanos = target;
            ticket = ++generation;
        }
        scheduler.schedule(() -> runIfCurrent(ticket), Math.max(0, target - now), TimeUnit.NANOSECONDS);
    }

    private void runIfCurrent(long ticket) {
        synchronized (this) {
            if (ticket != generation || !scheduled) {
                return;
            }
            scheduled = false;
            everRun = true;
            lastRunNanos = clock.getAsLong();
        }
        update.run();
    }
}
