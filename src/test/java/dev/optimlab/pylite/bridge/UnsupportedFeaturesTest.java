package dev.optimlab.pylite.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the bridge does not support ends in one clear error")
class UnsupportedFeaturesTest {
    private static RunResult run(String source) {
        return TorchBridge.run(source, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE, TorchEvents.NONE);
    }

    @Test
    @DisplayName("subclassing a core layer says to subclass nn.Module instead")
    void subclassingALayer() {
        RunResult result = run("""
                import torch.nn as nn
                class MyLinear(nn.Linear):
                    def __init__(self):
                        super().__init__(2, 3)
                MyLinear()
                """);
        assertThat(result.stderr()).endsWith("NotImplementedError: subclassing nn.Linear is not supported in OptimLab: "
                + "subclass nn.Module and create the nn.Linear in __init__\n");
    }

    @Test
    @DisplayName("a GPU device fails as on a PyTorch build without CUDA")
    void cudaDevice() {
        RunResult result = run("import torch\ntorch.ones(2).to('cuda')\n");
        assertThat(result.stderr()).endsWith("AssertionError: Torch not compiled with CUDA enabled\n");
    }

    @Test
    @DisplayName("a torch module the bridge lacks is not found, and the message lists what can be imported")
    void missingModule() {
        RunResult result = run("import torch.distributions\n");
        assertThat(result.stderr()).contains("ModuleNotFoundError: No module named 'torch.distributions'")
                .contains("torch.optim.lr_scheduler");
    }
}
