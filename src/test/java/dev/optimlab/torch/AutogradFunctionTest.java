package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A custom op recorded through Autograd")
class AutogradFunctionTest {

    /** cube(x) = x^3 computed by hand, with backward 3x^2, as an nn kernel would do it. */
    private static Tensor cube(Tensor x) {
        Tensor out;
        try (var ignored = Torch.noGrad()) {
            out = x.mul(x).mul(x);
        }
        return Autograd.record(out, "CubeBackward0",
                (grad, node) -> new Tensor[] {grad.mul(node.saved(0).pow(2L)).mul(3L)}, new Tensor[] {x}, x);
    }

    @Test
    @DisplayName("prints its grad_fn name and back-propagates its own derivative")
    void recordsAndDifferentiates() {
        Tensor x = Torch.tensor(List.of(1.0, -2.0)).requiresGrad_();
        Tensor y = cube(x);
        assertThat(y.toString()).endsWith("grad_fn=<CubeBackward0>)");
        y.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(new double[] {3, 12}, within(1e-6));
    }

    @Test
    @DisplayName("records nothing when no input requires grad")
    void noHistoryWithoutGrad() {
        Tensor y = cube(Torch.tensor(List.of(2.0)));
        assertThat(y.gradFn()).isNull();
        assertThat(y.item()).isEqualTo(8.0);
    }
}
