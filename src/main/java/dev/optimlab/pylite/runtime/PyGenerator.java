package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.syntax.Node;
import dev.optimlab.pylite.syntax.Node.*;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A generator: the body of a function containing {@code yield}, run as an explicit state machine so
 * that it can suspend without a thread of its own. Statements without {@code yield} run on the normal
 * evaluator; only the compound statements that contain a yield (block, if, while, for, try, with) are
 * kept as cursors on a stack. Mirrors CPython's generator object (send, close, StopIteration value);
 * {@code yield} must stand as a statement ({@code yield x} or {@code y = yield x}); see docs/decisions.md.
 * {@code throw()} and {@code close()} raise their exception at the suspended yield and unwind from there.
 */
final class PyGenerator implements PyIterator {
    private sealed interface Cursor permits Block, WhileLoop, ForLoop, TryBlock, WithBlock, Delegate { }

    private static final class Block implements Cursor {
        final List<Statement> body;
        int index;

        Block(List<Statement> body) {
            this.body = body;
        }
    }

    private record WhileLoop(While node) implements Cursor { }

    private record ForLoop(For node, PyIterator iterator) implements Cursor { }

    private enum Phase { BODY, HANDLER, ELSE, FINALLY }

    private static final class TryBlock implements Cursor {
        final Try node;
        Phase phase = Phase.BODY;
        PyException pending;
        int pendingSignal = Interpreter.NORMAL;
        PyBaseException savedHandling;
        String boundName;

        TryBlock(Try node) {
            this.node = node;
        }
    }

    private record WithBlock(Object exit) implements Cursor { }

    private record Delegate(PyIterator iterator) implements Cursor { }

    private static final Object KEEP_GOING = new Object();

    private final Interpreter in;
    private final PyFunction function;
    private final Frame frame;
    private final ArrayDeque<Cursor> stack = new ArrayDeque<>();
    private List<Expression> pendingTargets;
    private boolean running;
    private boolean started;
    private boolean finished;
    private Object returnValue = Py.NONE;

    PyGenerator(Interpreter in, PyFunction function, Frame frame) {
        this.in = in;
        this.function = function;
        this.frame = frame;
        stack.push(new Block(function.body()));
    }

    /** The value of the {@code return} that ended the generator, for StopIteration.value. */
    Object returnValue() {
        return returnValue;
    }

    @Override
    public Object next(Interpreter ignored) {
        return resume(Py.NONE);
    }

    /** {@code gen.send(value)}: resumes with the value of the pending {@code yield}; null when exhausted. */
    Object resume(Object sent) {
        if (finished) {
            return null;
        }
        if (running) {
            throw PyException.valueError("generator already executing");
        }
        running = true;
        started = true;
        try {
            return in.inFrame(frame, () -> run(sent));
        } finally {
            running = false;
        }
    }

    /** {@code gen.throw(exc)}: raises exc at the suspended yield; returns the next yielded value or null. */
    Object throwInto(PyException e) {
        if (finished) {
            throw e;
        }
        if (running) {
            throw PyException.valueError("generator already executing");
        }
        running = true;
        started = true;
        try {
            return in.inFrame(frame, () -> {
                pendingTargets = null;
                try {
                    fail(e);
                } catch (PyException | LimitExceeded stop) {
                    finished = true;
                    stack.clear();
                    throw stop;
                }
                return run(Py.NONE);
            });
        } finally {
            running = false;
        }
    }

    private Object run(Object sent) {
        if (pendingTargets != null) {
            List<Expression> targets = pendingTargets;
            pendingTargets = null;
            try {
                for (Expression t : targets) {
                    in.assign(t, sent, frame);
                }
            } catch (PyException e) {
                fail(e);
            }
        }
        while (true) {
            try {
                if (stack.isEmpty()) {
                    finished = true;
                    return null;
                }
                Object result = step();
                if (result != KEEP_GOING) {
                    return result;
                }
            } catch (PyException e) {
                fail(e);
            } catch (LimitExceeded e) {
                finished = true;
                stack.clear();
                throw e;
            }
        }
    }

