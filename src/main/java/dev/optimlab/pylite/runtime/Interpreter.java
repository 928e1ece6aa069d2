package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.syntax.Node;
import dev.optimlab.pylite.syntax.Node.*;
import dev.optimlab.pylite.syntax.Node.Module;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tree-walking evaluator: statements and expressions of the AST are evaluated with switch patterns.
 * Mirrors CPython's Python/ceval.c in behaviour (scoping, calls, exceptions, tracebacks) but not in
 * mechanism. One instance runs one program on one thread.
 */
public final class Interpreter {
    private static final ThreadLocal<Interpreter> CURRENT = new ThreadLocal<>();

    static final int NORMAL = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;
    static final int RETURN = 3;

    /** Where printed text goes. */
    @FunctionalInterface
    public interface Output {
        void write(String text);
    }

    private final Budget budget;
    private final String filename;
    private final String source;
    /** The source split into lines, only once a traceback or warning shows one (most runs never do). */
    private String[] sourceLines;
    private final Output stdout;
    private final Map<String, Object> builtins;
    private final Map<String, Object> globals = new LinkedHashMap<>();
    private final Map<String, PyModule> imported = new HashMap<>();
    private final Map<Object, Scope> scopes = new IdentityHashMap<>();
    private final Set<Object> reprInProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private final Map<Object, Long> addresses = new IdentityHashMap<>();
    private final ArrayDeque<Object> underConstruction = new ArrayDeque<>();
    private final Map<Statement, Boolean> containsYield = new IdentityHashMap<>();
    private PyBaseException handling;
    private int reprDepth;
    private final Warnings warnings = new Warnings(this);
    private Object hostState;

    public Interpreter(Budget budget, String filename, String source, Output stdout) {
        this.budget = budget;
        this.filename = filename;
        this.source = source;
        this.stdout = stdout;
        this.builtins = Builtins.table();
        budget.setLiveBytes(this::measureLiveBytes);
    }

    /** The interpreter running on this thread, for the few places Java's equals/hashCode need it. */
    public static Interpreter current() {
        return CURRENT.get();
    }

    public Budget budget() {
        return budget;
    }

    /** The program's module globals, read-only: what a grader inspects once the program has ended. */
    public Map<String, Object> globalsView() {
        return java.util.Collections.unmodifiableMap(globals);
    }

    /**
     * The line the innermost running Python frame is at, as CPython's {@code sys._getframe().f_lineno}; host
     * code called from Python sees the line of that call. 0 when no frame runs.
     */
    public int currentLine() {
        Frame top = stack.peek();
        return top == null ? 0 : top.line;
    }

    /** The line of the frame {@code level} frames out (1 the innermost), as {@code warnings.warn(stacklevel=)}; 0 past the outermost. */
    public int callerLine(int level) {
        int depth = 1;
        for (Frame f : stack) {
            if (depth++ == level) {
                return f.line;
            }
        }
        return 0;
    }

    /** This run's warnings registry and where shown warnings go. */
    public Warnings warnings() {
        return warnings;
    }

    /** The state a host bridge keeps for this run (torch's), found here since the bridge's modules are shared. */
    public Object hostState() {
        return hostState;
    }

    public void setHostState(Object state) {
        this.hostState = state;
    }

    public String filename() {
        return filename;
    }

    /** The source line (1-based) as written, for tracebacks. */
    public String sourceLine(int line) {
        if (sourceLines == null) {
            sourceLines = source.replace("\r\n", "\n").split("\n", -1);
        }
        return line >= 1 && line <= sourceLines.length ? sourceLines[line - 1] : "";
    }

    /** Writes program output, charged against the output limit. */
    public void write(String text) {
        budget.output(text.length());
        stdout.write(text);
    }

    /** Runs a whole program; Python exceptions escape as {@link PyException} with their traceback. */
    public void run(Module module) {
        CURRENT.set(this);
        globals.put("__name__", "__main__");
        Frame frame = Frame.module(globals);
        stack.push(frame);
        try {
            execBlock(module.body(), frame);
        } catch (PyException e) {
            record(e, frame);
            throw e;
        } catch (LimitExceeded e) {
            e.setLineIfUnknown(stack.isEmpty() ? frame.line : stack.peek().line);
            throw e;
        } finally {
            stack.clear();
        }
    }

    /** Detaches this interpreter from the current thread once the run and its error report are done. */
    public void close() {
        CURRENT.remove();
    }

    private void record(PyException e, Frame f) {
        PyBaseException v = e.value();
        if (v.lastFrame != f) {
            v.lastFrame = f;
            v.addFrame(new PyBaseException.Entry(filename, f.line, f.name), f.failedWith == v ? f.failedAt : null);
        }
    }

    // ---- statements

    int execBlock(List<Statement> body, Frame f) {
        for (int i = 0, n = body.size(); i < n; i++) {
            int signal = exec(body.get(i), f);
            if (signal != NORMAL) {
                return signal;
            }
        }
        return NORMAL;
    }

