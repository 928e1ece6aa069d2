package dev.optimlab.pylite.runtime;

/**
 * {@code warnings.catch_warnings(*, record=False, action=None, category=Warning, lineno=0, append=False)}; mirrors
 * Lib/warnings.py's context manager: entering saves the run's filters (and applies {@code simplefilter(action, ...)}
 * when an action is given), with {@code record=True} returns the list the warnings are collected in instead of shown,
 * and exiting restores what was saved.
 */
final class CatchWarnings implements PyObject {
    static final PyType TYPE = PyType.hostClass("catch_warnings", null, "warnings");

    private final boolean record;
    private final Warnings.Filter filter;
    private final boolean append;
    private Warnings.Saved saved;
    private boolean entered;

    CatchWarnings(boolean record, Warnings.Filter filter, boolean append) {
        this.record = record;
        this.filter = filter;
        this.append = append;
    }

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "__enter__" -> PyBuiltinFunction.function("__enter__", (i, a, k) -> enter(i));
            case "__exit__" -> PyBuiltinFunction.function("__exit__", (i, a, k) -> exit(i));
            default -> PyObject.super.getAttr(in, name);
        };
    }

    private Object enter(Interpreter in) {
        if (entered) {
            throw PyException.of(PyType.RUNTIME_ERROR, "Cannot enter " + repr(in) + " twice");
        }
        entered = true;
        Warnings warnings = in.warnings();
        saved = warnings.save();
        if (filter != null) {
            warnings.addFilter(filter, append);
        }
        if (!record) {
            return Py.NONE;
        }
        PyList log = new PyList();
        warnings.record(message -> {
            in.budget().allocate(64);
            log.items().add(message);
        });
        return log;
    }

    private Object exit(Interpreter in) {
        if (!entered) {
            throw PyException.of(PyType.RUNTIME_ERROR, "Cannot exit " + repr(in) + " without entering first");
        }
        in.warnings().restore(saved);
        return Py.NONE;
    }

    @Override
    public String repr(Interpreter in) {
        return record ? "catch_warnings(record=True)" : "catch_warnings()";
    }
}
