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

    /**
     * A warning the program showed ({@code warnings.warn} or PyTorch's own), with the text CPython prints for it;
     * by default that text goes to stderr, where CPython writes it. The run's {@link RunResult#stderr()} keeps only
     * the error report.
     */
    default void warning(String category, String message, String text) {
        stderr(text);
    }

    default void finished(RunResult result) {
    }
}
