package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays golden/tensor/inplace.json: the in-place ops optimizers use, bit for bit where PyTorch's kernel is plain float arithmetic. */
@DisplayName("In-place ops write PyTorch's values")
class InPlaceGoldenTest {

    private static JsonNode root;

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = InPlaceGoldenTest.class.getResourceAsStream("/golden/tensor/inplace.json")) {
            root = new ObjectMapper().readTree(in);
            List<Arguments> out = new ArrayList<>();
            root.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesInPlace(String name, JsonNode spec) {
        Tensor a = Golden.tensor(root.get("inputs").get("a"));
        Tensor b = Golden.tensor(root.get("inputs").get("b"));
        Tensor c = Golden.tensor(root.get("inputs").get("c"));
        Supplier<Tensor> op = switch (name) {
            case "add_" -> () -> a.add_(b);
            case "add_ alpha" -> () -> a.add_(b, -0.1);
            case "add_ broadcast" -> () -> a.add_(b.select(0, 0));
            case "sub_ alpha" -> () -> a.sub_(b, 0.3);
            case "mul_" -> () -> a.mul_(b);
            case "mul_ scalar" -> () -> a.mul_(0.9);
            case "div_" -> () -> a.div_(c);
            case "addcmul_" -> () -> a.addcmul_(b, c, 0.001);
            case "addcdiv_" -> () -> a.addcdiv_(b, c, -0.01);
            case "lerp_ small weight" -> () -> a.lerp_(b, 0.1);
            case "lerp_ large weight" -> () -> a.lerp_(b, 0.9);
            case "copy_" -> () -> a.copy_(b);
            case "copy_ broadcast" -> () -> a.copy_(b.select(0, 1));
            case "zero_" -> a::zero_;
            case "fill_" -> () -> a.fill_(0.7);
            case "clamp_" -> () -> a.clamp_(-0.3, 0.4);
            case "sqrt_" -> c::sqrt_;
            case "add_ float to int64" -> () -> Torch.tensor(List.of(1, 2)).add_(Torch.tensor(List.of(0.5, 0.5)));
            case "add_ broadcast to larger" -> () -> b.select(0, 0).clone().add_(a);
            default -> throw new IllegalArgumentException(name);
        };
        if (spec.has("error")) {
            TorchException error = catchThrowableOfType(TorchException.class, op::get);
            assertThat(error).isNotNull();
            assertThat(error.getMessage()).isEqualTo(spec.get("error").get("message").asText());
            return;
        }
        int versionBefore = a.version();
        Tensor result = op.get();
        Golden.assertMatches(result, spec.get("output"), 0, 0);
        if (result == a) {
            assertThat(a.version()).as("version counter").isGreaterThan(versionBefore);
        }
    }
}
