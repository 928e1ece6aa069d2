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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Hostile PyTorch programs")
class BridgeHostileTest {
    @TempDir
    Path workspace;

    @BeforeAll
    static void warmUp() {
        // loads the torch classes once, so that the short wall limits below measure the programs, not class loading
        TorchBridge.run("import torch\nprint(torch.ones(2) @ torch.ones(2))\n", "main.py", Limits.defaults(),
                RunListener.NONE, Storage.NONE, TorchEvents.NONE);
    }

    private static String program(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(BridgeHostileTest.class.getResource("/bridge-hostile/" + name + ".py").toURI()));
    }

    private RunResult run(String name, Limits limits) throws Exception {
        return TorchBridge.run(program(name), "main.py", limits, RunListener.NONE, Storage.folder(workspace),
                TorchEvents.NONE);
    }

    private static Limits shortLimits() {
        return Limits.defaults().withWallTime(Duration.ofMillis(200));
    }

    @Nested
    @DisplayName("long tensor kernels")
    class Kernels {
        @Test
        @DisplayName("a 5000x5000 matmul under a 200 ms limit stops promptly with the time limit")
        void hugeMatmulStops() throws Exception {
            long start = System.nanoTime();
            RunResult result = run("huge_matmul", shortLimits());
            assertThat(result.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(result.stderr()).contains("time limit").doesNotContain("at dev.optimlab");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }

        @Test
        @DisplayName("a limit reached inside a kernel cannot be swallowed by except BaseException")
        void limitInsideKernelIsNotCaught() throws Exception {
            RunResult result = run("swallow_limit_in_kernel", shortLimits());
            assertThat(result.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(result.stderr()).startsWith("LimitError: Your program ran longer than");
        }

        @Test
        @DisplayName("tensors kept in a growing list end with the memory limit, not the JVM's")
        void tensorGrowthIsStopped() throws Exception {
            RunResult result = run("tensor_growth", Limits.defaults().withMaxBytes(8L << 20));
            assertThat(result.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(result.stderr()).isEqualTo("LimitError: Your program tried to use more than the 8 MiB memory limit "
                    + "(stopped at line 4)\n");
        }

        @Test
        @DisplayName("temporaries a loop drops are forgiven, so twenty times the limit in total still runs")
        void droppedTensorsAreForgiven() throws Exception {
            RunResult result = run("tensor_churn", Limits.defaults().withMaxBytes(8L << 20));
            assertThat(result.status()).as(result.stderr()).isEqualTo(RunResult.Status.OK);
            assertThat(result.stdout()).isEqualTo("120000.0\n");
        }

        @Test
        @DisplayName("a tensor larger than the memory limit is refused before it is allocated")
        void tensorBombIsRefused() throws Exception {
            RunResult result = run("tensor_bomb", Limits.defaults().withMaxBytes(8L << 20));
            assertThat(result.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(result.stderr()).isEqualTo("LimitError: Your program tried to use more than the 8 MiB memory limit "
                    + "(stopped at line 2)\n");
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("save_outside_workspace", "ValueError: '../x.pt' is outside your workspace: use a relative "
                        + "path such as 'checkpoint.pt', without '..' or a leading '/'"),
                Arguments.of("save_absolute_path", "ValueError: '/etc/passwd' is outside your workspace: use a relative "
                        + "path such as 'checkpoint.pt', without '..' or a leading '/'"),
                Arguments.of("rebind_optimizer_step", "TypeError: cannot set 'step' attribute of immutable type 'SGD'"),
                Arguments.of("rebind_torch_function", "AttributeError: module 'torch' is read-only in OptimLab: "
                        + "'manual_seed' cannot be changed"));
    }

    @ParameterizedTest(name = "{0}.py")
    @MethodSource("refusals")
    @DisplayName("file escapes and patches of the torch modules end in one clear Python error")
    void refused(String name, String lastLine) throws Exception {
        RunResult result = run(name, Limits.defaults().withWallTime(Duration.ofSeconds(5)));
        assertThat(result.status()).isEqualTo(RunResult.Status.PYTHON_ERROR);
        assertThat(result.stderr()).endsWith(lastLine + "\n").doesNotContain("at dev.optimlab");
        try (Stream<Path> files = Files.list(workspace)) {
            assertThat(files).isEmpty();
        }
    }
}
