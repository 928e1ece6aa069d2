package dev.optimlab.pylite.runtime;

import static dev.optimlab.pylite.runtime.Methods.method;
import static dev.optimlab.pylite.runtime.Methods.method0;
import static dev.optimlab.pylite.runtime.Methods.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The methods of list (append, extend, insert, pop, remove, index, count, sort, ...) and tuple (count,
 * index); mirrors the method tables of CPython's Objects/listobject.c and tupleobject.c.
 */
final class ListTupleMethods {
    private ListTupleMethods() {
    }

    private static PyList list(Object o) {
        return (PyList) o;
    }

    static void installList() {
        PyType t = PyType.LIST;
        method(t, "append", (in, a, k) -> {
            Args.exactly("list.append", rest(a), 1);
            in.budget().allocate(8);
            list(a[0]).items().add(a[1]);
            return Py.NONE;
        });
        method(t, "extend", (in, a, k) -> {
            Args.exactly("list.extend", rest(a), 1);
            List<Object> extra = Ops.toList(in, a[1]);
            in.budget().allocate(8L * extra.size());
            list(a[0]).items().addAll(extra);
            return Py.NONE;
        });
        method(t, "insert", (in, a, k) -> {
            if (a.length != 3) {
                throw PyException.typeError("insert expected 2 arguments, got " + (a.length - 1));
            }
            List<Object> items = list(a[0]).items();
            long i = Ops.index(a[1]);
            int n = items.size();
            int at = (int) (i < 0 ? Math.max(0, i + n) : Math.min(i, n));
            in.budget().allocate(8);
            items.add(at, a[2]);
            return Py.NONE;
        });
        method(t, "pop", (in, a, k) -> {
            List<Object> items = list(a[0]).items();
            if (items.isEmpty()) {
                throw PyException.indexError("pop from empty list");
            }
            long i = a.length > 1 ? Ops.index(a[1]) : -1;
            long j = i < 0 ? i + items.size() : i;
            if (j < 0 || j >= items.size()) {
                throw PyException.indexError("pop index out of range");
            }
            return items.remove((int) j);
        });
        method(t, "remove", (in, a, k) -> {
            List<Object> items = list(a[0]).items();
            for (int i = 0; i < items.size(); i++) {
                if (Ops.eq(in, items.get(i), a[1])) {
                    items.remove(i);
                    return Py.NONE;
                }
            }
            throw PyException.valueError("list.remove(x): x not in list");
        });
        method(t, "index", (in, a, k) -> {
            List<Object> items = list(a[0]).items();
            for (int i = 0; i < items.size(); i++) {
                if (Ops.eq(in, items.get(i), a[1])) {
                    return (long) i;
                }
            }
            throw PyException.valueError(Ops.repr(in, a[1]) + " is not in list");
        });
        method(t, "count", (in, a, k) -> {
            if (a.length != 2) {
                throw PyException.typeError("list.count() takes exactly one argument (" + (a.length - 1) + " given)");
            }
            return count(in, list(a[0]).items(), a[1]);
        });
        method0(t, "clear", (in, a, k) -> {
            list(a[0]).items().clear();
            return Py.NONE;
        });
        method0(t, "copy", (in, a, k) -> {
            in.budget().allocate(8L * list(a[0]).items().size());
            return new PyList(new ArrayList<>(list(a[0]).items()));
        });
        method(t, "reverse", (in, a, k) -> {
            Collections.reverse(list(a[0]).items());
            return Py.NONE;
        });
        method(t, "sort", (in, a, k) -> {
            if (a.length > 1) {
                throw PyException.typeError("sort() takes no positional arguments");
            }
            Args.onlyKeywords("sort", k, "key", "reverse");
            IterationBuiltins.sort(in, list(a[0]).items(), Args.keyword(k, "key", Py.NONE),
                    Ops.index(Args.keyword(k, "reverse", false)) != 0);
            return Py.NONE;
        });
    }

    private static long count(Interpreter in, List<Object> items, Object x) {
        long n = 0;
        for (Object o : items) {
            if (Ops.eq(in, o, x)) {
                n++;
            }
        }
        return n;
    }

    // ---- tuple

    static void installTuple() {
        PyType t = PyType.TUPLE;
        method(t, "count", (in, a, k) -> {
            if (a.length != 2) {
                throw PyException.typeError("tuple.count() takes exactly one argument (" + (a.length - 1) + " given)");
            }
            return count(in, List.of(((PyTuple) a[0]).items()), a[1]);
        });
        method(t, "index", (in, a, k) -> {
            Object[] items = ((PyTuple) a[0]).items();
            for (int i = 0; i < items.length; i++) {
                if (Ops.eq(in, items[i], a[1])) {
                    return (long) i;
                }
            }
            throw PyException.valueError("tuple.index(x): x not in tuple");
        });
    }
}
