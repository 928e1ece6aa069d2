package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.List;

/** Shared sequence behaviour of list, tuple, str and range; mirrors the shared routines of CPython's Objects/listobject.c. */
final class Sequences {
    private Sequences() {
    }

    /** A normalised index, with CPython's IndexError and TypeError texts. */
    static int index(Interpreter in, Object key, int size, String what) {
        if (!Py.isInt(key)) {
            if (key instanceof PyObject o && o.getAttr(in, "__index__") != null) {
                key = Ops.index(key);
            } else {
                if (what.equals("string")) {
                    throw PyException.typeError("string indices must be integers, not '" + Py.typeName(key) + "'");
                }
                String kind = what.startsWith("list") ? "list" : what;
                throw PyException.typeError(kind + " indices must be integers or slices, not " + Py.typeName(key));
            }
        }
        long i = key instanceof Long l ? l : key instanceof Boolean b ? (b ? 1 : 0) : Long.MAX_VALUE;
        if (i < 0) {
            i += size;
        }
        if (i < 0 || i >= size) {
            throw PyException.indexError(what + " index out of range");
        }
        return (int) i;
    }

    static ArrayList<Object> slice(Interpreter in, List<Object> items, PySlice s) {
        PySlice.Bounds b = s.indices(items.size());
        in.budget().allocate(b.length() * 8);
        ArrayList<Object> out = new ArrayList<>((int) b.length());
        for (long i = 0, j = b.start(); i < b.length(); i++, j += b.step()) {
            out.add(items.get((int) j));
        }
        return out;
    }

    static void assignSlice(Interpreter in, List<Object> items, PySlice s, Object value) {
        PySlice.Bounds b = s.indices(items.size());
        List<Object> replacement = sequenceFast(in, value,
                b.step() == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
        if (b.step() == 1) {
            int start = (int) b.start();
            int stop = (int) Math.max(b.start(), b.stop());
            in.budget().allocate(replacement.size() * 8L);
            items.subList(start, stop).clear();
            items.addAll(start, replacement);
            return;
        }
        if (replacement.size() != b.length()) {
            throw PyException.valueError("attempt to assign sequence of size " + replacement.size()
                    + " to extended slice of size " + b.length());
        }
        for (int i = 0; i < b.length(); i++) {
            items.set((int) (b.start() + i * b.step()), replacement.get(i));
        }
    }

    /** PySequence_Fast: the items of an iterable, or a TypeError saying what the slice needed. */
    private static List<Object> sequenceFast(Interpreter in, Object value, String notIterable) {
        if (value instanceof PyList || value instanceof PyTuple) {
            return Ops.toList(in, value);
        }
        PyIterator it;
        try {
            it = Ops.iter(in, value);
        } catch (PyException e) {
            if (e.value().type().isSubtypeOf(PyType.TYPE_ERROR)) {
                throw PyException.typeError(notIterable);
            }
            throw e;
        }
        return Ops.toList(in, it);
    }

    static void deleteSlice(Interpreter in, List<Object> items, PySlice s) {
        PySlice.Bounds b = s.indices(items.size());
        List<Integer> doomed = new ArrayList<>();
        for (long i = 0, j = b.start(); i < b.length(); i++, j += b.step()) {
            doomed.add((int) j);
        }
        doomed.sort(null);
        for (int k = doomed.size() - 1; k >= 0; k--) {
            items.remove((int) doomed.get(k));
        }
    }

    static String join(Interpreter in, Object[] items, String open, String close) {
        StringBuilder sb = new StringBuilder(open);
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Ops.repr(in, items[i]));
            in.budget().step();
        }
        in.budget().allocate(2L * sb.length());
        return sb.append(close).toString();
    }

    static boolean equal(Interpreter in, List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x != y && !Ops.eq(in, x, y)) {
                return false;
            }
        }
        return true;
    }

    /** Lexicographic comparison as CPython's list_richcompare: the first differing item decides. */
    static int compare(Interpreter in, List<Object> a, List<Object> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x != y && !Ops.eq(in, x, y)) {
                return Comparisons.lessThan(in, x, y) ? -1 : Comparisons.lessThan(in, y, x) ? 1 : 0;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static Object binaryOp(Interpreter in, PyObject self, String dunder, Object other) {
        boolean isList = self instanceof PyList;
        List<Object> mine = isList ? ((PyList) self).items() : List.of(((PyTuple) self).items());
        switch (dunder) {
            case "__add__": {
                if (isList ? !(other instanceof PyList) : !(other instanceof PyTuple)) {
                    if (isList) {
                        throw PyException.typeError("can only concatenate list (not \"" + Py.typeName(other)
                                + "\") to list");
                    }
                    throw PyException.typeError("can only concatenate tuple (not \"" + Py.typeName(other)
                            + "\") to tuple");
                }
                List<Object> theirs = isList ? ((PyList) other).items() : List.of(((PyTuple) other).items());
                in.budget().allocate(8L * (mine.size() + theirs.size()));
                ArrayList<Object> out = new ArrayList<>(mine.size() + theirs.size());
                out.addAll(mine);
                out.addAll(theirs);
                return isList ? new PyList(out) : new PyTuple(out.toArray());
            }
            case "__mul__", "__rmul__": {
                if (!Py.isInt(other)) {
                    return Py.NOT_IMPLEMENTED;
                }
                long n = Math.max(0, Ops.index(other));
                if (n > 0 && mine.size() > 0) {
                    in.budget().allocate(Math.multiplyHigh(n, mine.size()) != 0 ? Long.MAX_VALUE
                            : safeTimes(n * mine.size(), 8));
                }
                Object[] source = mine.toArray();
                Object[] out = new Object[(int) (n * source.length)];
                if (source.length == 1) {
                    java.util.Arrays.fill(out, source[0]);
                } else {
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(source, 0, out, i * source.length, source.length);
                    }
                }
                in.budget().steps(out.length / 64);
                return isList ? new PyList(new ArrayList<>(java.util.Arrays.asList(out))) : new PyTuple(out);
            }
            case "__lt__", "__le__", "__gt__", "__ge__": {
                if (other.getClass() != self.getClass()) {
                    return Py.NOT_IMPLEMENTED;
                }
                List<Object> theirs = isList ? ((PyList) other).items() : List.of(((PyTuple) other).items());
                int c = compare(in, mine, theirs);
                return switch (dunder) {
                    case "__lt__" -> c < 0;
                    case "__le__" -> c <= 0;
                    case "__gt__" -> c > 0;
                    default -> c >= 0;
                };
            }
            default:
                return Py.NOT_IMPLEMENTED;
        }
    }

    static long safeTimes(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    /** Iterates a Java list by position, seeing appends made during the loop as CPython does. */
    static final class ListIterator implements PyIterator {
        private final List<Object> items;
        private int index;

        ListIterator(List<Object> items) {
            this.items = items;
        }

        @Override
        public Object next(Interpreter in) {
            return index < items.size() ? items.get(index++) : null;
        }

        @Override
        public PyType pyType() {
            return PyType.ITERATOR;
        }

        @Override
        public String repr(Interpreter in) {
            return "<list_iterator object>";
        }
    }

    static final class ArrayIterator implements PyIterator {
        private final Object[] items;
        private int index;

        ArrayIterator(Object[] items) {
            this.items = items;
        }

        @Override
        public Object next(Interpreter in) {
            return index < items.length ? items[index++] : null;
        }

        @Override
        public String repr(Interpreter in) {
            return "<tuple_iterator object>";
        }
    }
}
