package dev.optimlab.course;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The moments one graded attempt passes on its way from the request to the answer, stamped by the threads that
 * see them (request thread, run worker, grading thread), so that the time of a verdict can be split into queue
 * wait, grading, storing and answering. The request thread opens it and the grading service picks it up from
 * that thread. No PyTorch counterpart: the events of a tracing span (OpenTelemetry's span events).
 */
public final class GradeTimeline {
    /** The moments in the order an attempt passes them. */
    public enum Stage {
        /** The grading request reached the application's code. */
        RECEIVED,
        /** The attempt is handed to the run queue. */
        QUEUED,
        /** A worker took the attempt. */
        STARTED,
        /** The learner's program ended; its memory is no longer needed. */
        PROGRAM_ENDED,
        /** The checks ended and the verdict is built. */
        CHECKS_DONE,
        /** The waiting request thread holds the verdict. */
        VERDICT_HANDED,
        /** The attempt's transaction committed. */
        STORED,
        /** The answer is handed to the web server. */
        ANSWERED
    }

    private static final ThreadLocal<GradeTimeline> CURRENT = new ThreadLocal<>();

    private final LongSupplier clock;
    private final AtomicLongArray stamps = new AtomicLongArray(Stage.values().length);

    GradeTimeline(LongSupplier clock) {
        this.clock = clock;
    }

    /** Opens a timeline for the attempt this thread is about to grade, stamped {@link Stage#RECEIVED}. */
    public static GradeTimeline open() {
        GradeTimeline timeline = new GradeTimeline(System::nanoTime);
        timeline.mark(Stage.RECEIVED);
        CURRENT.set(timeline);
        return timeline;
    }

    /** The timeline this thread opened, or null when the caller does not trace its attempt. */
    static GradeTimeline current() {
        return CURRENT.get();
    }

    /** Stamps a stage of this thread's attempt, if it traces one. */
    public static void markCurrent(Stage stage) {
        GradeTimeline timeline = CURRENT.get();
        if (timeline != null) {
            timeline.mark(stage);
        }
    }

    /** Detaches the timeline from this thread once the attempt is answered. */
    public static void close() {
        CURRENT.remove();
    }

    /** Stamps {@code stage} now; the first stamp of a stage counts. */
    public void mark(Stage stage) {
        stamps.compareAndSet(stage.ordinal(), 0, Math.max(1, clock.getAsLong()));
    }

    /**
     * The time spent between each stamped stage and the next stamped one, keyed by the later stage; stages not
     * passed (a program that never started, a refused attempt) are left out.
     */
    public Map<Stage, Duration> intervals() {
        Map<Stage, Duration> intervals = new EnumMap<>(Stage.class);
        long previous = 0;
        for (Stage stage : Stage.values()) {
            long at = stamps.get(stage.ordinal());
            if (at == 0) {
                continue;
            }
            if (previous != 0) {
                intervals.put(stage, Duration.ofNanos(at - previous));
            }
            previous = at;
        }
        return intervals;
    }

    /** From the first stamp to the last. */
    public Duration total() {
        long first = 0;
        long last = 0;
        for (Stage stage : Stage.values()) {
            long at = stamps.get(stage.ordinal());
            if (at != 0) {
                first = first == 0 ? at : first;
                last = at;
            }
        }
        return Duration.ofNanos(last - first);
    }
}
