package dev.optimlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PushThrottleTest {

    /** Records scheduled tasks with their delays instead of running them, so the test plays the clock. */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        record Task(Runnable task, long delayMillis) {
        }

        final List<Task> tasks = new ArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            tasks.add(new Task(command, unit.toMillis(delay)));
            return null;
        }
    }

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private long nowMillis;
    private int updates;
    private final PushThrottle throttle = new PushThrottle(scheduler, 50, () -> updates++,
            () -> TimeUnit.MILLISECONDS.toNanos(nowMillis));

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    @Test
    @DisplayName("the first request after a quiet spell is served at once")
    void firstRequestRunsAtOnce() {
        throttle.request();
        assertThat(scheduler.tasks).singleElement().extracting(RecordingScheduler.Task::delayMillis).isEqualTo(0L);
        scheduler.tasks.getFirst().task().run();
        assertThat(updates).isEqualTo(1);
    }

    @Test
    @DisplayName("an update asked for at once runs inside the interval, and the next request waits a full interval")
    void requestNowSkipsTheInterval() {
        throttle.request();
        scheduler.tasks.getFirst().task().run();
        nowMillis = 10;
        throttle.request();
        throttle.requestNow();
        assertThat(scheduler.tasks).hasSize(3);
        assertThat(scheduler.tasks.get(2).delayMillis()).isZero();
        scheduler.tasks.get(2).task().run();
        scheduler.tasks.get(1).task().run();
        assertThat(updates).isEqualTo(2);
        nowMillis = 20;
        throttle.request();
        assertThat(scheduler.tasks.get(3).delayMillis()).isEqualTo(40L);
    }

    @Test
    @DisplayName("requests within the interval are served together, no sooner than the interval allows")
    void burstIsCoalesced() {
        throttle.request();
        scheduler.tasks.getFirst().task().run();
        nowMillis = 10;
        throttle.request();
        throttle.request();
        throttle.request();
        assertThat(scheduler.tasks).hasSize(2);
        assertThat(scheduler.tasks.get(1).delayMillis()).isEqualTo(40L);
        nowMillis = 50;
        scheduler.tasks.get(1).task().run();
        assertThat(updates).isEqualTo(2);
    }

    @Test
    @DisplayName("a clock tick far ahead is brought forward by a request for fresh data, and runs only once")
    void laterTickIsBroughtForward() {
        throttle.request();
        scheduler.tasks.getFirst().task().run();
        nowMillis = 100;
        throttle.requestAfter(250);
        assertThat(scheduler.tasks.get(1).delayMillis()).isEqualTo(250L);
        throttle.request();
        assertThat(scheduler.tasks).hasSize(3);
        assertThat(scheduler.tasks.get(2).delayMillis()).isEqualTo(0L);
        scheduler.tasks.get(2).task().run();
        scheduler.tasks.get(1).task().run();
        assertThat(updates).as("the superseded tick does nothing").isEqualTo(2);
    }

    @Test
    @DisplayName("a clock tick does not delay a request already waiting for less time")
    void earlierRequestServesLaterTick() {
        throttle.request();
        throttle.requestAfter(250);
        assertThat(scheduler.tasks).hasSize(1);
    }
}