    int exec(Statement s, Frame f) {
        budget.step();
        f.line = s.line();
        try {
            switch (s) {
                case Expr e -> eval(e.value(), f);
                case Assign a -> {
                    Object value = eval(a.value(), f);
                    for (Expression target : a.targets()) {
                        assign(target, value, f);
                    }
                }
                case AugAssign a -> augAssign(a, f);
                case AnnAssign a -> {
                    if (a.value() != null) {
                        assign(a.target(), eval(a.value(), f), f);
                    }
                }
                case If i -> {
                    return execBlock(Ops.truthy(this, eval(i.test(), f)) ? i.body() : i.orelse(), f);
                }
                case While w -> {
                    return execWhile(w, f);
                }
                case For fo -> {
                    return execFor(fo, f);
                }
                case FunctionDef fd -> store(f, fd.name(), defineFunction(fd, f));
                case ClassDef cd -> store(f, cd.name(), defineClass(cd, f));
                case Return r -> {
                    f.returnValue = r.value() == null ? Py.NONE : eval(r.value(), f);
                    return RETURN;
                }
                case Pass p -> { }
                case Break b -> {
                    return BREAK;
                }
                case Continue c -> {
                    return CONTINUE;
                }
                case Raise r -> {
                    PyException raised = raise(r, f);
                    if (r.exc() != null) {
                        // CPython points a raise statement's traceback entry at the statement itself
                        f.failedWith = raised.value();
                        f.failedAt = r;
                    }
                    throw raised;
                }
                case Try t -> {
                    return execTry(t, f);
                }
                case With w -> {
                    return execWith(w, 0, f);
                }
                case Assert a -> {
                    if (!Ops.truthy(this, eval(a.test(), f))) {
                        Object[] args = a.msg() == null ? new Object[0] : new Object[] {eval(a.msg(), f)};
                        throw failedAt(new PyException(PyBaseException.create(PyType.ASSERTION_ERROR, args)), f, a.test());
                    }
                }
                case Delete d -> {
                    for (Expression target : d.targets()) {
                        delete(target, f);
                    }
                }
                case Import im -> importModules(im, f);
                case ImportFrom im -> importFrom(im, f);
                case Global g -> { }
                case Nonlocal n -> { }
            }
            return NORMAL;
        } catch (PyException e) {
            record(e, f);
            throw e;
        }
    }

    private int execWhile(While w, Frame f) {
        while (Ops.truthy(this, eval(w.test(), f))) {
            int signal = execBlock(w.body(), f);
            f.line = w.line();
            if (signal == BREAK) {
                return NORMAL;
            }
            if (signal == RETURN) {
                return RETURN;
            }
        }
        return execBlock(w.orelse(), f);
    }

    private int execFor(For fo, Frame f) {
        PyIterator it = Ops.iter(this, eval(fo.iter(), f));
        Expression target = fo.target();
        List<Statement> body = fo.body();
        for (Object v = it.next(this); v != null; v = it.next(this)) {
            if (target instanceof Name n) {
                store(f, n.id(), v);
            } else {
                assign(target, v, f);
            }
            int signal = execBlock(body, f);
            f.line = fo.line();
            if (signal == BREAK) {
                return NORMAL;
            }
            if (signal == RETURN) {
                return RETURN;
            }
        }
        return execBlock(fo.orelse(), f);
    }

    private int execTry(Try t, Frame f) {
        int signal;
        try {
            signal = tryWithHandlers(t, f);
        } catch (PyException e) {
            if (t.finalbody().isEmpty()) {
                throw e;
            }
            PyBaseException saved = handling;
            handling = e.value();
            int finalSignal;
            try {
                finalSignal = execBlock(t.finalbody(), f);
            } catch (PyException inner) {
                if (inner.value() != e.value() && inner.value().context() == null) {
                    inner.value().setContext(e.value());
                }
                throw inner;
            } finally {
                handling = saved;
            }
            if (finalSignal != NORMAL) {
                return finalSignal;
            }
            throw e;
        }
        if (!t.finalbody().isEmpty()) {
            Object returnValue = f.returnValue;
            int finalSignal = execBlock(t.finalbody(), f);
            if (finalSignal != NORMAL) {
                return finalSignal;
            }
            f.returnValue = returnValue;
        }
        return signal;
    }

    private int tryWithHandlers(Try t, Frame f) {
        int signal;
        try {
            signal = execBlock(t.body(), f);
        } catch (PyException e) {
            for (ExceptHandler h : t.handlers()) {
                if (h.type() == null || matches(e.value(), eval(h.type(), f))) {
                    return runHandler(h, e, f);
                }
            }
            throw e;
        }
        return signal == NORMAL ? execBlock(t.orelse(), f) : signal;
    }

