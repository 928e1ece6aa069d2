package dev.optimlab.pylite.runtime;

/** Python's {@code slice} object; {@link #indices} mirrors CPython's PySlice_GetIndicesEx. */
public record PySlice(Object start, Object stop, Object step) implements PyObject {

    /** Resolved (start, stop, step, length) for a sequence of the given length. */
    public record Bounds(long start, long stop, long step, long length) { }

    @Override
    public PyType pyType() {
        return PyType.SLICE;
    }

    public Bounds indices(long length) {
        long st = step == Py.NONE ? 1 : Ops.index(step);
        if (st == 0) {
            throw PyException.valueError("slice step cannot be zero");
        }
        long lower = st < 0 ? -1 : 0;
        long upper = st < 0 ? length - 1 : length;
        long s = start == Py.NONE ? (st < 0 ? upper : lower) : clamp(Ops.index(start), length, lower, upper);
        long e = stop == Py.NONE ? (st < 0 ? lower : upper) : clamp(Ops.index(stop), length, lower, upper);
        long n;
        if (st > 0) {
            n = s < e ? (e - s - 1) / st + 1 : 0;
        } else {
            n = e < s ? (s - e - 1) / (-st) + 1 : 0;
        }
        return new Bounds(s, e, st, n);
    }

    private static long clamp(long i, long length, long lower, long upper) {
        if (i < 0) {
            i += length;
            return i < lower ? lower : i;
        }
        return i > upper ? upper : i;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "start" -> start;
            case "stop" -> stop;
            case "step" -> step;
            default -> null;
        };
    }

    @Override
    public String repr(Interpreter in) {
        return "slice(" + Ops.repr(in, start) + ", " + Ops.repr(in, stop) + ", " + Ops.repr(in, step) + ")";
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        return other instanceof PySlice s && Ops.eq(in, start, s.start) && Ops.eq(in, stop, s.stop)
                && Ops.eq(in, step, s.step);
    }
}
