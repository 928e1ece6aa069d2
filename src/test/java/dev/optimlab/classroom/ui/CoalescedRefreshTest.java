package dev.optimlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("CoalescedRefresh")
class CoalescedRefreshTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock the test moves and a timer whose tasks run only when the test says so. */
    private final long[] now = {5 * SECOND};
    private final List<Scheduled> timer = new ArrayList<>();
    private final List<Set<Long>> refreshes = new ArrayList<>();
    private final CoalescedRefresh refresh = new CoalescedRefresh(Duration.ofSeconds(1), refreshes::add,
            (task, delay) -> {
                Scheduled scheduled = new Scheduled(task, now[0] + delay, new CompletableFuture<>());
                timer.add(scheduled);
                return scheduled.future();
            }, () -> now[0]);

    private record Scheduled(Runnable task, long at, CompletableFuture<Void> future) {
    }

    /** Moves the clock to the due time of the scheduled tasks and runs those that were not cancelled. */
    private void timerFires() {
        List<Scheduled> due = List.copyOf(timer);
        timer.clear();
        for (Scheduled scheduled : due) {
            now[0] = Math.max(now[0], scheduled.at());
            if (!scheduled.future().isCancelled()) {
                scheduled.task().run();
            }
        }
    }

    @Nested
    @DisplayName("when attempts arrive in a burst")
    class Burst {

        @Test
        @DisplayName("refreshes the first attempt after a quiet spell at once")
        void leading() {
            refresh.attemptOf(7);
            assertThat(refreshes).containsExactly(Set.of(7L));
            assertThat(timer).isEmpty();
        }

        @Test
        @DisplayName("gathers a hundred attempts of the next second into one trailing refresh of their distinct learners")
        void oneRefreshForMany() {
            refresh.attemptOf(1);
            for (int i = 0; i < 100; i++) {
                now[0] += SECOND / 200;
                refresh.attemptOf(10 + i % 30);
            }
            assertThat(refreshes).hasSize(1);
            assertThat(timer).hasSize(1);
            assertThat(timer.getFirst().at()).isEqualTo(6 * SECOND);

            timerFires();

            assertThat(refreshes).hasSize(2);
            assertThat(refreshes.get(1)).hasSize(30).allMatch(id -> id >= 10 && id < 40);
        }

        @Test
        @DisplayName("never loses the last attempt: one arriving just before the trailing refresh is part of it")
        void lastNeverLost() {
            refresh.attemptOf(1);
            now[0] += SECOND / 2;
            refresh.attemptOf(2);
            now[0] += SECOND / 2 - 1;
            refresh.attemptOf(3);
            timerFires();
            assertThat(refreshes).containsExactly(Set.of(1L), Set.of(2L, 3L));
        }

        @Test
        @DisplayName("an attempt after the trailing refresh waits for the next interval rather than refreshing twice in a row")
        void spacedByTheInterval() {
            refresh.attemptOf(1);
            refresh.attemptOf(2);
            timerFires();
            now[0] += SECOND / 10;
            refresh.attemptOf(3);
            assertThat(refreshes).containsExactly(Set.of(1L), Set.of(2L));
            assertThat(timer).singleElement().extracting(Scheduled::at).isEqualTo(7 * SECOND);
            timerFires();
            assertThat(refreshes).containsExactly(Set.of(1L), Set.of(2L), Set.of(3L));
        }

        @Test
        @DisplayName("refreshes at once again after a quiet interval")
        void quietAgain() {
            refresh.attemptOf(1);
            now[0] += 3 * SECOND;
            refresh.attemptOf(2);
            assertThat(refreshes).containsExactly(Set.of(1L), Set.of(2L));
            assertThat(timer).isEmpty();
        }
    }

    @Test
    @DisplayName("once closed, refreshes nothing: neither the pending batch nor later attempts")
    void closed() {
        refresh.attemptOf(1);
        refresh.attemptOf(2);
        Future<?> trailing = timer.getFirst().future();
        refresh.close();
        assertThat(trailing.isCancelled()).isTrue();
        refresh.attemptOf(3);
        timerFires();
        assertThat(refreshes).containsExactly(Set.of(1L));
    }
}
