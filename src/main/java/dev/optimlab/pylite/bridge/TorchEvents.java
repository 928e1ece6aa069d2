package dev.optimlab.pylite.bridge;

/**
 * What a run with the torch modules reports besides its text output: metrics for the live charts,
 * warnings as PyTorch's {@code warnings.warn} would print them, and the calls a grader checks. PyTorch's
 * nearest counterparts are {@code SummaryWriter} event files and Python's warnings module. Called on the
 * run's own thread; implementations must be quick and must not throw.
 */
public interface TorchEvents {
    TorchEvents NONE = new TorchEvents() { };

    /** One point of a series: {@code SummaryWriter.add_scalar}, a scalar loss's {@code backward()} or a group's lr. */
    default void metric(String series, long step, double value) {
    }

    /** A warning such as {@code UserWarning}, with the message PyTorch prints. */
    default void warning(String category, String message) {
    }

    /** A call the grader cares about, in the order the program made it. */
    default void call(TraceEntry entry) {
    }
}
