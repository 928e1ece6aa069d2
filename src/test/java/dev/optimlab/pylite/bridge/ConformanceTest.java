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
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every PyTorch program under src/test/resources/conformance on the torch core and compares its
 * stdout with what real PyTorch printed (tools/golden/gen_conformance.py), and for a failing program
 * the final error line.
 */
@DisplayName("Conformance programs print what PyTorch prints")
class ConformanceTest {
    @TempDir
    Path workspace;

    static Stream<String> programs() throws IOException, URISyntaxException {
        Path dir = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    static String resource(String name) throws IOException, URISyntaxException {
        var url = ConformanceTest.class.getResource("/conformance/" + name);
        return url == null ? "" : Files.readString(Path.of(url.toURI()));
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return text.isEmpty() ? "" : lines[lines.length - 1] + "\n";
    }

    @ParameterizedTest(name = "{0}.py")
    @MethodSource("programs")
    @DisplayName("the program's stdout and final error line match PyTorch's")
    void matchesPyTorch(String name) throws Exception {
        RunResult result = TorchBridge.run(resource(name + ".py"), "main.py",
                Limits.defaults().withWallTime(Duration.ofSeconds(30)), RunListener.NONE, Storage.folder(workspace),
                TorchEvents.NONE);
        assertThat(result.stdout()).as("stdout of %s.py (stderr: %s)", name, result.stderr())
                .isEqualTo(resource(name + ".out"));
        assertThat(lastLine(result.stderr())).as("error of %s.py", name).isEqualTo(resource(name + ".err"));
    }
}
