package dev.optimlab.pylite.runtime;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code random} module with CPython 3.11's algorithms on top of {@link MersenneTwister}, so that the
 * same seed gives the same numbers as CPython (Lib/random.py).
 */
final class RandomModule {
    private final MersenneTwister mt = new MersenneTwister(BigInteger.valueOf(System.nanoTime()));
    private Double gaussNext;

    private RandomModule() {
    }

    static PyModule create(Interpreter in) {
        RandomModule r = new RandomModule();
        return new PyModule("random")
                .function("seed", (i, a, k) -> r.seed(i, a.length > 0 ? a[0] : Args.keyword(k, "a", Py.NONE)))
                .function("random", (i, a, k) -> r.mt.random())
                .function("getrandbits", (i, a, k) -> {
                    long bits = Ops.index(a[0]);
                    if (bits < 0) {
                        throw PyException.valueError("number of bits must be non-negative");
                    }
                    return Py.normalize(r.mt.getrandbits((int) bits));
                })
                .function("randrange", (i, a, k) -> r.randrange(a))
                .function("randint", (i, a, k) -> {
                    Args.exactly("randint", a, 2);
                    return r.randrange(new Object[] {a[0], Operators.binary(i, "+", a[1], 1L)});
                })
                .function("choice", (i, a, k) -> {
                    Args.exactly("choice", a, 1);
                    long n = Ops.len(i, a[0]);
                    if (n == 0) {
                        throw PyException.indexError("Cannot choose from an empty sequence");
                    }
                    return Ops.getItem(i, a[0], Py.normalize(r.below(n)));
                })
                .function("shuffle", (i, a, k) -> {
                    Args.exactly("shuffle", a, 1);
                    if (!(a[0] instanceof PyList list)) {
                        throw PyException.typeError("'" + Py.typeName(a[0]) + "' object does not support item assignment");
                    }
                    List<Object> x = list.items();
                    for (int idx = x.size() - 1; idx >= 1; idx--) {
                        int j = (int) r.below(idx + 1).longValue();
                        Object tmp = x.get(idx);
                        x.set(idx, x.get(j));
                        x.set(j, tmp);
                    }
                    return Py.NONE;
                })
                .function("uniform", (i, a, k) -> {
                    Args.exactly("uniform", a, 2);
                    double lo = Ops.toDouble(a[0]);
                    double hi = Ops.toDouble(a[1]);
                    return lo + (hi - lo) * r.mt.random();
                })
                .function("gauss", (i, a, k) -> r.gauss(arg(a, k, 0, "mu", 0.0), arg(a, k, 1, "sigma", 1.0)))
                .function("normalvariate", (i, a, k) -> r.normal(arg(a, k, 0, "mu", 0.0), arg(a, k, 1, "sigma", 1.0)))
                .function("expovariate", (i, a, k) -> -Math.log(1.0 - r.mt.random()) / arg(a, k, 0, "lambd", 1.0))
                .function("triangular", (i, a, k) -> r.triangular(arg(a, k, 0, "low", 0.0), arg(a, k, 1, "high", 1.0),
                        a.length > 2 ? a[2] : Args.keyword(k, "mode", Py.NONE)))
                .function("sample", (i, a, k) -> r.sample(i, a[0], Ops.index(a.length > 1 ? a[1] : Args.keyword(k, "k",
                        0L))))
                .function("choices", (i, a, k) -> r.choices(i, a, k));
    }

    private static double arg(Object[] a, java.util.Map<String, Object> k, int pos, String name, double dflt) {
        Object v = a.length > pos ? a[pos] : Args.keyword(k, name, null);
        return v == null ? dflt : Ops.toDouble(v);
    }

    private BigInteger below(long n) {
        return mt.below(BigInteger.valueOf(n));
    }

