package dev.optimlab.torch.optim;

/**
 * Receives what Python's {@code warnings.warn(message, category)} would print, so a run can show it as a
 * warning event instead of writing to standard error.
 */
@FunctionalInterface
public interface WarningSink {

    /** A sink that drops every warning, for callers that do not show them. */
    WarningSink IGNORE = (category, message) -> { };

    /** {@code category} is the Python warning class name, such as {@code UserWarning}. */
    void warn(String category, String message);
}
