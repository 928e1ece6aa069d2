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
}
