package dev.optimlab.pylite.runtime;

/** Python's {@code range}: a lazy arithmetic sequence. */
public record PyRange(long start, long stop, long step) implements PyObject {

    public long length() {
        if (step > 0) {
            return start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    }

    @Override
    public PyType pyType() {
        return PyType.RANGE;
    }

    @Override
    public long len(Interpreter in) {
        return length();
    }

    @Override
    public Object getItem(Interpreter in, Object key) {
        long n = length();
        if (key instanceof PySlice s) {
            PySlice.Bounds b = s.indices(n);
            return new PyRange(start + b.start() * step, start + b.stop() * step, step * b.step());
        }
        int i = Sequences.index(in, key, (int) Math.min(n, Integer.MAX_VALUE), "range object");
        return start + i * step;
    }

    @Override
    public PyIterator iter(Interpreter in) {
        return new PyIterator() {
            private long next = start;

            @Override
            public Object next(Interpreter in) {
                if (step > 0 ? next >= stop : next <= stop) {
                    return null;
                }
                long v = next;
                next += step;
                return v;
            }

            @Override
            public String repr(Interpreter in) {
                return "<range_iterator object>";
            }
        };
    }

    public boolean contains(long v) {
        if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop)) {
            return false;
        }
        return (v - start) % step == 0;
    }

    @Override
    public String repr(Interpreter in) {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }

    @Override
    public boolean pyEquals(Interpreter in, Object other) {
        if (!(other instanceof PyRange r)) {
            return false;
        }
        long n = length();
        if (n != r.length()) {
            return false;
        }
        return n == 0 || (start == r.start && (n == 1 || step == r.step));
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "start" -> start;
            case "stop" -> stop;
            case "step" -> step;
            default -> pyType().lookupBound(in, this, name);
        };
    }
}
