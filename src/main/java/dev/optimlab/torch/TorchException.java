package dev.optimlab.torch;

/**
 * An error raised by the core, carrying the Python exception class PyTorch would raise
 * ({@code RuntimeError}, {@code ValueError}, {@code TypeError}, {@code IndexError}, {@code KeyError}, ...) and
 * PyTorch's message, so an interpreter can re-raise exactly what a learner would see from real PyTorch.
 */
public final class TorchException extends RuntimeException {

    /**
     * The Python built-in exception classes the core raises; {@code KeyError} is what {@code torch.optim} raises
     * for a missing param-group key (an lr_scheduler resumed with {@code last_epoch} and no {@code 'initial_lr'}).
     */
    public enum PythonType { RuntimeError, ValueError, TypeError, IndexError, KeyError, NotImplementedError }

    private final PythonType pythonType;

    public TorchException(PythonType pythonType, String message) {
        super(message);
        this.pythonType = pythonType;
    }

    public PythonType pythonType() {
        return pythonType;
    }

    static TorchException runtime(String message) {
        return new TorchException(PythonType.RuntimeError, message);
    }

    static TorchException value(String message) {
        return new TorchException(PythonType.ValueError, message);
    }

    static TorchException type(String message) {
        return new TorchException(PythonType.TypeError, message);
    }

    static TorchException index(String message) {
        return new TorchException(PythonType.IndexError, message);
    }
}
