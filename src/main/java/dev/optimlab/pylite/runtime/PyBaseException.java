package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * An exception object; mirrors CPython's {@code PyBaseExceptionObject} with {@code args},
 * {@code __cause__}, {@code __context__}, {@code __suppress_context__} and the traceback entries.
 */
public final class PyBaseException extends PyInstance {
    /** One line of a traceback: which function was running which line. */
    public record Entry(String filename, int line, String function) { }

    private PyTuple args = PyTuple.EMPTY;
    private final List<Entry> traceback = new ArrayList<>();
    private final List<dev.optimlab.pylite.syntax.Node> positions = new ArrayList<>();
    private PyBaseException cause;
    private PyBaseException context;
    private boolean suppressContext;
    /** The frame that last added a traceback entry, so one frame is listed once per pass. */
    Object lastFrame;
    private java.util.function.Supplier<String> suggestion;

    PyBaseException(PyType cls) {
        super(cls);
    }

    public static PyBaseException create(PyType type, String message) {
        return create(type, new Object[] {message});
    }

    public static PyBaseException create(PyType type, Object[] args) {
        PyBaseException e = new PyBaseException(type);
        e.args = new PyTuple(args);
        return e;
    }

    public PyType type() {
        return pyType();
    }

    public PyTuple args() {
        return args;
    }

    void setArgs(Object[] values) {
        args = new PyTuple(values.clone());
    }

    /** Traceback entries, outermost call first, as CPython prints them. */
    public List<Entry> traceback() {
        return traceback;
    }

    /** Records a frame the exception passed through (frames are met innermost first). */
    void addFrame(Entry entry) {
        addFrame(entry, null);
    }

    /** Records a frame with the expression in it the exception came out of (null when unknown). */
    void addFrame(Entry entry, dev.optimlab.pylite.syntax.Node position) {
        traceback.add(0, entry);
        positions.add(0, position);
    }

    /** The expression each traceback entry's frame failed in, for CPython 3.11's markers; entries may have none. */
    public List<dev.optimlab.pylite.syntax.Node> positions() {
        return positions;
    }

    /** The "Did you mean" name a traceback adds for NameError and AttributeError, or null. */
    public String suggestion() {
        return suggestion == null ? null : suggestion.get();
    }

    void setSuggestion(java.util.function.Supplier<String> suggestion) {
        this.suggestion = suggestion;
    }

    public PyBaseException cause() {
        return cause;
    }

    public PyBaseException context() {
        return context;
    }

    public boolean suppressContext() {
        return suppressContext;
    }

    void setCause(PyBaseException cause) {
        this.cause = cause;
        this.suppressContext = true;
    }

    void setContext(PyBaseException context) {
        if (context != this) {
            this.context = context;
        }
    }

    /** {@code str(exc)} without calling learner code: the text after "ValueError: ". */
    public String message() {
        Interpreter in = Interpreter.current();
        return in == null ? String.valueOf(args.size() > 0 ? args.get(0) : "") : str(in);
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "args" -> args;
            case "__cause__" -> cause == null ? Py.NONE : cause;
            case "__context__" -> context == null ? Py.NONE : context;
            case "__suppress_context__" -> suppressContext;
            case "__traceback__" -> Py.NONE;
            case "value" -> type().isSubtypeOf(PyType.STOP_ITERATION)
                    ? (args.size() > 0 ? args.get(0) : Py.NONE) : super.getAttr(in, name);
            default -> super.getAttr(in, name);
        };
    }

    @Override
    public boolean setAttr(Interpreter in, String name, Object value) {
        switch (name) {
            case "args" -> args = new PyTuple(Ops.toList(in, value).toArray());
            case "__cause__" -> setCause(value == Py.NONE ? null : (PyBaseException) value);
            case "__context__" -> context = value == Py.NONE ? null : (PyBaseException) value;
            default -> {
                return super.setAttr(in, name, value);
            }
        }
        return true;
    }

    @Override
    public String str(Interpreter in) {
        if (hasSpecial("__str__")) {
            return super.str(in);
        }
        if (type().isSubtypeOf(PyType.KEY_ERROR) && args.size() == 1) {
            return Ops.repr(in, args.get(0));
        }
        return switch (args.size()) {
            case 0 -> "";
            case 1 -> Ops.str(in, args.get(0));
            default -> args.repr(in);
        };
    }

    @Override
    public String repr(Interpreter in) {
        if (hasSpecial("__repr__")) {
            return super.repr(in);
        }
        String inner = args.size() == 1 ? Ops.repr(in, args.get(0)) : args.size() == 0 ? ""
                : args.repr(in).substring(1, args.repr(in).length() - 1);
        return type().name() + "(" + inner + ")";
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return this == other;
    }

    @Override
    public long pyHash(Interpreter in) {
        return System.identityHashCode(this);
    }
}