    private void fail(PyException e) {
        in.recordIn(e, frame);
        if (!unwindException(e)) {
            finished = true;
            if (e.value().type().isSubtypeOf(PyType.STOP_ITERATION)) {
                PyException wrapped = PyException.of(PyType.RUNTIME_ERROR, "generator raised StopIteration");
                wrapped.value().setCause(e.value());
                throw wrapped;
            }
            throw e;
        }
    }

    private Object step() {
        Cursor top = stack.peek();
        switch (top) {
            case Block b -> {
                if (b.index >= b.body.size()) {
                    stack.pop();
                    return KEEP_GOING;
                }
                Statement s = b.body.get(b.index++);
                if (!in.containsYield(s)) {
                    int signal = in.exec(s, frame);
                    if (signal != Interpreter.NORMAL) {
                        unwindSignal(signal);
                    }
                    return KEEP_GOING;
                }
                frame.line = s.line();
                return start(s);
            }
            case WhileLoop w -> {
                frame.line = w.node().line();
                stack.pop();
                if (Ops.truthy(in, in.eval(w.node().test(), frame))) {
                    stack.push(w);
                    stack.push(new Block(w.node().body()));
                } else {
                    stack.push(new Block(w.node().orelse()));
                }
                return KEEP_GOING;
            }
            case ForLoop fl -> {
                frame.line = fl.node().line();
                Object v = fl.iterator().next(in);
                if (v == null) {
                    stack.pop();
                    stack.push(new Block(fl.node().orelse()));
                } else {
                    in.assign(fl.node().target(), v, frame);
                    stack.push(new Block(fl.node().body()));
                }
                return KEEP_GOING;
            }
            case TryBlock t -> {
                return tryBlockFinished(t);
            }
            case WithBlock w -> {
                stack.pop();
                in.call(w.exit(), new Object[] {Py.NONE, Py.NONE, Py.NONE}, null);
                return KEEP_GOING;
            }
            case Delegate d -> {
                Object v = d.iterator().next(in);
                if (v == null) {
                    stack.pop();
                    return KEEP_GOING;
                }
                return v;
            }
        }
    }

