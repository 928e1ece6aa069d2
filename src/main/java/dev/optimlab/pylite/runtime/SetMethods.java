package dev.optimlab.pylite.runtime;

import static dev.optimlab.pylite.runtime.Methods.method;
import static dev.optimlab.pylite.runtime.Methods.rest;

/**
 * The methods of set (add, discard, remove, union, intersection, difference, the subset tests, ...);
 * mirrors the method table of CPython's Objects/setobject.c.
 */
final class SetMethods {
    private SetMethods() {
    }

    private static PySet set(Object o) {
        return (PySet) o;
    }

    private static PySet asSet(Interpreter in, Object o) {
        if (o instanceof PySet s) {
            return s;
        }
        PySet s = new PySet();
        s.update(in, o);
        return s;
    }

    static void installSet() {
        PyType t = PyType.SET;
        method(t, "add", (in, a, k) -> {
            Args.exactly("set.add", rest(a), 1);
            in.budget().allocate(16);
            set(a[0]).add(in, a[1]);
            return Py.NONE;
        });
        method(t, "remove", (in, a, k) -> {
            Args.exactly("set.remove", rest(a), 1);
            if (!set(a[0]).discard(in, a[1])) {
                throw PyException.keyError(a[1]);
            }
            return Py.NONE;
        });
        method(t, "discard", (in, a, k) -> {
            Args.exactly("set.discard", rest(a), 1);
            set(a[0]).discard(in, a[1]);
            return Py.NONE;
        });
        method(t, "pop", (in, a, k) -> {
            Object v = set(a[0]).pop();
            if (v == null) {
                throw PyException.keyError("pop from an empty set");
            }
            return v;
        });
        method(t, "clear", (in, a, k) -> {
            set(a[0]).clear();
            return Py.NONE;
        });
        method(t, "copy", (in, a, k) -> set(a[0]).copy(in));
        method(t, "union", (in, a, k) -> {
            PySet result = set(a[0]).copy(in);
            for (int i = 1; i < a.length; i++) {
                result.update(in, a[i]);
            }
            return result;
        });
        method(t, "intersection", (in, a, k) -> {
            PySet result = a.length == 1 ? set(a[0]).copy(in) : set(a[0]);
            for (int i = 1; i < a.length; i++) {
                result = result.intersection(in, a[i]);
            }
            return result;
        });
        method(t, "difference", (in, a, k) -> {
            if (a.length == 1) {
                return set(a[0]).copy(in);
            }
            PySet result = set(a[0]).difference(in, a[1]);
            for (int i = 2; i < a.length; i++) {
                for (Object v : Ops.toList(in, a[i])) {
                    result.discard(in, v);
                }
            }
            return result;
        });
        method(t, "symmetric_difference", (in, a, k) -> {
            Args.exactly("set.symmetric_difference", rest(a), 1);
            return set(a[0]).symmetricDifference(in, a[1]);
        });
        method(t, "issubset", (in, a, k) -> set(a[0]).isSubsetOf(in, asSet(in, a[1])));
        method(t, "issuperset", (in, a, k) -> asSet(in, a[1]).isSubsetOf(in, set(a[0])));
        method(t, "isdisjoint", (in, a, k) -> set(a[0]).intersection(in, asSet(in, a[1])).size() == 0);
        method(t, "update", (in, a, k) -> {
            for (int i = 1; i < a.length; i++) {
                set(a[0]).update(in, a[i]);
            }
            return Py.NONE;
        });
    }
}
