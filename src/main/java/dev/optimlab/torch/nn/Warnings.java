package dev.optimlab.torch.nn;

import java.util.function.Consumer;

/**
 * Mirrors Python's {@code warnings.warn(message, UserWarning)} as torch.nn uses it (e.g. MSELoss's target
 * size warning). Each thread (one run) may install its own handler; without one, warnings go to standard
 * error as {@code UserWarning: message}, as Python prints them.
 */
public final class Warnings {
    private static final ThreadLocal<Consumer<String>> HANDLER = new ThreadLocal<>();

    private Warnings() {
    }

    /** Routes this thread's warnings to handler until the returned scope closes. */
    public static Scope install(Consumer<String> handler) {
        Consumer<String> previous = HANDLER.get();
        HANDLER.set(handler);
        return () -> HANDLER.set(previous);
    }

    /** Mirrors {@code warnings.warn(message)} with the category UserWarning. */
    public static void warn(String message) {
        Consumer<String> handler = HANDLER.get();
        if (handler == null) {
            System.err.println("UserWarning: " + message);
        } else {
            handler.accept(message);
        }
    }

    /** Restores the previous handler. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
