package dev.optimlab.pylite;

import java.time.Duration;

/**
 * The micro benchmark reported in docs/benchmarks.md: one million iterations of a simple loop, timed
 * after warm-up runs in the same JVM. Not a test: run it with {@code java ... LoopBenchmark}.
 */
final class LoopBenchmark {
    private static final String LOOP = "total = 0\nfor i in range(1000000):\n    total += i\n";

    private LoopBenchmark() {
    }

    public static void main(String[] args) {
        String source = args.length > 0 ? args[0] : LOOP;
        Limits limits = Limits.defaults().withWallTime(Duration.ofSeconds(60));
        for (int round = 1; round <= 8; round++) {
            long start = System.nanoTime();
            RunResult r = PyliteRunner.run(source, "main.py", limits, RunListener.NONE);
            long micros = (System.nanoTime() - start) / 1000;
            System.out.printf("round %d: %.3f s (%s, %,d steps)%n", round, micros / 1e6, r.status(), r.steps());
        }
    }
}
