package dev.optimlab.runs;

import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.runtime.LimitExceeded;
import java.time.Duration;

/**
 * What a running program produces, as the Python process's stdout/stderr, its {@code warnings} module and
 * a {@code SummaryWriter} would. Called on the program's own thread; implementations are quick and never
 * throw.
 */
public interface ProgramOutput {

    void stdout(String text);

    void stderr(String text);

    /** A warning line as Python's {@code warnings.showwarning} prints it (e.g. a {@code UserWarning}). */
    void warning(String text);

    /** A scalar as {@code SummaryWriter.add_scalar(series, value, step)} records it. */
    void metric(String series, long step, double value);

    /**
     * The CPU time the program used on every thread it ran on, reported just before {@link #finished}; the
     * service bills it to the learner, or the time the program held its worker when that is longer (a host
     * whose cores other processes share) or when nothing is reported.
     */
    default void cpuTime(Duration used) {
    }

    /**
     * A job whose result is not the program's own (a graded attempt answers with its verdict) reports here, just
     * before {@link #finished}, the limit that stopped the learner's program; the service bills it by the rule
     * for programs stopped by a limit. A plain program's result says it itself.
     */
    default void endedOnLimit(LimitExceeded.Kind kind) {
    }

    /** The program ended; called exactly once, last. */
    void finished(RunResult result);
}
