package dev.optimlab.pylite.runtime;

/** The {@code time} module: time(), perf_counter(), monotonic() and sleep() counted against the wall limit. */
final class TimeModule {
    private TimeModule() {
    }

    static PyModule create() {
        return new PyModule("time")
                .function("time", (i, a, k) -> System.currentTimeMillis() / 1000.0)
                .function("perf_counter", (i, a, k) -> System.nanoTime() / 1e9)
                .function("monotonic", (i, a, k) -> System.nanoTime() / 1e9)
                .function("process_time", (i, a, k) -> System.nanoTime() / 1e9)
                .function("sleep", (i, a, k) -> {
                    Args.exactly("sleep", a, 1);
                    double s = Ops.toDouble(a[0]);
                    if (s < 0) {
                        throw PyException.valueError("sleep length must be non-negative");
                    }
                    i.budget().sleep(s);
                    return Py.NONE;
                });
    }
}
