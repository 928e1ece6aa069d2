package dev.optimlab.pylite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs programs that try to escape or exhaust the sandbox (src/test/resources/hostile, each with an
 * "# expect: STATUS KIND" first line) under small limits, and checks that each ends with its expected
 * status and one clear error line, that no Java stack trace reaches the output, and that the next run
 * is healthy.
 */
@DisplayName("Hostile programs")
class HostileProgramsTest {
    static final Limits SMALL = Limits.defaults().withWallTime(Duration.ofMillis(200)).withMaxBytes(8L << 20)
            .withMaxOutputBytes(64L << 10);

    /** Warms the JIT so that the 200 ms limit measures the programs, not the JVM's start-up. */
    @BeforeAll
    static void warmUp() {
        String workout = "d = {}\nfor i in range(20000):\n    d[i] = [str(i)] * 3\n    x = sorted(d[i]) + [i % 7, i // 3]\n";
        for (int i = 0; i < 5; i++) {
            PyliteRunner.run(workout, "main.py", Limits.defaults(), RunListener.NONE);
        }
    }

    static Stream<String> programs() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileProgramsTest.class.getResource("/hostile").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    private static String source(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(HostileProgramsTest.class.getResource("/hostile/" + name + ".py").toURI()));
    }

    static void assertNoJavaLeak(RunResult result) {
        String all = result.stdout() + result.stderr();
        assertThat(all).doesNotContain("\tat ", ".java:", "Exception in thread", "dev.optimlab");
    }

    static void assertHealthyAfterwards() {
        RunResult next = PyliteRunner.run("print(sum(range(10)))\n", "main.py", SMALL, RunListener.NONE);
        assertThat(next.status()).isEqualTo(RunResult.Status.OK);
        assertThat(next.stdout()).isEqualTo("45\n");
    }

    @ParameterizedTest(name = "{0}.py")
    @MethodSource("programs")
    @DisplayName("ends with the expected error, shows no Java internals, and leaves the next run healthy")
    void isContained(String name) throws Exception {
        String source = source(name);
        String[] expect = source.lines().findFirst().orElseThrow().substring("# expect: ".length()).split(" ");
        // a memory bomb gets time enough to meet its memory limit however loaded the machine is
        Limits limits = expect.length > 1 && expect[1].equals("MEMORY") ? SMALL.withWallTime(Duration.ofSeconds(30)) : SMALL;
        RunResult result = PyliteRunner.run(source, "main.py", limits, RunListener.NONE);

        assertThat(result.status().name()).as("status of %s: %s", name, result.stderr()).isEqualTo(expect[0]);
        if (expect.length > 1) {
            assertThat(result.errorType()).as("error of %s: %s", name, result.stderr()).isEqualTo(expect[1]);
        }
        if (result.status() == RunResult.Status.LIMIT_EXCEEDED) {
            assertThat(result.stderr().lines()).as("limit message of %s", name).hasSize(1);
            assertThat(result.stderr()).startsWith("LimitError: Your program");
        }
        if (result.status() == RunResult.Status.PYTHON_ERROR) {
            String last = result.stderr().lines().reduce((a, b) -> b).orElse("");
            assertThat(last).as("last line of %s", name).startsWith(expect[1] + ": ");
        }
        assertThat(result.stdout()).doesNotContain("finally must not run", "swallowed");
        assertNoJavaLeak(result);
        assertHealthyAfterwards();
    }

    @Nested
    @DisplayName("Generated programs")
    class Generated {
        @Test
        @DisplayName("100,000 nested parentheses give a SyntaxError, not a stack overflow")
        void deepParentheses() {
            String source = "x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n";
            Limits roomy = SMALL.withWallTime(Duration.ofSeconds(5));
            RunResult result = PyliteRunner.run(source, "main.py", new Limits(roomy.wallTime(), roomy.maxSteps(),
                    roomy.maxBytes(), roomy.maxDepth(), roomy.maxOutputBytes(), 1 << 20), RunListener.NONE);
            assertThat(result.errorType()).isEqualTo("SyntaxError");
            assertThat(result.stderr()).contains("too many nested parentheses");
            assertNoJavaLeak(result);
        }

        @Test
        @DisplayName("a backtracking pattern given to warnings.filterwarnings is stopped inside the match by the time limit")
        void warningFilterBacktracking() throws Exception {
            RunResult result = PyliteRunner.run(source("warnings_regex_backtracking"), "main.py", SMALL, RunListener.NONE);
            assertThat(result.stderr()).startsWith("LimitError: Your program ran longer than").contains("(stopped at line 4)");
            assertHealthyAfterwards();
        }

        @Test
        @DisplayName("a 10 MB program is refused before it is parsed")
        void hugeProgram() {
            String source = "x = 1\n".repeat(10 * 1024 * 1024 / 6);
            RunResult result = PyliteRunner.run(source, "main.py", SMALL, RunListener.NONE);
            assertThat(result.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(result.errorType()).isEqualTo("PROGRAM_SIZE");
            assertThat(result.stderr()).contains("100 KiB limit");
            assertHealthyAfterwards();
        }
    }

    @Test
    @DisplayName("a run cancelled from another thread stops promptly with status CANCELLED")
    void cancellation() {
        PyliteRunner.Run run = PyliteRunner.start("while True:\n    pass\n", "main.py",
                Limits.defaults().withWallTime(Duration.ofSeconds(30)), RunListener.NONE);
        long start = System.nanoTime();
        run.cancel();
        RunResult result = run.await();
        assertThat(result.status()).isEqualTo(RunResult.Status.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertHealthyAfterwards();
    }
}
