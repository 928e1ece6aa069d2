package dev.optimlab.torch.nn;

/** Python's {@code AttributeError}, raised by {@code Module.__getattr__} for a name the module lacks. */
public final class AttributeError extends RuntimeException {
    public AttributeError(String message) {
        super(message);
    }
}
