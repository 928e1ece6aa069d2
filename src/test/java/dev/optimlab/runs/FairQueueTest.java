package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The fair queue")
class FairQueueTest {
    private static final long MS = 1_000_000L;
    private static final FairShare SHARE = new FairShare(Duration.ofMillis(50), Duration.ofMinutes(1),
            Duration.ofSeconds(2), 1);

    private long now = 1_000 * MS;
    private final FairQueue queue = new FairQueue(SHARE, () -> now);
    private final List<Object[]> labels = new ArrayList<>();

    private RunHandle waiting(String learner, String label) {
        RunHandle handle = new RunHandle(null, Learner.member(learner), RunKind.SUBMIT, (limits, output) -> () -> { },
                RunServiceTest.SMALL, 16, 0);
        handle.queuePosition = -1;
        queue.add(handle);
        labels.add(new Object[] {handle, label});
        return handle;
    }

    private String label(RunHandle handle) {
        return labels.stream().filter(l -> l[0] == handle).map(l -> (String) l[1]).findFirst().orElseThrow();
    }

    private String pollAny() {
        RunHandle next = queue.poll(true, h -> true);
        return next == null ? null : label(next);
    }

    private List<String> drain() {
        List<String> order = new ArrayList<>();
        for (String next = pollAny(); next != null; next = pollAny()) {
            order.add(next);
        }
        return order;
    }

    @Test
    @DisplayName("remembers a program stopped by its memory limit for about a half-life")
    void memoryLimitHits() {
        assertThat(queue.hitMemoryLimitRecently("mallory")).isFalse();
        queue.endedOnMemoryLimit("mallory");
        assertThat(queue.hitMemoryLimitRecently("mallory")).isTrue();
        assertThat(queue.hitMemoryLimitRecently("ada")).isFalse();
        now += 59_000 * MS;
        assertThat(queue.hitMemoryLimitRecently("mallory")).isTrue();
        now += 2_000 * MS;
        assertThat(queue.hitMemoryLimitRecently("mallory")).isFalse();
    }

    @Nested
    @DisplayName("among learners who used nothing yet")
    class Fresh {

        @Test
        @DisplayName("serves learners in the order they arrived")
        void arrivalOrder() {
            waiting("ada", "a");
            waiting("bob", "b");
            waiting("cy", "c");
            assertThat(drain()).containsExactly("a", "b", "c");
            assertThat(queue.size()).isZero();
        }

        @Test
        @DisplayName("lets a learner with a Run and a Submit waiting start one of them per turn of the round")
        void oneProgramPerTurn() {
            waiting("ada", "a-run");
            waiting("ada", "a-submit");
            waiting("bob", "b");
            assertThat(drain()).containsExactly("a-run", "b", "a-submit");
        }
    }

    @Nested
    @DisplayName("after a learner's programs used a lot of CPU")
    class Debt {

        @Test
        @DisplayName("the learner waits behind learners who used little, though they arrived first")
        void heavyWaitsBehindLight() {
            queue.charge("hog", 200 * MS);
            waiting("hog", "h");
            waiting("ada", "a");
            waiting("bob", "b");
            waiting("cy", "c");
            assertThat(drain()).containsExactly("a", "b", "c", "h");
        }

        @Test
        @DisplayName("programs cheaper than a quantum never cost their learner a turn")
        void cheapProgramsNeverWait() {
            for (int round = 0; round < 5; round++) {
                queue.charge("ada", 40 * MS);
                waiting("ada", "a" + round);
                waiting("bob", "b" + round);
                assertThat(drain()).containsExactly("a" + round, "b" + round);
            }
        }

        @Test
        @DisplayName("the learner still starts while light learners keep arriving: after as many as their debt holds quanta")
        void noStarvation() {
            queue.charge("hog", 200 * MS);
            waiting("hog", "h");
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 20 && !order.contains("h"); i++) {
                waiting("light" + i, "l" + i);
                order.add(pollAny());
            }
            assertThat(order).containsExactly("l0", "l1", "l2", "l3", "h");
        }

