package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Behaviour of Sequential and ModuleList that Python's list protocol defines (len, indexing, slicing). */
@DisplayName("Containers")
class ContainersTest {

    @BeforeEach
    void seed() {
        Torch.manualSeed(0);
    }

    @Nested
    @DisplayName("Sequential")
    class SequentialBehaviour {

        @Test
        @DisplayName("calls its modules in order")
        void forwardInOrder() {
            Linear first = new Linear(3, 4);
            Linear second = new Linear(4, 2);
            Sequential seq = new Sequential(first, new ReLU(), second);
            Tensor x = Torch.randn(5, 3);
            Tensor expected = second.call(first.call(x).relu());
            assertThat(seq.call(x).toDoubleArray()).containsExactly(expected.toDoubleArray());
        }

        @Test
        @DisplayName("indexes from either end and appends under the next index")
        void indexAndAppend() {
            ReLU relu = new ReLU();
            Tanh tanh = new Tanh();
            Sequential seq = new Sequential(relu).append(tanh);
            assertThat(seq.size()).isEqualTo(2);
            assertThat(seq.get(-1)).isSameAs(tanh);
            assertThat(seq.get(0)).isSameAs(relu);
            assertThat(seq.namedChildren().keySet()).containsExactly("0", "1");
        }

        @Test
        @DisplayName("slices into a Sequential that keeps the original keys")
        void slices() {
            Sequential seq = new Sequential(new Linear(2, 2), new ReLU(), new Linear(2, 1));
            Sequential tail = seq.slice(1, null);
            assertThat(tail.namedChildren().keySet()).containsExactly("1", "2");
            assertThat(tail.get(1)).isSameAs(seq.get(2));
            assertThat(seq.slice(-5, 1).size()).isEqualTo(1);
            assertThat(seq.slice(2, 1).size()).isZero();
        }
    }

    @Nested
    @DisplayName("ModuleList")
    class ModuleListBehaviour {

        @Test
        @DisplayName("registers its modules so their parameters are found")
        void registers() {
            ModuleList list = new ModuleList(List.of(new Linear(2, 2), new Linear(2, 1, false)));
            list.append(new ReLU());
            assertThat(list.size()).isEqualTo(3);
            assertThat(list.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "1.weight");
            assertThat(list.get(-1)).isInstanceOf(ReLU.class);
        }
    }

    @Test
    @DisplayName("the functional defaults are PyTorch's")
    void functionalDefaults() {
        Tensor x = Torch.randn(4, 3);
        Tensor y = Torch.fromArray(new long[] {0, 2, 1, 1}, 4);
        assertThat(Functional.crossEntropy(x, y).itemDouble())
                .isEqualTo(new CrossEntropyLoss().call(x, y).itemDouble());
        assertThat(Functional.leakyRelu(x).toDoubleArray()).containsExactly(new LeakyReLU().call(x).toDoubleArray());
        assertThat(Functional.mseLoss(x, x.mul(2.0)).itemDouble()).isEqualTo(new MSELoss().call(x, x.mul(2.0)).itemDouble());
    }
}
