package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A learner's first training loop, end to end: seeded data, forward, backward, an SGD step under no_grad and
 * zeroing the gradients, compared step by step with real PyTorch's loss.item() (golden/tensor/training.json).
 */
@DisplayName("A linear regression trained by hand")
class TrainingLoopTest {

    @Test
    @DisplayName("prints exactly PyTorch's loss at every step and ends with PyTorch's weights")
    void matchesPyTorch() throws Exception {
        JsonNode expected;
        try (InputStream in = TrainingLoopTest.class.getResourceAsStream("/golden/tensor/training.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        double lr = expected.get("lr").asDouble();
        try (var ignored = ComputeContext.install(new ComputeContext())) {
            Torch.manualSeed(expected.get("seed").asLong());
            Tensor x = Torch.randn(100);
            Tensor t = x.mul(3L).add(0.5).add(Torch.randn(100).mul(0.1));
            Tensor w = Torch.zeros(1).requiresGrad_();
            Tensor b = Torch.zeros(1).requiresGrad_();
            for (int step = 0; step < expected.get("steps").asInt(); step++) {
                Tensor loss = x.mul(w).add(b).sub(t).pow(2L).mean();
                assertThat(loss.item()).as("loss at step %d", step).isEqualTo(expected.get("losses").get(step).asDouble());
                loss.backward();
                try (var noGrad = Torch.noGrad()) {
                    w.sub_(w.grad(), lr);
                    b.sub_(b.grad().mul(lr));
                }
                w.grad().zero_();
                b.grad().zero_();
            }
            assertThat(w.item()).isEqualTo(expected.get("w").asDouble());
            assertThat(b.item()).isEqualTo(expected.get("b").asDouble());
        }
    }

    @Test
    @DisplayName("with a hidden layer, ReLU and cross-entropy follows PyTorch's losses within float32 tolerance")
    void mlpMatchesPyTorch() throws Exception {
        JsonNode expected;
        try (InputStream in = TrainingLoopTest.class.getResourceAsStream("/golden/tensor/training.json")) {
            expected = new ObjectMapper().readTree(in).get("mlp");
        }
        double lr = expected.get("lr").asDouble();
        try (var ignored = ComputeContext.install(new ComputeContext())) {
            Torch.manualSeed(expected.get("seed").asLong());
            Tensor x = Torch.randn(20, 4);
            Tensor y = Torch.randint(0, 3, 20);
            Tensor w1 = Torch.randn(8, 4).mul(0.5).requiresGrad_();
            Tensor b1 = Torch.zeros(8).requiresGrad_();
            Tensor w2 = Torch.randn(3, 8).mul(0.5).requiresGrad_();
            Tensor b2 = Torch.zeros(3).requiresGrad_();
            Tensor rows = Torch.arange(20);
            for (int step = 0; step < expected.get("steps").asInt(); step++) {
                Tensor h = x.matmul(w1.t()).add(b1).relu();
                Tensor logp = h.matmul(w2.t()).add(b2).logSoftmax(1);
                Tensor loss = logp.index(Index.of(rows), Index.of(y)).mean().neg();
                Golden.assertClose(loss.itemDouble(), expected.get("losses").get(step).asDouble(), 1e-5, 1e-6,
                        "loss at step " + step);
                loss.backward();
                try (var noGrad = Torch.noGrad()) {
                    for (Tensor p : new Tensor[] {w1, b1, w2, b2}) {
                        p.add_(p.grad(), -lr);
                        p.setGrad(null);
                    }
                }
            }
            Golden.assertMatches(w2, expected.get("w2"), 1e-5, 1e-6);
        }
    }
}