        @Test
        @DisplayName("a learner over the light threshold starts only when no light learner waits, however many turns pass")
        void heavyAfterAllLight() {
            queue.charge("hog", 3_000 * MS);
            waiting("hog", "h");
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                waiting("light" + i, "l" + i);
                order.add(pollAny());
            }
            assertThat(order).doesNotContain("h").hasSize(100);
            assertThat(pollAny()).isEqualTo("h");
        }

        @Test
        @DisplayName("when only indebted learners wait, the one who owes least starts at once, the queue never idles")
        void workConserving() {
            queue.charge("big", 10_000 * MS);
            queue.charge("small", 300 * MS);
            waiting("big", "big");
            waiting("small", "small");
            assertThat(drain()).containsExactly("small", "big");
        }

        @Test
        @DisplayName("the debt and the recent CPU halve with each half-life, so the past is forgiven")
        void decay() {
            queue.charge("hog", 3_000 * MS);
            assertThat(queue.isLight("hog")).isFalse();
            assertThat(queue.recentCpuNanos("hog")).isEqualTo(3_000 * MS);
            now += SHARE.halfLife().toNanos();
            assertThat(queue.recentCpuNanos("hog")).isEqualTo(1_500 * MS);
            assertThat(queue.isLight("hog")).isTrue();
            now += 4 * SHARE.halfLife().toNanos();
            queue.charge("ada", 1 * MS);
            waiting("hog", "h");
            waiting("ada", "a");
            assertThat(drain()).as("a debt of 3 s, decayed to 94 ms, still costs one turn")
                    .containsExactly("a", "h");
        }
    }

    @Nested
    @DisplayName("answers the run service's questions")
    class ServiceQuestions {

        @Test
        @DisplayName("an indebted learner is told how many programs should start before theirs")
        void positions() {
            queue.charge("hog", 200 * MS);
            RunHandle hog = waiting("hog", "h");
            RunHandle ada = waiting("ada", "a");
            RunHandle bob = waiting("bob", "b");
            assertThat(queue.positionOf(hog)).isEqualTo(2);
            assertThat(queue.positionOf(ada)).isZero();
            assertThat(queue.positionOf(bob)).isEqualTo(1);
            queue.remove(ada);
            assertThat(queue.positionOf(ada)).isEqualTo(-1);
            assertThat(queue.positionOf(bob)).isZero();
        }

        @Test
        @DisplayName("while heavy learners are not allowed, only light learners' programs start")
        void lightOnly() {
            queue.charge("hog", 5_000 * MS);
            waiting("hog", "h");
            assertThat(queue.poll(false, h -> true)).isNull();
            RunHandle ada = waiting("ada", "a");
            assertThat(queue.poll(false, h -> true)).isSameAs(ada);
            assertThat(queue.poll(false, h -> true)).isNull();
            assertThat(pollAny()).isEqualTo("h");
        }

        @Test
        @DisplayName("a program the memory guard holds back keeps its turn, and nobody overtakes it")
        void admissionKeepsTurn() {
            RunHandle ada = waiting("ada", "a");
            assertThat(queue.poll(true, h -> false)).isNull();
            waiting("bob", "b");
            assertThat(queue.poll(true, h -> h != ada)).isNull();
            assertThat(drain()).containsExactly("a", "b");
        }
    }

    @Nested
    @DisplayName("with time slices")
    class Slices {

        private RunHandle paused(String learner, String label) {
            RunHandle handle = waiting(learner, label);
            queue.remove(handle);
            handle.state = RunHandle.State.PAUSED;
            queue.requeue(handle);
            return handle;
        }

        @Test
        @DisplayName("puts a paused program back ahead of its learner's programs that have not started")
        void pausedAheadOfOwnQueued() {
            waiting("ada", "a-submit");
            paused("ada", "a-run");
            assertThat(drain()).containsExactly("a-run", "a-submit");
        }

        @Test
        @DisplayName("sees a lighter learner waiting only if they used less and their program may start")
        void lighterWaiting() {
            queue.charge("ada", 300 * MS);
            queue.charge("bob", 100 * MS);
            RunHandle bobs = waiting("bob", "b");

            assertThat(queue.lighterWaiting("ada", true, h -> true)).isTrue();
            assertThat(queue.lighterWaiting("ada", true, h -> h != bobs)).isFalse();
            assertThat(queue.lighterWaiting("cy", true, h -> true)).isFalse();
        }

        @Test
        @DisplayName("resumes a paused program when the program whose turn it is does not fit")
        void pausedResumesWhenNextDoesNotFit() {
            waiting("bob", "b");
            RunHandle adas = paused("ada", "a");
            queue.charge("ada", 500 * MS);

            RunHandle next = queue.poll(true, h -> h.state() == RunHandle.State.PAUSED);

            assertThat(next).isSameAs(adas);
            assertThat(queue.size()).isEqualTo(1);
        }
    }
}
