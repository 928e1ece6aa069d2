package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Checks that Tensor.toString feeds the formatter the right data, grad flags and grad_fn names (repr.json). */
@DisplayName("Printing a tensor")
class TensorReprTest {

    private static String expected(String name) throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TensorReprTest.class.getResourceAsStream("/golden/tensor/repr.json"));
        for (var c : root.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c.get("repr").asText();
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    @DisplayName("shows requires_grad on leaves and grad_fn on results, as PyTorch does")
    void autogradSuffixes() throws Exception {
        Tensor leaf = Torch.tensor(List.of(1.0, 2.5, -0.125)).requiresGrad_();
        assertThat(leaf.toString()).isEqualTo(expected("leaf requiring grad"));
        assertThat(leaf.mul(2.0).toString()).isEqualTo(expected("result of a multiplication"));
        assertThat(leaf.mul(leaf).sum().toString()).isEqualTo(expected("sum"));
    }

    @Test
    @DisplayName("prints int64, bool and float64 tensors as PyTorch does")
    void otherDtypes() throws Exception {
        assertThat(Torch.tensor(List.of(List.of(1, 2), List.of(3, 40))).toString()).isEqualTo(expected("int64"));
        assertThat(Torch.tensor(List.of(true, false)).toString()).isEqualTo(expected("bool"));
        assertThat(Torch.tensor(List.of(0.5, 1e-8), DType.FLOAT64).toString()).isEqualTo(expected("float64"));
    }

    @Test
    @DisplayName("prints nn.Parameter's header on parameters only, not on results computed from them")
    void parameters() throws Exception {
        Tensor p = Torch.tensor(List.of(List.of(0.25, -1.0))).asParameter(true);
        assertThat(p.toString()).isEqualTo(expected("parameter"));
        assertThat(Torch.tensor(List.of(3.0)).asParameter(false).toString()).isEqualTo(expected("parameter without grad"));
        assertThat(Torch.tensor(List.of(3.0)).asParameter(true).mul(2L).toString())
                .isEqualTo(expected("result of an op on a parameter"));
        assertThat(p.isLeaf()).isTrue();
    }
}