    private Object seed(Interpreter in, Object a) {
        gaussNext = null;
        if (a == Py.NONE) {
            mt.seed(BigInteger.valueOf(System.nanoTime()));
        } else if (Py.isInt(a)) {
            mt.seed(Py.big(a));
        } else if (a instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-512").digest(bytes);
                byte[] all = new byte[bytes.length + digest.length];
                System.arraycopy(bytes, 0, all, 0, bytes.length);
                System.arraycopy(digest, 0, all, bytes.length, digest.length);
                mt.seed(new BigInteger(1, all));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        } else if (a instanceof Double d) {
            mt.seed(BigInteger.valueOf(Ops.hash(in, d)));
        } else {
            throw PyException.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
        return Py.NONE;
    }

    private static BigInteger integral(Object v, int position) {
        if (v instanceof Double d) {
            if (d != Math.rint(d)) {
                throw PyException.valueError("non-integer arg " + position + " for randrange()");
            }
            return Py.big(Ops.floatToInt(d));
        }
        return Py.isInt(v) ? Py.big(v) : BigInteger.valueOf(Ops.index(v));
    }

    private Object randrange(Object[] a) {
        Args.range("randrange", a, 1, 3);
        BigInteger start = integral(a[0], 1);
        if (a.length == 1 || a[1] == Py.NONE) {
            if (start.signum() > 0) {
                return Py.normalize(mt.below(start));
            }
            throw PyException.valueError("empty range for randrange()");
        }
        BigInteger stop = integral(a[1], 2);
        BigInteger width = stop.subtract(start);
        BigInteger step = a.length > 2 ? integral(a[2], 3) : BigInteger.ONE;
        if (step.equals(BigInteger.ONE)) {
            if (width.signum() > 0) {
                return Py.normalize(start.add(mt.below(width)));
            }
            throw PyException.valueError("empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
        }
        BigInteger n;
        if (step.signum() > 0) {
            n = floorDiv(width.add(step).subtract(BigInteger.ONE), step);
        } else if (step.signum() < 0) {
            n = floorDiv(width.add(step).add(BigInteger.ONE), step);
        } else {
            throw PyException.valueError("zero step for randrange()");
        }
        if (n.signum() <= 0) {
            throw PyException.valueError("empty range for randrange()");
        }
        return Py.normalize(start.add(step.multiply(mt.below(n))));
    }

    private static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        return qr[1].signum() != 0 && qr[1].signum() != y.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    private double gauss(double mu, double sigma) {
        Double z = gaussNext;
        gaussNext = null;
        if (z == null) {
            double x2pi = mt.random() * 2 * Math.PI;
            double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - mt.random()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
        }
        return mu + z * sigma;
    }

    private double normal(double mu, double sigma) {
        double magic = 4 * Math.exp(-0.5) / Math.sqrt(2.0);
        double z;
        while (true) {
            double u1 = mt.random();
            double u2 = 1.0 - mt.random();
            z = magic * (u1 - 0.5) / u2;
            double zz = z * z / 4.0;
            if (zz <= -Math.log(u2)) {
                break;
            }
        }
        return mu + z * sigma;
    }

    private double triangular(double low, double high, Object mode) {
        double u = mt.random();
        double c;
        try {
            c = mode == Py.NONE ? 0.5 : (Ops.toDouble(mode) - low) / (high - low);
        } catch (ArithmeticException e) {
            return low;
        }
        if (high == low) {
            return low;
        }
        if (u > c) {
            u = 1.0 - u;
            c = 1.0 - c;
            double t = low;
            low = high;
            high = t;
        }
        return low + (high - low) * Math.sqrt(u * c);
    }

    private PyList sample(Interpreter in, Object population, long k) {
        if (population instanceof PySet || population instanceof PyDict) {
            throw PyException.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
        }
        long n = Ops.len(in, population);
        if (k < 0 || k > n) {
            throw PyException.valueError("Sample larger than population or is negative");
        }
        in.budget().allocate(8 * k);
        Object[] result = new Object[(int) k];
        long setsize = 21;
        if (k > 5) {
            setsize += (long) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
        }
        if (n <= setsize) {
            List<Object> pool = Ops.toList(in, population);
            for (int i = 0; i < k; i++) {
                int j = (int) below(n - i).longValue();
                result[i] = pool.get(j);
                pool.set(j, pool.get((int) (n - i - 1)));
            }
        } else {
            java.util.Set<Long> selected = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                long j = below(n).longValue();
                while (selected.contains(j)) {
                    j = below(n).longValue();
                }
                selected.add(j);
                result[i] = Ops.getItem(in, population, j);
            }
        }
        return new PyList(new ArrayList<>(List.of(result)));
    }

    private PyList choices(Interpreter in, Object[] a, java.util.Map<String, Object> k) {
        Object population = a[0];
        Object weights = a.length > 1 ? a[1] : Args.keyword(k, "weights", Py.NONE);
        Object cum = Args.keyword(k, "cum_weights", Py.NONE);
        long count = Ops.index(Args.keyword(k, "k", 1L));
        long n = Ops.len(in, population);
        in.budget().allocate(8 * Math.max(0, count));
        List<Object> out = new ArrayList<>();
        if (cum == Py.NONE && weights == Py.NONE) {
            for (long i = 0; i < count; i++) {
                out.add(Ops.getItem(in, population, (long) Math.floor(mt.random() * (double) n)));
            }
            return new PyList(out);
        }
        List<Double> cumulative = new ArrayList<>();
        if (cum == Py.NONE) {
            double total = 0;
            for (Object w : Ops.toList(in, weights)) {
                total += Ops.toDouble(w);
                cumulative.add(total);
            }
        } else {
            for (Object w : Ops.toList(in, cum)) {
                cumulative.add(Ops.toDouble(w));
            }
        }
        if (cumulative.size() != n) {
            throw PyException.valueError("The number of weights does not match the population");
        }
        if (n == 0) {
            throw PyException.indexError("list index out of range");
        }
        double total = cumulative.get(cumulative.size() - 1);
        for (long i = 0; i < count; i++) {
            double x = mt.random() * total;
            int lo = 0;
            int hi = (int) n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x < cumulative.get(mid)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out.add(Ops.getItem(in, population, (long) lo));
        }
        return new PyList(out);
    }
}
