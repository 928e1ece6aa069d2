package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Dropout")
class DropoutGoldenTest {

    static Stream<Arguments> masks() {
        return NnGolden.cases(NnGolden.load("dropout"), c -> "p=" + c.get("p") + " seed " + c.get("seed") + " "
                + c.get("input").get("dtype").asText() + c.get("input").get("shape"));
    }

    @ParameterizedTest
    @MethodSource("masks")
    @DisplayName("draws PyTorch's masks after manual_seed, functional and module alike, and advances the generator as far")
    void masks(JsonNode c) {
        Torch.manualSeed(c.get("seed").asLong());
        Tensor input = NnGolden.tensor(c.get("input"));
        double p = c.get("p").asDouble();
        NnGolden.assertExact(Functional.dropout(input, p, true), c.get("first"), "F.dropout");
        NnGolden.assertExact(new Dropout(p).call(input), c.get("second"), "nn.Dropout");
        Tensor leaf = input.clone().requiresGrad_();
        Tensor hidden = leaf.mul(1.5);
        Tensor third = new Dropout(p, true).call(hidden);
        assertThat(third == hidden).as("returns its input").isEqualTo(c.get("inplace_is_input").asBoolean());
        NnGolden.assertExact(third, c.get("inplace"), "nn.Dropout(inplace=True)");
        third.sum().backward();
        NnGolden.assertExact(leaf.grad(), c.get("inplace_grad"), "gradient through the in-place dropout");
        NnGolden.assertExact(Torch.rand(2), c.get("next"), "next draw");
    }

    @Test
    @DisplayName("passes the input through in eval mode without drawing")
    void evalMode() {
        Torch.manualSeed(0);
        Tensor input = Torch.ones(4);
        assertThat(new Dropout(0.5).eval().call(input)).isSameAs(input);
        Tensor after = Torch.rand(1);
        Torch.manualSeed(0);
        assertThat(Torch.rand(1).toDoubleArray()).containsExactly(after.toDoubleArray());
    }

    @Test
    @DisplayName("sends gradients only through the kept entries, scaled by 1/(1-p)")
    void gradient() {
        Torch.manualSeed(0);
        Tensor input = Torch.ones(8).requiresGrad_();
        Tensor output = Functional.dropout(input, 0.5, true);
        output.sum().backward();
        assertThat(input.grad().toDoubleArray()).containsExactly(output.toDoubleArray());
    }
}
