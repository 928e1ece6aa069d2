package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A tensor")
class TensorSmokeTest {

    @Nested
    @DisplayName("made from nested lists")
    class Creation {
        @Test
        @DisplayName("infers float32 from any float, int64 from ints and bool from bools")
        void infersDtype() {
            assertThat(Torch.tensor(List.of(1, 2.5)).dtype()).isEqualTo(DType.FLOAT32);
            assertThat(Torch.tensor(List.of(1, 2)).dtype()).isEqualTo(DType.INT64);
            assertThat(Torch.tensor(List.of(true, false)).dtype()).isEqualTo(DType.BOOL);
            assertThat(Torch.tensor(List.of(List.of(1, 2), List.of(3, 4))).shape()).containsExactly(2, 2);
        }

        @Test
        @DisplayName("rejects ragged lists with PyTorch's message")
        void rejectsRagged() {
            assertThatThrownBy(() -> Torch.tensor(List.of(List.of(1, 2), List.of(3))))
                    .hasMessage("expected sequence of length 2 at dim 1 (got 1)");
        }
    }

    @Nested
    @DisplayName("used in a small training step")
    class Autograd {
        @Test
        @DisplayName("gets the gradient of a sum of squares")
        void gradientOfSquares() {
            Tensor w = Torch.tensor(List.of(1.0, -2.0, 3.0)).requiresGrad_();
            Tensor loss = w.mul(w).sum();
            assertThat(loss.gradFn().name()).isEqualTo("SumBackward0");
            loss.backward();
            assertThat(w.grad().toDoubleArray()).containsExactly(new double[] {2, -4, 6}, within(1e-6));
        }

        @Test
        @DisplayName("refuses a second backward through freed saved tensors")
        void secondBackward() {
            Tensor w = Torch.tensor(List.of(1.0, 2.0)).requiresGrad_();
            Tensor loss = w.mul(w).sum();
            loss.backward();
            assertThatThrownBy(loss::backward).hasMessageStartingWith("Trying to backward through the graph a second time");
        }
    }
}
