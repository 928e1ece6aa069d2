package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A grade's timeline")
class GradeTimelineTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final GradeTimeline timeline = new GradeTimeline(now::get);

    private void at(long nanos, GradeTimeline.Stage stage) {
        now.set(nanos);
        timeline.mark(stage);
    }

    @AfterEach
    void detach() {
        GradeTimeline.close();
    }

    @Test
    @DisplayName("splits the time into the intervals that end at each stage")
    void intervals() {
        at(1_000, GradeTimeline.Stage.RECEIVED);
        at(3_000, GradeTimeline.Stage.QUEUED);
        at(53_000, GradeTimeline.Stage.STARTED);
        at(60_000, GradeTimeline.Stage.CHECKS_DONE);
        assertThat(timeline.intervals()).containsExactly(
                Map.entry(GradeTimeline.Stage.QUEUED, Duration.ofNanos(2_000)),
                Map.entry(GradeTimeline.Stage.STARTED, Duration.ofNanos(50_000)),
                Map.entry(GradeTimeline.Stage.CHECKS_DONE, Duration.ofNanos(7_000)));
        assertThat(timeline.total()).isEqualTo(Duration.ofNanos(59_000));
    }

    @Test
    @DisplayName("keeps the first stamp of a stage that is marked twice")
    void firstStampCounts() {
        at(1_000, GradeTimeline.Stage.RECEIVED);
        at(2_000, GradeTimeline.Stage.QUEUED);
        at(9_000, GradeTimeline.Stage.QUEUED);
        assertThat(timeline.intervals()).containsEntry(GradeTimeline.Stage.QUEUED, Duration.ofNanos(1_000));
    }

    @Test
    @DisplayName("has no intervals and no time before a second stage is stamped")
    void empty() {
        at(1_000, GradeTimeline.Stage.RECEIVED);
        assertThat(timeline.intervals()).isEmpty();
        assertThat(timeline.total()).isEqualTo(Duration.ZERO);
    }

    @Nested
    @DisplayName("on the request thread")
    class OnTheRequestThread {

        @Test
        @DisplayName("is found by the code the request calls, and stamped through the thread")
        void current() {
            GradeTimeline opened = GradeTimeline.open();
            assertThat(GradeTimeline.current()).isSameAs(opened);
            GradeTimeline.markCurrent(GradeTimeline.Stage.STORED);
            assertThat(opened.intervals()).containsOnlyKeys(GradeTimeline.Stage.STORED);
        }

        @Test
        @DisplayName("is gone once closed, and stamping without one does nothing")
        void closed() {
            GradeTimeline.open();
            GradeTimeline.close();
            assertThat(GradeTimeline.current()).isNull();
            GradeTimeline.markCurrent(GradeTimeline.Stage.STORED);
            assertThat(GradeTimeline.current()).isNull();
        }
    }
}