    private boolean matches(PyBaseException exc, Object spec) {
        if (spec instanceof PyTuple tuple) {
            for (Object o : tuple.items()) {
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

    private int runHandler(ExceptHandler h, PyException e, Frame f) {
        PyBaseException saved = handling;
        handling = e.value();
        if (h.name() != null) {
            store(f, h.name(), e.value());
        }
        try {
            f.line = h.line();
            return execBlock(h.body(), f);
        } catch (PyException inner) {
            if (inner.value() != e.value() && inner.value().context() == null) {
                inner.value().setContext(e.value());
            }
            throw inner;
        } finally {
            handling = saved;
            if (h.name() != null) {
                f.locals.remove(h.name());
            }
        }
    }

    private PyException raise(Raise r, Frame f) {
        if (r.exc() == null) {
            if (handling == null) {
                return PyException.of(PyType.RUNTIME_ERROR, "No active exception to reraise");
            }
            return new PyException(handling);
        }
        PyBaseException exc = toException(eval(r.exc(), f));
        if (r.cause() != null) {
            Object cause = eval(r.cause(), f);
            exc.setCause(cause == Py.NONE ? null : toException(cause));
        }
        if (handling != null && handling != exc && exc.context() == null) {
            exc.setContext(handling);
        }
        exc.lastFrame = null;
        return new PyException(exc);
    }

    private PyBaseException toException(Object value) {
        if (value instanceof PyType type && type.isSubtypeOf(PyType.BASE_EXCEPTION)) {
            value = call(type, new Object[0], null);
        }
        if (value instanceof PyBaseException exc) {
            return exc;
        }
        throw PyException.typeError("exceptions must derive from BaseException");
    }

    private int execWith(With w, int index, Frame f) {
        WithItem item = w.items().get(index);
        Object manager = eval(item.contextExpr(), f);
        Object enter = Ops.getAttrOrNull(this, manager, "__enter__");
        Object exit = Ops.getAttrOrNull(this, manager, "__exit__");
        if (enter == null || exit == null) {
            throw PyException.typeError("'" + Py.typeName(manager) + "' object does not support the context manager"
                    + " protocol");
        }
        Object value = call(enter, new Object[0], null);
        if (item.optionalVars() != null) {
            assign(item.optionalVars(), value, f);
        }
        int signal;
        try {
            signal = index + 1 < w.items().size() ? execWith(w, index + 1, f) : execBlock(w.body(), f);
        } catch (PyException e) {
            record(e, f);
            PyBaseException exc = e.value();
            Object suppress = call(exit, new Object[] {exc.type(), exc, Py.NONE}, null);
            if (Ops.truthy(this, suppress)) {
                return NORMAL;
            }
            throw e;
        }
        call(exit, new Object[] {Py.NONE, Py.NONE, Py.NONE}, null);
        return signal;
    }

    // ---- names

    Object load(Frame f, String id) {
        Frame cur;
        switch (f.kind) {
            case FUNCTION, COMPREHENSION -> {
                Scope sc = f.scope;
                if (sc.locals.contains(id)) {
                    Object v = f.locals.get(id);
                    if (v != null) {
                        return v;
                    }
                    if (f.kind == Frame.Kind.FUNCTION) {
                        throw PyException.of(PyType.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + id
                                + "' where it is not associated with a value");
                    }
                } else if (sc.globals.contains(id)) {
                    return loadGlobal(id, f.locals);
                }
                cur = f.enclosing;
            }
            case CLASS -> {
                Object v = f.locals.get(id);
                if (v != null) {
                    return v;
                }
                cur = f.enclosing;
            }
            default -> {
                return loadGlobal(id, null);
            }
        }
        for (; cur != null; cur = cur.enclosing) {
            if (cur.scope != null && cur.scope.locals.contains(id)) {
                Object v = cur.locals.get(id);
                if (v != null) {
                    return v;
                }
                if (cur.kind == Frame.Kind.FUNCTION) {
                    throw PyException.nameError("cannot access free variable '" + id
                            + "' where it is not associated with a value in enclosing scope");
                }
            }
        }
        return loadGlobal(id, f.kind == Frame.Kind.MODULE ? null : f.locals);
    }

    private Object loadGlobal(String id, Map<String, Object> locals) {
        Object v = globals.get(id);
        if (v != null) {
            return v;
        }
        v = builtins.get(id);
        if (v != null) {
            return v;
        }
        if (Sandbox.FORBIDDEN_BUILTINS.contains(id)) {
            throw PyException.nameError(id + "() is not available in OptimLab");
        }
        PyException e = PyException.nameError("name '" + id + "' is not defined");
        e.value().setSuggestion(() -> Suggestions.forName(id, locals, globals, builtins));
        throw e;
    }

    void store(Frame f, String id, Object value) {
        if (f.kind == Frame.Kind.FUNCTION || f.kind == Frame.Kind.COMPREHENSION) {
            Scope sc = f.scope;
            if (sc.globals.contains(id)) {
                globals.put(id, value);
                return;
            }
            if (sc.nonlocals.contains(id)) {
                for (Frame cur = f.enclosing; cur != null; cur = cur.enclosing) {
                    if (cur.scope != null && cur.scope.locals.contains(id)) {
                        cur.locals.put(id, value);
                        return;
                    }
                }
                throw PyException.of(PyType.SYNTAX_ERROR, "no binding for nonlocal '" + id + "' found");
            }
        }
        f.locals.put(id, value);
    }

    private void deleteName(Frame f, String id) {
        Map<String, Object> target = f.kind != Frame.Kind.MODULE && f.scope != null && f.scope.globals.contains(id)
                ? globals : f.locals;
        if (target.remove(id) == null) {
            throw PyException.nameError("name '" + id + "' is not defined");
        }
    }

    // ---- assignment

    void assign(Expression target, Object value, Frame f) {
        switch (target) {
            case Name n -> store(f, n.id(), value);
            case Attribute a -> {
                Object obj = eval(a.value(), f);
                try {
                    setAttribute(obj, a.attr(), value);
                } catch (PyException x) {
                    throw failedAt(x, f, a);
                }
            }
            case Subscript s -> {
                Object obj = eval(s.value(), f);
                Object key = eval(s.slice(), f);
                try {
                    Ops.setItem(this, obj, key, value);
                } catch (PyException x) {
                    throw failedAt(x, f, s);
                }
            }
            case Node.Tuple t -> unpackAt(t, t.elts(), value, f);
            case Node.List l -> unpackAt(l, l.elts(), value, f);
            default -> throw PyException.of(PyType.SYNTAX_ERROR, "cannot assign to expression");
        }
    }

    void setAttribute(Object obj, String name, Object value) {
        if (obj instanceof PyObject p && p.setAttr(this, name, value)) {
            return;
        }
        if (Ops.getAttrOrNull(this, obj, name) != null) {
            throw PyException.attributeError("'" + Py.typeName(obj) + "' object attribute '" + name + "' is read-only");
        }
        throw PyException.attributeError("'" + Py.typeName(obj) + "' object has no attribute '" + name + "'");
    }

    /** CPython marks the target list of an unpacking that fails (its UNPACK_SEQUENCE instruction). */
    private void unpackAt(Expression target, List<Expression> targets, Object value, Frame f) {
        try {
            unpack(targets, value, f);
        } catch (PyException x) {
            throw failedAt(x, f, target);
        }
    }

    private void unpack(List<Expression> targets, Object value, Frame f) {
        if (!(value instanceof PyObject || value instanceof String)) {
            throw PyException.typeError("cannot unpack non-iterable " + Py.typeName(value) + " object");
        }
        if (value instanceof PyObject p && !(p instanceof PyList) && !(p instanceof PyTuple)
                && !(p instanceof PyIterator) && !(p instanceof PyDict) && !(p instanceof PySet)
                && !(p instanceof PyRange) && !(p instanceof PyInstance) && p.len(this) < 0) {
            try {
                p.iter(this);
            } catch (PyException e) {
                throw PyException.typeError("cannot unpack non-iterable " + Py.typeName(value) + " object");
            }
        }
        List<Object> items;
        try {
            items = Ops.toList(this, value);
        } catch (PyException e) {
            if (e.value().message().endsWith("is not iterable")) {
                throw PyException.typeError("cannot unpack non-iterable " + Py.typeName(value) + " object");
            }
            throw e;
        }
        int star = -1;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) instanceof Starred) {
                star = i;
            }
        }
        int n = targets.size();
        if (star < 0) {
            if (items.size() > n) {
                throw PyException.valueError("too many values to unpack (expected " + n + ")");
            }
            if (items.size() < n) {
                throw PyException.valueError("not enough values to unpack (expected " + n + ", got " + items.size() + ")");
            }
            for (int i = 0; i < n; i++) {
                assign(targets.get(i), items.get(i), f);
            }
            return;
        }
        if (items.size() < n - 1) {
            throw PyException.valueError("not enough values to unpack (expected at least " + (n - 1) + ", got "
                    + items.size() + ")");
        }
        int after = n - star - 1;
        for (int i = 0; i < star; i++) {
            assign(targets.get(i), items.get(i), f);
        }
        assign(((Starred) targets.get(star)).value(),
                new PyList(new ArrayList<>(items.subList(star, items.size() - after))), f);
        for (int i = 0; i < after; i++) {
            assign(targets.get(star + 1 + i), items.get(items.size() - after + i), f);
        }
    }

