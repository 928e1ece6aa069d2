package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The builtins that consume or wrap iterables: min(), max(), sum(), sorted() and list.sort()'s stable sort,
 * reversed(), enumerate(), zip(), map() and filter(); mirrors CPython's Python/bltinmodule.c, the
 * enumerate and reversed objects of Objects/enumobject.c and the sort of Objects/listobject.c.
 */
final class IterationBuiltins {
    private IterationBuiltins() {
    }

    static Object minMax(Interpreter in, String name, Object[] a, Map<String, Object> k, int sign) {
        Args.onlyKeywords(name, k, "key", "default");
        Object key = Args.keyword(k, "key", Py.NONE);
        Object dflt = Args.keyword(k, "default", null);
        List<Object> items;
        if (a.length == 0) {
            throw PyException.typeError(name + " expected at least 1 argument, got 0");
        }
        if (a.length == 1) {
            items = Ops.toList(in, a[0]);
        } else {
            if (dflt != null) {
                throw PyException.typeError("Cannot specify a default for " + name + "() with multiple positional"
                        + " arguments");
            }
            items = List.of(a);
        }
        if (items.isEmpty()) {
            if (dflt != null) {
                return dflt;
            }
            throw PyException.valueError(name + "() arg is an empty sequence");
        }
        Object best = items.get(0);
        Object bestKey = key == Py.NONE ? best : in.call(key, new Object[] {best}, null);
        for (int i = 1; i < items.size(); i++) {
            Object v = items.get(i);
            Object vk = key == Py.NONE ? v : in.call(key, new Object[] {v}, null);
            boolean better = sign < 0 ? Comparisons.lessThan(in, vk, bestKey) : Comparisons.lessThan(in, bestKey, vk);
            if (better) {
                best = v;
                bestKey = vk;
            }
        }
        return best;
    }

    static Object sum(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("sum", k, "start");
        Args.range("sum", a, 1, 2);
        Object total = a.length > 1 ? a[1] : Args.keyword(k, "start", 0L);
        if (total instanceof String) {
            throw PyException.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        PyIterator it = Ops.iter(in, a[0]);
        for (Object v = it.next(in); v != null; v = it.next(in)) {
            in.budget().step();
            total = Operators.binary(in, "+", total, v);
        }
        return total;
    }

    /** list.sort and sorted(): a stable merge sort using only {@code <}; reverse keeps stability as CPython's does. */
    static void sort(Interpreter in, List<Object> items, Object key, boolean reverse) {
        List<Object> work = new ArrayList<>(items);
        if (reverse) {
            Collections.reverse(work);
        }
        int n = work.size();
        Object[] keys = new Object[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key == Py.NONE ? work.get(i) : in.call(key, new Object[] {work.get(i)}, null);
            order[i] = i;
        }
        if (n <= 64) {
            binarySort(in, keys, order, n);
        } else {
            mergeSort(in, keys, order, new Integer[n], 0, n);
        }
        List<Object> sorted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sorted.add(work.get(order[i]));
        }
        if (reverse) {
            Collections.reverse(sorted);
        }
        items.clear();
        items.addAll(sorted);
    }

