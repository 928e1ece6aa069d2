package dev.optimlab.pylite.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The workspace behind torch.save and torch.load")
class StorageTest {
    @TempDir
    Path workspace;

    @Nested
    @DisplayName("checked paths")
    class CheckedPaths {
        @ParameterizedTest(name = "\"{0}\" is refused")
        @ValueSource(strings = {"/etc/passwd", "../x.pt", "runs/../../x.pt", "~/x.pt", "C:/x.pt", "C:\\x.pt", "a\\..\\..\\b",
            ""})
        @DisplayName("absolute paths, home paths, drive letters and any '..' are refused")
        void refused(String path) {
            assertThat(Storage.checkedPath(path)).isNull();
        }

        @ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
        @CsvSource({"ckpt.pt, ckpt.pt", "./ckpt.pt, ckpt.pt", "runs/epoch1.pt, runs/epoch1.pt", "a..b.pt, a..b.pt"})
        @DisplayName("relative paths inside the workspace are kept")
        void kept(String path, String expected) {
            assertThat(Storage.checkedPath(path)).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("a checkpoint saved in one run loads in the next run from the same workspace")
    void survivesBetweenRuns() throws Exception {
        RunResult save = TorchBridge.run("""
                import torch
                torch.save({"w": torch.tensor([[1.5, -2.0]]), "step": 7, "name": "run1", "ids": torch.arange(3)},
                           "runs/ckpt.pt")
                """, "main.py", Limits.defaults(), RunListener.NONE, Storage.folder(workspace), TorchEvents.NONE);
        assertThat(save.status()).as(save.stderr()).isEqualTo(RunResult.Status.OK);
        assertThat(Files.isRegularFile(workspace.resolve("runs/ckpt.pt"))).isTrue();
        RunResult load = TorchBridge.run("""
                import torch
                c = torch.load("runs/ckpt.pt")
                print(c["w"], c["step"], c["name"], c["ids"], c["w"].dtype)
                """, "main.py", Limits.defaults(), RunListener.NONE, Storage.folder(workspace), TorchEvents.NONE);
        assertThat(load.stdout()).isEqualTo("tensor([[ 1.5000, -2.0000]]) 7 run1 tensor([0, 1, 2]) torch.float32\n");
    }

    @Test
    @DisplayName("loading a file that was never saved names it")
    void missingFile() {
        RunResult result = TorchBridge.run("import torch\ntorch.load('nothing.pt')\n", "main.py", Limits.defaults(),
                RunListener.NONE, Storage.folder(workspace), TorchEvents.NONE);
        assertThat(result.stderr()).endsWith("RuntimeError: [Errno 2] No such file or directory: 'nothing.pt'\n");
    }

    @Test
    @DisplayName("a run without a workspace says so instead of writing anywhere")
    void noWorkspace() {
        RunResult result = TorchBridge.run("import torch\ntorch.save(1, 'x.pt')\n", "main.py", Limits.defaults(),
                RunListener.NONE, Storage.NONE, TorchEvents.NONE);
        assertThat(result.stderr()).endsWith("RuntimeError: could not save 'x.pt': this exercise has no workspace to "
                + "save files in\n");
    }

    @Test
    @DisplayName("two runs at once keep their own seeds and grad modes")
    void runsAreIsolated() {
        String seeded = "import torch\ntorch.manual_seed(3)\nimport time\ntime.sleep(0.2)\nprint(torch.rand(2))\n";
        String other = "import torch\ntorch.manual_seed(99)\ntorch.set_grad_enabled(False)\nprint(torch.rand(2))\n";
        TorchBridge.Run first = TorchBridge.start(seeded, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE,
                TorchEvents.NONE);
        TorchBridge.Run second = TorchBridge.start(other, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE,
                TorchEvents.NONE);
        second.await();
        RunResult alone = TorchBridge.run(seeded, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE,
                TorchEvents.NONE);
        assertThat(first.await().stdout()).isEqualTo(alone.stdout()).isNotEmpty();
    }
}