    private void augAssign(AugAssign a, Frame f) {
        switch (a.target()) {
            case Name n -> {
                Object current;
                try {
                    current = load(f, n.id());
                } catch (PyException x) {
                    throw failedAt(x, f, n);
                }
                store(f, n.id(), Operators.inPlace(this, a.op(), current, eval(a.value(), f)));
            }
            case Attribute at -> {
                Object obj = eval(at.value(), f);
                Object current;
                try {
                    current = Ops.getAttr(this, obj, at.attr());
                } catch (PyException x) {
                    throw failedAt(x, f, at);
                }
                setAttribute(obj, at.attr(), Operators.inPlace(this, a.op(), current, eval(a.value(), f)));
            }
            case Subscript s -> {
                Object obj = eval(s.value(), f);
                Object key = eval(s.slice(), f);
                Object current;
                try {
                    current = Ops.getItem(this, obj, key);
                } catch (PyException x) {
                    throw failedAt(x, f, s);
                }
                Ops.setItem(this, obj, key, Operators.inPlace(this, a.op(), current, eval(a.value(), f)));
            }
            default -> throw PyException.of(PyType.SYNTAX_ERROR, "illegal expression for augmented assignment");
        }
    }

    private void delete(Expression target, Frame f) {
        switch (target) {
            case Name n -> {
                try {
                    deleteName(f, n.id());
                } catch (PyException x) {
                    throw failedAt(x, f, n);
                }
            }
            case Attribute a -> {
                Object obj = eval(a.value(), f);
                try {
                    if (!(obj instanceof PyObject p) || !p.delAttr(this, a.attr())) {
                        throw Ops.noAttribute(obj, a.attr());
                    }
                } catch (PyException x) {
                    throw failedAt(x, f, a);
                }
            }
            case Subscript s -> {
                Object obj = eval(s.value(), f);
                Object key = eval(s.slice(), f);
                try {
                    Ops.delItem(this, obj, key);
                } catch (PyException x) {
                    throw failedAt(x, f, s);
                }
            }
            case Node.Tuple t -> t.elts().forEach(e -> delete(e, f));
            case Node.List l -> l.elts().forEach(e -> delete(e, f));
            default -> throw PyException.of(PyType.SYNTAX_ERROR, "cannot delete expression");
        }
    }

    // ---- definitions

    private String qualify(Frame f, String name) {
        return switch (f.kind) {
            case CLASS -> f.name + "." + name;
            case FUNCTION -> (f.function != null ? f.function.qualname() : f.name) + ".<locals>." + name;
            default -> name;
        };
    }

    private Object defineFunction(FunctionDef fd, Frame f) {
        List<Object> decorators = new ArrayList<>();
        for (Expression d : fd.decoratorList()) {
            decorators.add(eval(d, f));
        }
        Object fn = makeFunction(fd.name(), qualify(f, fd.name()), fd.args(), fd.body(), null, fd.isGenerator(), fd, f);
        for (int i = decorators.size() - 1; i >= 0; i--) {
            fn = call(decorators.get(i), new Object[] {fn}, null);
        }
        return fn;
    }