    private Object start(Statement s) {
        switch (s) {
            case Expr e when e.value() instanceof Yield y -> {
                return y.value() == null ? Py.NONE : in.eval(y.value(), frame);
            }
            case Expr e when e.value() instanceof YieldFrom y -> {
                stack.push(new Delegate(Ops.iter(in, in.eval(y.value(), frame))));
                return KEEP_GOING;
            }
            case Assign a when a.value() instanceof Yield y -> {
                Object v = y.value() == null ? Py.NONE : in.eval(y.value(), frame);
                pendingTargets = a.targets();
                return v;
            }
            case If i -> {
                stack.push(new Block(Ops.truthy(in, in.eval(i.test(), frame)) ? i.body() : i.orelse()));
                return KEEP_GOING;
            }
            case While w -> {
                stack.push(new WhileLoop(w));
                return KEEP_GOING;
            }
            case For f -> {
                stack.push(new ForLoop(f, Ops.iter(in, in.eval(f.iter(), frame))));
                return KEEP_GOING;
            }
            case Try t -> {
                stack.push(new TryBlock(t));
                stack.push(new Block(t.body()));
                return KEEP_GOING;
            }
            case With w -> {
                for (WithItem item : w.items()) {
                    Object manager = in.eval(item.contextExpr(), frame);
                    Object exit = Ops.getAttr(in, manager, "__exit__");
                    Object value = in.call(Ops.getAttr(in, manager, "__enter__"), new Object[0], null);
                    stack.push(new WithBlock(exit));
                    if (item.optionalVars() != null) {
                        in.assign(item.optionalVars(), value, frame);
                    }
                }
                stack.push(new Block(w.body()));
                return KEEP_GOING;
            }
            default -> throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "in OptimLab, yield must stand as its own"
                    + " statement (yield x, or y = yield x), inside if/for/while/try/with blocks");
        }
    }

    private Object tryBlockFinished(TryBlock t) {
        switch (t.phase) {
            case BODY -> {
                t.phase = Phase.ELSE;
                stack.push(new Block(t.node.orelse()));
            }
            case HANDLER, ELSE -> {
                leaveHandler(t);
                t.phase = Phase.FINALLY;
                stack.push(new Block(t.node.finalbody()));
            }
            case FINALLY -> {
                stack.pop();
                if (t.pending != null) {
                    throw t.pending;
                }
                if (t.pendingSignal != Interpreter.NORMAL) {
                    unwindSignal(t.pendingSignal);
                }
            }
        }
        return KEEP_GOING;
    }

    private void leaveHandler(TryBlock t) {
        if (t.phase == Phase.HANDLER) {
            in.setHandling(t.savedHandling);
            if (t.boundName != null) {
                frame.locals.remove(t.boundName);
            }
        }
    }

    private void unwindSignal(int signal) {
        while (!stack.isEmpty()) {
            Cursor c = stack.peek();
            switch (c) {
                case WhileLoop w -> {
                    if (signal == Interpreter.CONTINUE) {
                        return;
                    }
                    stack.pop();
                    if (signal == Interpreter.BREAK) {
                        return;
                    }
                }
                case ForLoop fl -> {
                    if (signal == Interpreter.CONTINUE) {
                        return;
                    }
                    stack.pop();
                    if (signal == Interpreter.BREAK) {
                        return;
                    }
                }
                case TryBlock t -> {
                    if (t.phase != Phase.FINALLY && !t.node.finalbody().isEmpty()) {
                        leaveHandler(t);
                        t.phase = Phase.FINALLY;
                        t.pendingSignal = signal;
                        stack.push(new Block(t.node.finalbody()));
                        return;
                    }
                    leaveHandler(t);
                    stack.pop();
                }
                case WithBlock w -> {
                    stack.pop();
                    in.call(w.exit(), new Object[] {Py.NONE, Py.NONE, Py.NONE}, null);
                }
                default -> stack.pop();
            }
        }
        if (signal == Interpreter.RETURN) {
            returnValue = frame.returnValue;
        }
    }

    private boolean unwindException(PyException e) {
        while (!stack.isEmpty()) {
            Cursor c = stack.peek();
            switch (c) {
                case TryBlock t when t.phase == Phase.BODY -> {
                    for (ExceptHandler h : t.node.handlers()) {
                        if (h.type() == null || matches(e.value(), in.eval(h.type(), frame))) {
                            t.phase = Phase.HANDLER;
                            t.savedHandling = in.handling();
                            in.setHandling(e.value());
                            t.boundName = h.name();
                            if (h.name() != null) {
                                in.store(frame, h.name(), e.value());
                            }
                            stack.push(new Block(h.body()));
                            return true;
                        }
                    }
                    if (!t.node.finalbody().isEmpty()) {
                        t.phase = Phase.FINALLY;
                        t.pending = e;
                        stack.push(new Block(t.node.finalbody()));
                        return true;
                    }
                    stack.pop();
                }
                case TryBlock t -> {
                    if (t.phase == Phase.HANDLER && e.value() != t.savedHandling && e.value().context() == null
                            && in.handling() != e.value()) {
                        e.value().setContext(in.handling());
                    }
                    boolean hadFinally = t.phase != Phase.FINALLY && !t.node.finalbody().isEmpty();
                    leaveHandler(t);
                    if (hadFinally) {
                        t.phase = Phase.FINALLY;
                        t.pending = e;
                        stack.push(new Block(t.node.finalbody()));
                        return true;
                    }
                    stack.pop();
                }
                case WithBlock w -> {
                    stack.pop();
                    Object suppress = in.call(w.exit(), new Object[] {e.value().type(), e.value(), Py.NONE}, null);
                    if (Ops.truthy(in, suppress)) {
                        return true;
                    }
                }
                default -> stack.pop();
            }
        }
        return false;
    }

    private static boolean matches(PyBaseException exc, Object spec) {
        if (spec instanceof PyTuple t) {
            for (Object o : t.items()) {
                if (matches(exc, o)) {
                    return true;
                }
            }
            return false;
        }
        if (spec instanceof PyType type && type.isSubtypeOf(PyType.BASE_EXCEPTION)) {
            return exc.type().isSubtypeOf(type);
        }
        throw PyException.typeError("catching classes that do not inherit from BaseException is not allowed");
    }

    /** {@code gen.close()}: raises GeneratorExit at the suspended yield so pending finally blocks run. */
    void close() {
        if (finished) {
            return;
        }
        if (!started) {
            finished = true;
            stack.clear();
            return;
        }
        Object yielded;
        try {
            yielded = throwInto(new PyException(PyBaseException.create(PyType.GENERATOR_EXIT, new Object[0])));
        } catch (PyException e) {
            PyType type = e.value().type();
            if (type.isSubtypeOf(PyType.GENERATOR_EXIT) || type.isSubtypeOf(PyType.STOP_ITERATION)) {
                return;
            }
            throw e;
        }
        finished = true;
        stack.clear();
        if (yielded != null) {
            throw PyException.of(PyType.RUNTIME_ERROR, "generator ignored GeneratorExit");
        }
    }

    @Override
    public PyType pyType() {
        return PyType.GENERATOR;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "send" -> PyBuiltinFunction.function("send", (i, a, k) -> {
                Object v = resume(a.length > 0 ? a[0] : Py.NONE);
                if (v == null) {
                    throw stopIteration();
                }
                return v;
            });
            case "close" -> PyBuiltinFunction.function("close", (i, a, k) -> {
                close();
                return Py.NONE;
            });
            case "throw" -> PyBuiltinFunction.function("throw", (i, a, k) -> {
                Args.range("throw", a, 1, 2);
                Object exc = a[0];
                if (exc instanceof PyType t && t.isSubtypeOf(PyType.BASE_EXCEPTION)) {
                    exc = i.call(t, a.length > 1 ? new Object[] {a[1]} : new Object[0], null);
                }
                if (!(exc instanceof PyBaseException value)) {
                    throw PyException.typeError("exceptions must be classes or instances deriving from BaseException, "
                            + "not " + Py.typeName(exc));
                }
                Object v = throwInto(new PyException(value));
                if (v == null) {
                    throw stopIteration();
                }
                return v;
            });
            default -> iteratorMethod(this, name);
        };
    }

    PyException stopIteration() {
        Object[] args = returnValue == Py.NONE ? new Object[0] : new Object[] {returnValue};
        return new PyException(PyBaseException.create(PyType.STOP_ITERATION, args));
    }

    /** The {@code __next__} and {@code __iter__} methods every iterator has. */
    static Object iteratorMethod(PyIterator self, String name) {
        return switch (name) {
            case "__next__" -> PyBuiltinFunction.function("__next__", (i, a, k) -> {
                Object v = self.next(i);
                if (v == null) {
                    throw self instanceof PyGenerator g ? g.stopIteration()
                            : new PyException(PyBaseException.create(PyType.STOP_ITERATION, new Object[0]));
                }
                return v;
            });
            case "__iter__" -> PyBuiltinFunction.function("__iter__", (i, a, k) -> self);
            default -> null;
        };
    }

    @Override
    public String repr(Interpreter in) {
        return "<generator object " + function.qualname() + " at " + in.fakeAddress(this) + ">";
    }
}
