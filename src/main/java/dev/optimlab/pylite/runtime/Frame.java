package dev.optimlab.pylite.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One activation: the module, a function call, a class body or a comprehension; mirrors CPython's
 * frame object (f_locals, f_globals, f_lineno) with a lexical link for closures.
 */
final class Frame {
    enum Kind { MODULE, FUNCTION, CLASS, COMPREHENSION }

    final Kind kind;
    final Map<String, Object> locals;
    final Map<String, Object> globals;
    final Scope scope;
    /** The lexically enclosing function or comprehension frame, skipping class bodies; null at module level. */
    final Frame enclosing;
    final String name;
    /** The function this frame runs, for zero-argument super(); null for module, class and comprehension. */
    PyFunction function;
    int line;
    Object returnValue;
    /** The innermost expression of this frame that {@link #failedWith} came out of, for the traceback's markers. */
    dev.optimlab.pylite.syntax.Node failedAt;
    PyBaseException failedWith;

    Frame(Kind kind, Map<String, Object> locals, Map<String, Object> globals, Scope scope, Frame enclosing,
          String name) {
        this.kind = kind;
        this.locals = locals;
        this.globals = globals;
        this.scope = scope;
        this.enclosing = enclosing;
        this.name = name;
    }

    static Frame module(Map<String, Object> globals) {
        return new Frame(Kind.MODULE, globals, globals, null, null, "<module>");
    }

    static Frame function(Map<String, Object> globals, Scope scope, Frame enclosing, String name) {
        return new Frame(Kind.FUNCTION, new LinkedHashMap<>(), globals, scope, enclosing, name);
    }

    /** The frame whose locals a nested function or comprehension would see as its enclosing scope. */
    Frame lexicalParentForChildren() {
        return kind == Kind.CLASS ? enclosing : (kind == Kind.MODULE ? null : this);
    }
}