    private PyFunction makeFunction(String name, String qualname, Arguments args, List<Statement> body,
                                    Expression lambdaBody, boolean generator, Object node, Frame f) {
        Object[] defaults = new Object[args.defaults().size()];
        for (int i = 0; i < defaults.length; i++) {
            defaults[i] = eval(args.defaults().get(i), f);
        }
        Map<String, Object> kwDefaults = new HashMap<>();
        for (int i = 0; i < args.kwonlyargs().size(); i++) {
            Expression d = args.kwDefaults().get(i);
            if (d != null) {
                kwDefaults.put(args.kwonlyargs().get(i).arg(), eval(d, f));
            }
        }
        Scope scope = scopes.computeIfAbsent(node, k -> Scope.ofFunction(args, body));
        return new PyFunction(name, qualname, args, defaults, kwDefaults, body, lambdaBody, generator,
                f.lexicalParentForChildren(), scope);
    }

    private Object defineClass(ClassDef cd, Frame f) {
        List<Object> decorators = new ArrayList<>();
        for (Expression d : cd.decoratorList()) {
            decorators.add(eval(d, f));
        }
        if (cd.bases().size() > 1) {
            throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "multiple inheritance is not supported in OptimLab");
        }
        if (!cd.keywords().isEmpty()) {
            throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "class keywords (such as metaclass=) are not supported"
                    + " in OptimLab");
        }
        PyType base = PyType.OBJECT;
        if (!cd.bases().isEmpty()) {
            Object b = eval(cd.bases().get(0), f);
            if (!(b instanceof PyType t)) {
                throw PyException.typeError("bases must be types");
            }
            if (t.isBuiltin() && t != PyType.OBJECT && !t.isSubtypeOf(PyType.BASE_EXCEPTION)
                    && t.module().equals("builtins")) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "subclassing the built-in type '" + t.name()
                        + "' is not supported in OptimLab");
            }
            base = t;
        }
        String qualname = qualify(f, cd.name());
        PyType cls = PyType.userClass(cd.name(), qualname, base, "__main__");
        Frame body = new Frame(Frame.Kind.CLASS, cls.dict(), globals, null, f.lexicalParentForChildren(), qualname);
        cls.dict().put("__module__", "__main__");
        cls.dict().put("__qualname__", qualname);
        stack.push(body);
        try {
            execBlock(cd.body(), body);
        } catch (PyException e) {
            record(e, body);
            throw e;
        } finally {
            stack.pop();
        }
        for (Object v : cls.dict().values()) {
            PyFunction fn = v instanceof PyFunction pf ? pf : v instanceof PyClassMethod cm
                    && cm.function() instanceof PyFunction pf ? pf : v instanceof PyStaticMethod sm
                    && sm.function() instanceof PyFunction pf ? pf : v instanceof PyProperty p
                    && p.getAttr(this, "fget") instanceof PyFunction pf ? pf : null;
            if (fn != null) {
                fn.setDefiningClass(cls);
            }
            if (v instanceof PyProperty p && p.getAttr(this, "fset") instanceof PyFunction pf) {
                pf.setDefiningClass(cls);
            }
        }
        Object result = cls;
        for (int i = decorators.size() - 1; i >= 0; i--) {
            result = call(decorators.get(i), new Object[] {result}, null);
        }
        return result;
    }

    // ---- imports

    private PyModule importModule(String name) {
        PyModule m = imported.get(name);
        if (m == null) {
            m = Modules.load(this, name);
            imported.put(name, m);
        }
        return m;
    }

    private void importModules(Import im, Frame f) {
        for (Alias a : im.names()) {
            PyModule m = importModule(a.name());
            if (a.asname() != null) {
                store(f, a.asname(), m);
            } else {
                String top = a.name().split("\\.")[0];
                store(f, top, importModule(top));
            }
        }
    }

    private void importFrom(ImportFrom im, Frame f) {
        PyModule m = importModule(im.module());
        for (Alias a : im.names()) {
            if (a.name().equals("*")) {
                for (Map.Entry<String, Object> e : m.attributes().entrySet()) {
                    if (!e.getKey().startsWith("_")) {
                        store(f, e.getKey(), e.getValue());
                    }
                }
                continue;
            }
            Object v = m.getAttr(this, a.name());
            if (v == null) {
                v = Modules.tryLoad(this, im.module() + "." + a.name());
            }
            if (v == null) {
                throw PyException.of(PyType.IMPORT_ERROR, "cannot import name '" + a.name() + "' from '"
                        + im.module() + "' (unknown location)");
            }
            store(f, a.asname() != null ? a.asname() : a.name(), v);
        }
    }

    // ---- expressions

    public Object eval(Expression e, Frame f) {
        budget.step();
        switch (e) {
            case Constant c -> {
                Object v = c.value();
                return v == null ? Py.NONE : v == EllipsisMarker.ELLIPSIS ? Py.ELLIPSIS : v;
            }
            case Name n -> {
                try {
                    return load(f, n.id());
                } catch (PyException x) {
                    // the traceback names the line of the name, which a call or display may have started lines before
                    f.line = n.line();
                    throw failedAt(x, f, n);
                }
            }
            case BinOp b -> {
                Object left = eval(b.left(), f);
                Object right = eval(b.right(), f);
                f.line = b.line();
                try {
                    return Operators.binary(this, b.op(), left, right);
                } catch (PyException x) {
                    throw failedAt(x, f, b);
                }
            }
            case UnaryOp u -> {
                Object v = eval(u.operand(), f);
                try {
                    return u.op().equals("not") ? !Ops.truthy(this, v) : Operators.unary(this, u.op(), v);
                } catch (PyException x) {
                    throw failedAt(x, f, u);
                }
            }
            case BoolOp b -> {
                boolean isAnd = b.op().equals("and");
                Object v = null;
                for (Expression x : b.values()) {
                    v = eval(x, f);
                    if (Ops.truthy(this, v) != isAnd) {
                        return v;
                    }
                }
                return v;
            }
            case Compare c -> {
                return compare(c, f);
            }
            case Call c -> {
                return evalCall(c, f);
            }
            case Attribute a -> {
                Object obj = eval(a.value(), f);
                f.line = a.line();
                try {
                    return Ops.getAttr(this, obj, a.attr());
                } catch (PyException x) {
                    throw failedAt(x, f, a);
                }
            }
            case Subscript s -> {
                Object obj = eval(s.value(), f);
                Object key = eval(s.slice(), f);
                f.line = s.line();
                try {
                    return Ops.getItem(this, obj, key);
                } catch (PyException x) {
                    throw failedAt(x, f, s);
                }
            }
            case Slice s -> {
                return new PySlice(s.lower() == null ? Py.NONE : eval(s.lower(), f),
                        s.upper() == null ? Py.NONE : eval(s.upper(), f), s.step() == null ? Py.NONE : eval(s.step(), f));
            }
            case Node.List l -> {
                return new PyList(elements(l.elts(), f, l, null));
            }
            case Node.Tuple t -> {
                return new PyTuple(elements(t.elts(), f, t, null).toArray());
            }
            case Node.Set s -> {
                PySet set = new PySet();
                for (Object v : elements(s.elts(), f, s, null)) {
                    try {
                        set.add(this, v);
                    } catch (PyException x) {
                        throw failedAt(x, f, s);
                    }
                }
                if (s.elts().size() > 2 && s.elts().stream().allMatch(Interpreter::isFoldedConstant)) {
                    // CPython builds a constant display as a frozenset constant merged into an empty set
                    PySet merged = new PySet();
                    merged.update(this, set);
                    return merged;
                }
                return set;
            }
            case Dict d -> {
                return dict(d, f);
            }
            case ListComp lc -> {
                PyList out = new PyList();
                return building(out, () -> {
                    comprehension(lc, lc.generators(), f, "<listcomp>", cf -> {
                        budget.allocate(8);
                        out.items().add(eval(lc.elt(), cf));
                    });
                    return out;
                });
            }
            case SetComp sc -> {
                PySet out = new PySet();
                return building(out, () -> {
                    comprehension(sc, sc.generators(), f, "<setcomp>", cf -> {
                        budget.allocate(16);
                        out.add(this, eval(sc.elt(), cf));
                    });
                    return out;
                });
            }
            case DictComp dc -> {
                PyDict out = new PyDict();
                return building(out, () -> {
                    comprehension(dc, dc.generators(), f, "<dictcomp>", cf -> {
                        Object k = eval(dc.key(), cf);
                        out.setItem(this, k, eval(dc.value(), cf));
                    });
                    return out;
                });
            }
            case GeneratorExp g -> {
                Object first = eval(g.generators().get(0).iter(), f);
                Scope scope = scopes.computeIfAbsent(g, k -> Scope.ofComprehension(g.generators()));
                Frame cf = new Frame(Frame.Kind.COMPREHENSION, new HashMap<>(), globals, scope,
                        f.lexicalParentForChildren(), "<genexpr>");
                return new ComprehensionIterator(this, g, cf, Ops.iter(this, first));
            }
            case Lambda l -> {
                return makeFunction("<lambda>", qualify(f, "<lambda>"), l.args(), null, l.body(), false, l, f);
            }
            case IfExp i -> {
                return Ops.truthy(this, eval(i.test(), f)) ? eval(i.body(), f) : eval(i.orelse(), f);
            }
            case JoinedStr j -> {
                StringBuilder sb = new StringBuilder();
                try {
                    for (Expression part : j.values()) {
                        sb.append((String) eval(part, f));
                    }
                } catch (PyException x) {
                    // a failed conversion or format spec is marked under the whole f-string, as CPython's FORMAT_VALUE
                    throw failedAt(x, f, j);
                }
                budget.allocate(2L * sb.length());
                return sb.toString();
            }
            case FormattedValue fv -> {
                Object v = eval(fv.value(), f);
                if (fv.conversion() == 'r') {
                    v = Ops.repr(this, v);
                } else if (fv.conversion() == 'a') {
                    v = Builtins.ascii(Ops.repr(this, v));
                } else if (fv.conversion() == 's') {
                    v = Ops.str(this, v);
                }
                String spec = fv.formatSpec() == null ? "" : (String) eval(fv.formatSpec(), f);
                return Formatter.format(this, v, spec);
            }
            case Starred s -> throw PyException.of(PyType.SYNTAX_ERROR, "can't use starred expression here");
            case Yield y -> throw PyException.of(PyType.SYNTAX_ERROR,
                    "yield inside an expression is not supported in OptimLab; write it as its own statement");
            case YieldFrom y -> throw PyException.of(PyType.SYNTAX_ERROR,
                    "yield from inside an expression is not supported in OptimLab; write it as its own statement");
        }
    }

    /** Whether CPython's AST optimizer folds this expression to a constant (literals, -literals, tuples of them). */
    private static boolean isFoldedConstant(Expression e) {
        return switch (e) {
            case Constant c -> true;
            case UnaryOp u -> (u.op().equals("-") || u.op().equals("+")) && u.operand() instanceof Constant c
                    && (c.value() instanceof Long || c.value() instanceof Double || c.value() instanceof java.math.BigInteger);
            case Node.Tuple t -> t.elts().stream().allMatch(Interpreter::isFoldedConstant);
            default -> false;
        };
    }

    private Object compare(Compare c, Frame f) {
        Object left = eval(c.left(), f);
        List<String> ops = c.ops();
        Object result = Boolean.TRUE;
        for (int i = 0; i < ops.size(); i++) {
            Object right = eval(c.comparators().get(i), f);
            try {
                result = Comparisons.compare(this, ops.get(i), left, right);
            } catch (PyException x) {
                throw failedAt(x, f, c);
            }
            if (i + 1 < ops.size() && !Ops.truthy(this, result)) {
                return result;
            }
            left = right;
        }
        return result;
    }

    /** The values of a display's or a call's elements, {@code *iterable} expanded ({@code callee} null for a display). */
    private ArrayList<Object> elements(List<Expression> elts, Frame f, Expression owner, Object callee) {
        ArrayList<Object> out = new ArrayList<>(elts.size());
        for (Expression x : elts) {
            if (x instanceof Starred s) {
                Object iterable = eval(s.value(), f);
                List<Object> items;
                try {
                    items = Ops.toList(this, iterable);
                } catch (PyException e) {
                    if (!e.value().type().equals(PyType.TYPE_ERROR)
                            || !e.value().message().equals("'" + Py.typeName(iterable) + "' object is not iterable")) {
                        throw e;
                    }
                    String what = callee == null ? "Value" : describeCallable(callee) + " argument";
                    throw failedAt(PyException.typeError(what + " after * must be an iterable, not "
                            + Py.typeName(iterable)), f, owner);
                }
                budget.allocate(8L * items.size());
                out.addAll(items);
            } else {
                out.add(eval(x, f));
            }
        }
        budget.allocate(8L * elts.size() + 16);
        return out;
    }

    private PyDict dict(Dict d, Frame f) {
        PyDict out = new PyDict();
        for (int i = 0; i < d.keys().size(); i++) {
            Expression k = d.keys().get(i);
            if (k == null) {
                Object mapping = eval(d.values().get(i), f);
                if (!(mapping instanceof PyDict m)) {
                    throw failedAt(PyException.typeError("'" + Py.typeName(mapping) + "' object is not a mapping"), f, d);
                }
                out.map().putAll(m.map());
            } else {
                Object key = eval(k, f);
                Object value = eval(d.values().get(i), f);
                try {
                    out.setItem(this, key, value);
                } catch (PyException x) {
                    throw failedAt(x, f, d);
                }
            }
        }
        return out;
    }

    private void comprehension(Expression node, List<Comprehension> gens, Frame f, String name,
                               java.util.function.Consumer<Frame> emit) {
        Object first = eval(gens.get(0).iter(), f);
        Scope scope = scopes.computeIfAbsent(node, k -> Scope.ofComprehension(gens));
        Frame cf = new Frame(Frame.Kind.COMPREHENSION, new HashMap<>(), globals, scope, f.lexicalParentForChildren(),
                name);
        cf.line = f.line;
        try {
            loop(gens, 0, Ops.iter(this, first), cf, emit);
        } catch (PyException e) {
            record(e, cf);
            failedAt(e, f, node);
            throw e;
        }
    }

    private void loop(List<Comprehension> gens, int level, PyIterator it, Frame cf,
                      java.util.function.Consumer<Frame> emit) {
        Comprehension gen = gens.get(level);
        outer:
        for (Object v = it.next(this); v != null; v = it.next(this)) {
            budget.step();
            assign(gen.target(), v, cf);
            for (Expression cond : gen.ifs()) {
                if (!Ops.truthy(this, eval(cond, cf))) {
                    continue outer;
                }
            }
            if (level + 1 < gens.size()) {
                loop(gens, level + 1, Ops.iter(this, eval(gens.get(level + 1).iter(), cf)), cf, emit);
            } else {
                emit.accept(cf);
            }
        }
    }

    private Object evalCall(Call c, Frame f) {
        Object func = eval(c.func(), f);
        Object[] args;
        boolean starred = false;
        for (Expression a : c.args()) {
            if (a instanceof Starred) {
                starred = true;
                break;
            }
        }
        if (starred) {
            args = elements(c.args(), f, c, func).toArray();
        } else {
            args = new Object[c.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = eval(c.args().get(i), f);
            }
        }
        Map<String, Object> kwargs = null;
        if (!c.keywords().isEmpty()) {
            kwargs = new LinkedHashMap<>();
            for (Keyword k : c.keywords()) {
                if (k.arg() != null) {
                    kwargs.put(k.arg(), eval(k.value(), f));
                    continue;
                }
                Object mapping = eval(k.value(), f);
                if (!(mapping instanceof PyDict m)) {
                    throw PyException.typeError(describeCallable(func) + " argument after ** must be a mapping, not "
                            + Py.typeName(mapping));
                }
                for (Map.Entry<Key, Object> e : m.map().entrySet()) {
                    if (!(e.getKey().value() instanceof String name)) {
                        throw PyException.typeError("keywords must be strings");
                    }
                    if (kwargs.put(name, e.getValue()) != null) {
                        throw PyException.typeError(describeCallable(func) + " got multiple values for keyword argument '"
                                + name + "'");
                    }
                }
            }
        }
        if (func == Builtins.SUPER && args.length == 0) {
            return zeroArgumentSuper(f);
        }
        f.line = c.line();
        try {
            return call(func, args, kwargs);
        } catch (PyException x) {
            throw failedAt(x, f, c);
        }
    }

    /** Notes the innermost expression of this frame an exception came out of, as CPython's instruction offset. */
    private static PyException failedAt(PyException x, Frame f, Node node) {
        if (f.failedWith != x.value()) {
            f.failedWith = x.value();
            f.failedAt = node;
        }
        return x;
    }

    private Object zeroArgumentSuper(Frame f) {
        Frame fn = f;
        while (fn != null && fn.kind != Frame.Kind.FUNCTION) {
            fn = fn.enclosing;
        }
        if (fn == null || fn.function == null || fn.function.definingClass() == null
                || fn.function.parameters().args().isEmpty()) {
            throw PyException.of(PyType.RUNTIME_ERROR, "super(): no arguments");
        }
        Object self = fn.locals.get(fn.function.parameters().args().get(0).arg());
        return new PySuper(fn.function.definingClass(), self);
    }

    /** CPython's _PyObject_FunctionStr: the qualified name, after the module unless it is builtins. */
    private static String describeCallable(Object func) {
        if (func instanceof PyFunction fn) {
            return "__main__." + fn.qualname() + "()";
        }
        if (func instanceof PyType t && !t.isBuiltin()) {
            return t.module() + "." + t.qualname() + "()";
        }
        if (func instanceof PyBuiltinFunction b) {
            return b.name() + "()";
        }
        return Py.typeName(func) + "()";
    }

    // ---- calls

    /** Calls any callable with positional and keyword arguments (kwargs may be null). */
    public Object call(Object callable, Object[] args, Map<String, Object> kwargs) {
        if (callable instanceof PyFunction fn) {
            return callFunction(fn, args, kwargs);
        }
        if (callable instanceof PyObject p) {
            return p.call(this, args, kwargs);
        }
        throw PyException.typeError("'" + Py.typeName(callable) + "' object is not callable");
    }

    Object callFunction(PyFunction fn, Object[] args, Map<String, Object> kwargs) {
        budget.enterCall();
        Frame frame = Frame.function(globals, fn.scope(), fn.enclosing(), fn.name());
        frame.function = fn;
        frame.line = fn.lambdaBody() != null ? fn.lambdaBody().line() : 0;
        stack.push(frame);
        try {
            ArgumentBinder.bind(fn, frame.locals, args, kwargs);
            if (fn.isGenerator()) {
                return new PyGenerator(this, fn, frame);
            }
            if (fn.lambdaBody() != null) {
                try {
                    return eval(fn.lambdaBody(), frame);
                } catch (PyException e) {
                    record(e, frame);
                    throw e;
                }
            }
            int signal = execBlock(fn.body(), frame);
            return signal == RETURN ? frame.returnValue : Py.NONE;
        } finally {
            stack.pop();
            budget.exitCall();
        }
    }

    /** Runs a generator's frame for one step; used by {@link PyGenerator}. */
    <T> T inFrame(Frame frame, Supplier<T> body) {
        budget.enterCall();
        stack.push(frame);
        try {
            return body.get();
        } finally {
            stack.pop();
            budget.exitCall();
        }
    }

    /** Whether a statement of a generator body holds a yield outside nested functions (cached per node). */
    boolean containsYield(Statement s) {
        return containsYield.computeIfAbsent(s, Yields::contains);
    }

    void recordIn(PyException e, Frame f) {
        record(e, f);
    }

    PyBaseException handling() {
        return handling;
    }

    void setHandling(PyBaseException exception) {
        handling = exception;
    }

    // ---- repr support

    /** Guards repr of containers against cycles ("[...]") and against nesting deep enough to exhaust the stack. */
    public String reprGuarded(Object container, String cycleText, Supplier<String> body) {
        if (!reprInProgress.add(container)) {
            return cycleText;
        }
        if (++reprDepth > 1000) {
            reprDepth = 0;
            reprInProgress.clear();
            throw PyException.of(PyType.RECURSION_ERROR, "maximum recursion depth exceeded while getting the repr of"
                    + " an object");
        }
        try {
            return body.get();
        } finally {
            reprDepth = Math.max(0, reprDepth - 1);
            reprInProgress.remove(container);
        }
    }

    /** A stable stand-in for CPython's object address in default reprs. */
    public String fakeAddress(Object o) {
        long n = addresses.computeIfAbsent(o, k -> 0x7f0000001000L + 0x40L * addresses.size());
        return "0x" + Long.toHexString(n);
    }

    // ---- memory

    /** Estimates the bytes reachable from the program's variables; see {@link Budget#allocate}. */
    private long measureLiveBytes() {
        MemoryMeter meter = new MemoryMeter();
        meter.add(globals);
        for (Frame f : stack) {
            meter.add(f.locals);
        }
        meter.addAll(underConstruction);
        return meter.total();
    }

    /** Makes a collection that is still being filled visible to the memory meter until {@code body} ends. */
    <T> T building(Object collection, Supplier<T> body) {
        underConstruction.push(collection);
        try {
            return body.get();
        } finally {
            underConstruction.pop();
        }
    }
}
