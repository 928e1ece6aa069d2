package dev.optimlab.torch;

import java.util.Objects;

/**
 * The per-thread state of one run: grad mode (PyTorch's thread-local {@code GradMode}), the default random
 * generator ({@code torch.default_generator}), the print options ({@code torch.set_printoptions}) and the
 * compute guard, so that two runs on two threads never share state.
 *
 * <p>Each thread starts with a fresh context (grad enabled, no guard); a run installs its own with
 * {@link #install(ComputeContext)} and restores the previous one by closing the returned scope.
 */
public final class ComputeContext {

    private static final ThreadLocal<ComputeContext> CURRENT = ThreadLocal.withInitial(ComputeContext::new);

    private boolean gradEnabled = true;
    private ComputeGuard guard = ComputeGuard.NONE;
    private Generator generator = new Generator();
    private PrintOptions printOptions = PrintOptions.DEFAULT;

    public static ComputeContext current() {
        return CURRENT.get();
    }

    /** Makes {@code context} the current thread's context until the returned scope is closed. */
    public static Scope install(ComputeContext context) {
        ComputeContext previous = CURRENT.get();
        CURRENT.set(Objects.requireNonNull(context));
        return () -> CURRENT.set(previous);
    }

    /** Mirrors {@code torch.is_grad_enabled()}. */
    public boolean isGradEnabled() {
        return gradEnabled;
    }

    /** Mirrors {@code torch.set_grad_enabled(mode)} used as a function. */
    public void setGradEnabled(boolean enabled) {
        this.gradEnabled = enabled;
    }

    public ComputeGuard guard() {
        return guard;
    }

    public void setGuard(ComputeGuard guard) {
        this.guard = Objects.requireNonNull(guard);
    }

    /** The generator that {@code torch.manual_seed}, {@code rand}, {@code randn}, ... use on this thread. */
    public Generator generator() {
        return generator;
    }

    public void setGenerator(Generator generator) {
        this.generator = Objects.requireNonNull(generator);
    }

    public PrintOptions printOptions() {
        return printOptions;
    }

    /** Mirrors {@code torch.set_printoptions}, for this run only. */
    public void setPrintOptions(PrintOptions printOptions) {
        this.printOptions = Objects.requireNonNull(printOptions);
    }

    /** Mirrors the context managers {@code torch.no_grad()}, {@code torch.enable_grad()} and {@code set_grad_enabled}. */
    public static Scope gradMode(boolean enabled) {
        ComputeContext context = current();
        boolean previous = context.gradEnabled;
        context.gradEnabled = enabled;
        return () -> context.gradEnabled = previous;
    }

    /** Reports a block of kernel work to the current guard. */
    static void checkpoint(long workDone) {
        CURRENT.get().guard.checkpoint(workDone);
    }

    /** A scope that restores what it changed when closed; closing cannot fail. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
