package dev.optimlab.torch.nn;

/** Python's {@code KeyError}, raised by {@code register_parameter}/{@code register_buffer}/{@code add_module}. */
public final class KeyError extends RuntimeException {
    public KeyError(String message) {
        super(message);
    }
}
