package dev.optimlab.pylite.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The warnings of one run, as CPython's {@code warnings} module with its default filter: a warning is shown
 * the first time its (text, category, location) occurs and formatted as {@code warnings.formatwarning} does
 * ({@code main.py:7: UserWarning: message} and the stripped source line). The run's {@link Sink} decides where
 * the text goes (stderr for a plain run, a warning event for the app).
 */
public final class Warnings {
    /** Receives each warning shown: its category name, its message and the text CPython would print. */
    @FunctionalInterface
    public interface Sink {
        void warning(String category, String message, String text);
    }

    private final Set<List<Object>> shown = new HashSet<>();
    private Sink sink = (category, message, text) -> { };

    public void setSink(Sink sink) {
        this.sink = sink;
    }

    /** A warning raised inside a host library (PyTorch): no Python location, shown once per text and category. */
    public void warnHost(String category, String message) {
        if (shown.add(List.of(message, category, "host"))) {
            sink.warning(category, message, category + ": " + message + "\n");
        }
    }

    /** {@code warnings.warn_explicit}: shows the warning unless it was shown at this location before. */
    void warnAt(Interpreter in, PyType category, String message, String filename, int line) {
        if (!shown.add(List.of(message, category.name(), filename, line))) {
            return;
        }
        StringBuilder text = new StringBuilder(filename).append(':').append(line).append(": ").append(category.name())
                .append(": ").append(message).append('\n');
        String source = filename.equals(in.filename()) ? in.sourceLine(line).strip() : "";
        if (!source.isEmpty()) {
            text.append("  ").append(source).append('\n');
        }
        in.budget().output(text.length());
        sink.warning(category.name(), message, text.toString());
    }

    /** The {@code warnings} module: {@code warn(message, category=None, stacklevel=1)}. */
    static PyModule module(Interpreter in) {
        return new PyModule("warnings").function("warn", (i, a, k) -> {
            Args.range("warn", a, 1, 3);
            Args.onlyKeywords("warn", k, "message", "category", "stacklevel");
            Object message = a[0];
            Object category = a.length > 1 ? a[1] : Args.keyword(k, "category", Py.NONE);
            long stacklevel = Ops.index(a.length > 2 ? a[2] : Args.keyword(k, "stacklevel", 1L));
            PyType type;
            if (message instanceof PyBaseException e && e.type().isSubtypeOf(PyType.WARNING)) {
                type = e.type();
            } else if (category == Py.NONE) {
                type = PyType.USER_WARNING;
            } else if (category instanceof PyType t && t.isSubtypeOf(PyType.WARNING)) {
                type = t;
            } else {
                throw PyException.typeError("category must be a Warning subclass, not '" + Py.typeName(category) + "'");
            }
            int line = i.callerLine((int) Math.max(1, stacklevel));
            i.warnings().warnAt(i, type, Ops.str(i, message), line > 0 ? i.filename() : "sys", line > 0 ? line : 1);
            return Py.NONE;
        });
    }
}
