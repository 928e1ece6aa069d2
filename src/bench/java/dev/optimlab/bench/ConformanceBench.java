package dev.optimlab.bench;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times every conformance program (src/test/resources/conformance, the programs that end in an error left out)
 * warm in one JVM through {@code TorchBridge.run}: warm-up runs for the JIT, then the median of the measured
 * runs' wall time and the mean of the process's CPU time over them (which a busy shared machine disturbs less;
 * the JVM reads it in clock ticks of 10 ms, too coarse for one run), written one program a line as
 * {@code name<TAB>wall ms<TAB>CPU ms}. The counterpart of tools/bench/conformance_bench.py, which times
 * the same programs with runpy on CPython + PyTorch once torch is imported; tools/bench/conformance-bench.sh runs
 * both side by side, one program in turn each, so that both see the same load.
 *
 * <pre>{@code java -cp ... dev.optimlab.bench.ConformanceBench [corpus dir] [warm-up runs] [measured runs]
 *     [corpus rounds] [name... | -]}</pre>
 * With {@code -} the names are read from stdin, one a line, each answered as soon as it is timed. Corpus rounds
 * (default 0) run the whole corpus that many times before any timing, as a server that has run many programs
 * has: 20 runs of one program leave much of the code it shares with the others still being compiled.
 */
public final class ConformanceBench {
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ConformanceBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/resources/conformance");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int corpusRounds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<String> only = args.length > 4 ? Arrays.asList(args).subList(4, args.length) : List.of();
        Path workspace = Files.createTempDirectory("conformance-bench");
        for (int round = 0; round < corpusRounds; round++) {
            for (String name : programs(corpus)) {
                run(corpus, name, workspace);
            }
        }
        if (only.equals(List.of("-"))) {
            BufferedReader names = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                time(corpus, name.strip(), warmup, measured, workspace);
            }
            return;
        }
        for (String name : programs(corpus)) {
            if (only.isEmpty() || only.contains(name)) {
                time(corpus, name, warmup, measured, workspace);
            }
        }
    }

    private static void time(Path corpus, String name, int warmup, int measured, Path workspace) throws IOException {
        double[] millis = new double[measured];
        long cpuStart = 0;
        for (int i = 0; i < warmup + measured; i++) {
            if (i == warmup) {
                cpuStart = PROCESS.getProcessCpuTime();
            }
            long start = System.nanoTime();
            run(corpus, name, workspace);
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                millis[i - warmup] = elapsed / 1e6;
            }
        }
        double cpuMillis = (PROCESS.getProcessCpuTime() - cpuStart) / 1e6 / measured;
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s\t%.3f\t%.3f%n", name, millis[measured / 2], cpuMillis);
        System.out.flush();
    }

    /** Runs a program once, and stops at once if it printed something else than PyTorch: a fast wrong answer is no figure. */
    private static void run(Path corpus, String name, Path workspace) throws IOException {
        String source = Files.readString(corpus.resolve(name + ".py"));
        String expected = Files.readString(corpus.resolve(name + ".out"));
        RunResult result = TorchBridge.run(source, "main.py", Limits.defaults().withWallTime(Duration.ofSeconds(60)),
                RunListener.NONE, Storage.folder(workspace), TorchEvents.NONE);
        if (!result.stdout().equals(expected)) {
            throw new IllegalStateException(name + ".py printed something else than PyTorch:\n" + result.stderr());
        }
    }

    /** The programs that finish without an error, i.e. those without a .err file, by name. */
    static List<String> programs(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .filter(n -> !Files.exists(corpus.resolve(n + ".err")))
                    .sorted().toList();
        }
    }
}