    /** CPython's timsort on a short list: count_run, reverse a descending run, then binary insertion. */
    private static void binarySort(Interpreter in, Object[] keys, Integer[] order, int n) {
        if (n < 2) {
            return;
        }
        int run = 2;
        if (Comparisons.lessThan(in, keys[order[1]], keys[order[0]])) {
            while (run < n && Comparisons.lessThan(in, keys[order[run]], keys[order[run - 1]])) {
                run++;
            }
            java.util.Collections.reverse(java.util.Arrays.asList(order).subList(0, run));
        } else {
            while (run < n && !Comparisons.lessThan(in, keys[order[run]], keys[order[run - 1]])) {
                run++;
            }
        }
        for (int start = run; start < n; start++) {
            Integer pivot = order[start];
            int l = 0;
            int r = start;
            while (l < r) {
                int p = l + ((r - l) >> 1);
                in.budget().step();
                if (Comparisons.lessThan(in, keys[pivot], keys[order[p]])) {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            System.arraycopy(order, l, order, l + 1, start - l);
            order[l] = pivot;
        }
    }

    private static void mergeSort(Interpreter in, Object[] keys, Integer[] order, Integer[] buf, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(in, keys, order, buf, lo, mid);
        mergeSort(in, keys, order, buf, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            in.budget().step();
            if (Comparisons.lessThan(in, keys[order[j]], keys[order[i]])) {
                buf[k++] = order[j++];
            } else {
                buf[k++] = order[i++];
            }
        }
        while (i < mid) {
            buf[k++] = order[i++];
        }
        while (j < hi) {
            buf[k++] = order[j++];
        }
        System.arraycopy(buf, lo, order, lo, hi - lo);
    }

    static Object reversed(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.exactly("reversed", a, 1);
        Object seq = a[0];
        if (seq instanceof PyRange r) {
            long n = r.length();
            return new PyRange(r.start() + (n - 1) * r.step(), r.start() - r.step(), -r.step()).iter(in);
        }
        if (seq instanceof PyDict d) {
            List<Object> keys = new ArrayList<>();
            for (Key key : d.map().keySet()) {
                keys.add(key.value());
            }
            Collections.reverse(keys);
            return new Sequences.ListIterator(keys);
        }
        if (seq instanceof DictMethods.DictView v) {
            return v.reversed(in);
        }
        if (seq instanceof PySet || seq instanceof PyIterator
                || !(seq instanceof String || seq instanceof PyList || seq instanceof PyTuple || seq instanceof PyInstance)) {
            throw PyException.typeError("'" + Py.typeName(seq) + "' object is not reversible");
        }
        List<Object> items = Ops.toList(in, seq);
        Collections.reverse(items);
        return new Sequences.ListIterator(items);
    }

    static Object enumerate(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("enumerate", k, "start");
        Args.range("enumerate", a, 1, 2);
        PyIterator it = Ops.iter(in, a[0]);
        Object start = a.length > 1 ? a[1] : Args.keyword(k, "start", 0L);
        if (!Py.isInt(start)) {
            throw PyException.typeError("'" + Py.typeName(start) + "' object cannot be interpreted as an integer");
        }
        return new PyIterator() {
            private Object count = start instanceof Boolean b ? (b ? 1L : 0L) : start;

            @Override
            public Object next(Interpreter in) {
                Object v = it.next(in);
                if (v == null) {
                    return null;
                }
                Object c = count;
                count = Operators.binary(in, "+", count, 1L);
                return new PyTuple(c, v);
            }

            @Override
            public String repr(Interpreter in) {
                return "<enumerate object at " + in.fakeAddress(this) + ">";
            }
        };
    }

    static Object zip(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.onlyKeywords("zip", k, "strict");
        PyIterator[] its = new PyIterator[a.length];
        for (int i = 0; i < a.length; i++) {
            its[i] = Ops.iter(in, a[i]);
        }
        return new PyIterator() {
            @Override
            public Object next(Interpreter in) {
                if (its.length == 0) {
                    return null;
                }
                Object[] row = new Object[its.length];
                for (int i = 0; i < its.length; i++) {
                    row[i] = its[i].next(in);
                    if (row[i] == null) {
                        return null;
                    }
                }
                return new PyTuple(row);
            }

            @Override
            public String repr(Interpreter in) {
                return "<zip object at " + in.fakeAddress(this) + ">";
            }
        };
    }

    static Object map(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.noKeywords("map", k);
        if (a.length < 2) {
            throw PyException.typeError("map() must have at least two arguments.");
        }
        Object fn = a[0];
        PyIterator[] its = new PyIterator[a.length - 1];
        for (int i = 1; i < a.length; i++) {
            its[i - 1] = Ops.iter(in, a[i]);
        }
        return new PyIterator() {
            @Override
            public Object next(Interpreter in) {
                Object[] row = new Object[its.length];
                for (int i = 0; i < its.length; i++) {
                    row[i] = its[i].next(in);
                    if (row[i] == null) {
                        return null;
                    }
                }
                return in.call(fn, row, null);
            }

            @Override
            public String repr(Interpreter in) {
                return "<map object at " + in.fakeAddress(this) + ">";
            }
        };
    }

    static Object filter(Interpreter in, Object[] a, Map<String, Object> k) {
        Args.noKeywords("filter", k);
        if (a.length != 2) {
            throw PyException.typeError("filter expected 2 arguments, got " + a.length);
        }
        Object fn = a[0];
        PyIterator it = Ops.iter(in, a[1]);
        return new PyIterator() {
            @Override
            public Object next(Interpreter in) {
                for (Object v = it.next(in); v != null; v = it.next(in)) {
                    in.budget().step();
                    Object test = fn == Py.NONE ? v : in.call(fn, new Object[] {v}, null);
                    if (Ops.truthy(in, test)) {
                        return v;
                    }
                }
                return null;
            }

            @Override
            public String repr(Interpreter in) {
                return "<filter object at " + in.fakeAddress(this) + ">";
            }
        };
    }
}
