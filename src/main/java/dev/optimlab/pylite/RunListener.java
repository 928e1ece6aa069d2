package dev.optimlab.pylite;

/**
 * Receives what a run produces as it happens: printed text, error text and the final result. Called
 * on the run's own thread; implementations must be quick and must not throw.
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    default void stdout(String chunk) {
    }

    default void stderr(String chunk) {
    }

    default void finished(RunResult result) {
    }
}
