package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A view")
class TensorViewsTest {

    @Nested
    @DisplayName("of a 2x3 tensor")
    class OfAMatrix {
        private final Tensor x = Torch.arange(6.0).view(2, 3);

        @Test
        @DisplayName("shares memory with its base, so writes through it show in the base")
        void sharesMemory() {
            Tensor row = x.select(0, 1);
            row.fill_(-1);
            assertThat(x.toDoubleArray()).containsExactly(0, 1, 2, -1, -1, -1);
            assertThat(row.sharesStorageWith(x)).isTrue();
            assertThat(row.storageOffset()).isEqualTo(3);
        }

        @Test
        @DisplayName("swaps strides when transposed and is then no longer contiguous")
        void transposeStrides() {
            Tensor t = x.t();
            assertThat(t.shape()).containsExactly(3, 2);
            assertThat(t.stride()).containsExactly(1, 3);
            assertThat(t.isContiguous()).isFalse();
            assertThat(t.contiguous().stride()).containsExactly(2, 1);
            assertThat(t.contiguous().toDoubleArray()).containsExactly(0, 3, 1, 4, 2, 5);
        }

        @Test
        @DisplayName("expands with stride 0 instead of copying")
        void expandStrides() {
            Tensor column = x.select(1, 0).unsqueeze(1).expand(2, 4);
            assertThat(column.stride()).containsExactly(3, 0);
            assertThat(column.toDoubleArray()).containsExactly(0, 0, 0, 0, 3, 3, 3, 3);
        }

        @Test
        @DisplayName("steps through a slice with a step")
        void slicesWithStep() {
            Tensor every = x.slice(1, 0L, null, 2);
            assertThat(every.shape()).containsExactly(2, 2);
            assertThat(every.stride()).containsExactly(3, 2);
            assertThat(every.toDoubleArray()).containsExactly(0, 2, 3, 5);
        }

        @Test
        @DisplayName("turns into Python values with tolist and item")
        void pythonValues() {
            assertThat(x.tolist()).isEqualTo(List.of(List.of(0.0, 1.0, 2.0), List.of(3.0, 4.0, 5.0)));
            assertThat(x.select(0, 1).select(0, 2).item()).isEqualTo(5.0);
            assertThat(Torch.arange(3).sum().item()).isEqualTo(3L);
            assertThat(Torch.arange(3).gt(0.5).tolist()).isEqualTo(List.of(false, true, true));
        }
    }

    @Test
    @DisplayName("of a non-contiguous tensor is still possible when the strides allow it")
    void viewOfNonContiguous() {
        Tensor x = Torch.arange(24.0).view(2, 3, 4).permute(1, 0, 2);
        Tensor merged = x.view(3, 2, 2, 2);
        assertThat(merged.sharesStorageWith(x)).isTrue();
        assertThat(merged.stride()).containsExactly(4, 12, 2, 1);
    }
}
