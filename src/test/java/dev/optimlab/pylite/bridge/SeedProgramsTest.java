package dev.optimlab.pylite.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the code examples of the seed documents (adapted copies under src/test/resources/seed-programs, see
 * docs/python-subset.md) on the torch core and compares stdout and the whole stderr with what real PyTorch,
 * or for the snippets that are not valid Python CPython 3.11, printed (tools/golden/gen_seed_programs.py).
 */
@DisplayName("The seed documents' programs")
class SeedProgramsTest {
    /** CPython 3.11's fine-grained ^/~ markers, which pylite does not print, are left out of the .err files. */
    private static final String MARKER_LINE = "(?m)^\\s*[\\^~]+\\s*\\n";

    @TempDir
    Path workspace;

    static Stream<String> programs() throws IOException, URISyntaxException {
        Path dir = Path.of(SeedProgramsTest.class.getResource("/seed-programs").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    static String resource(String name) throws IOException, URISyntaxException {
        var url = SeedProgramsTest.class.getResource("/seed-programs/" + name);
        return url == null ? "" : Files.readString(Path.of(url.toURI()));
    }

    private RunResult run(String name, TorchEvents events) throws Exception {
        return TorchBridge.run(resource(name + ".py"), "main.py",
                Limits.defaults().withWallTime(Duration.ofSeconds(30)), RunListener.NONE, Storage.folder(workspace),
                events);
    }

    @ParameterizedTest(name = "{0}.py")
    @MethodSource("programs")
    @DisplayName("print exactly what PyTorch (or CPython, for a syntax error) prints")
    void matchReference(String name) throws Exception {
        RunResult result = run(name, TorchEvents.NONE);
        assertThat(result.stdout()).as("stdout of %s.py (stderr: %s)", name, result.stderr())
                .isEqualTo(resource(name + ".out"));
        assertThat(result.stderr().replaceAll(MARKER_LINE, "")).as("stderr of %s.py", name).isEqualTo(resource(name + ".err"));
    }

    @Nested
    @DisplayName("The SummaryWriter loop")
    class SummaryWriterLoop {
        @Test
        @DisplayName("reports every add_scalar as a metric, the epoch averages with the values it printed")
        void reportsScalars() throws Exception {
            List<String> metrics = new ArrayList<>();
            RunResult result = run("summary_writer", new TorchEvents() {
                @Override
                public void metric(String series, long step, double value) {
                    if (series.contains("/")) {
                        metrics.add("%s %d %.6f".formatted(series, step, value));
                    }
                }
            });
            assertThat(result.stderr()).isEmpty();
            List<String> epochs = metrics.stream().filter(m -> m.startsWith("Epoch/Avg_Loss")).toList();
            List<String> printed = resource("summary_writer.out").lines()
                    .map(line -> "Epoch/Avg_Loss %s %s".formatted(line.substring(6, line.indexOf(':')),
                            line.substring(line.indexOf("avg_epoch_loss=") + 15)))
                    .toList();
            assertThat(epochs).isEqualTo(printed);
            assertThat(metrics.stream().filter(m -> m.startsWith("Batch/Avg_Loss"))).hasSize(5 * 2);
        }
    }
}
