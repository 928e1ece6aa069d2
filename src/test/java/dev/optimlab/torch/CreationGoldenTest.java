package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays golden/tensor/creation.json: factories and dtype inference as real PyTorch does them. */
@DisplayName("Creation functions give PyTorch's values, shapes and dtypes")
class CreationGoldenTest {

    static Stream<Arguments> cases() throws IOException {
        return load("/golden/tensor/creation.json");
    }

    static Stream<Arguments> load(String resource) throws IOException {
        try (InputStream in = CreationGoldenTest.class.getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            root.get("cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void creates(String name, JsonNode spec) {
        JsonNode args = spec.get("args");
        if (spec.has("error")) {
            TorchException error = catchThrowableOfType(TorchException.class, () -> create(spec.get("call").asText(), args));
            assertThat(error).isNotNull();
            assertThat(error.pythonType().name()).isEqualTo(spec.get("error").get("type").asText());
            assertThat(error.getMessage()).isEqualTo(spec.get("error").get("message").asText());
            return;
        }
        Golden.assertMatches(create(spec.get("call").asText(), args), spec.get("output"), 0, 0);
    }

    private static boolean allIntegral(JsonNode args) {
        for (JsonNode arg : args) {
            if (!arg.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    private static Tensor create(String call, JsonNode a) {
        return switch (call) {
            case "arange" -> switch (a.size()) {
                case 1 -> allIntegral(a) ? Torch.arange(a.get(0).asLong()) : Torch.arange(a.get(0).asDouble());
                case 2 -> allIntegral(a) ? Torch.arange(a.get(0).asLong(), a.get(1).asLong())
                        : Torch.arange(a.get(0).asDouble(), a.get(1).asDouble());
                default -> allIntegral(a) ? Torch.arange(a.get(0).asLong(), a.get(1).asLong(), a.get(2).asLong())
                        : Torch.arange(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble());
            };
            case "linspace" -> Torch.linspace(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asInt());
            case "eye" -> a.size() == 1 ? Torch.eye(a.get(0).asInt()) : Torch.eye(a.get(0).asInt(), a.get(1).asInt());
            case "full" -> {
                int[] shape = Golden.shape(a.get(0));
                JsonNode value = a.get(1);
                yield value.isBoolean() ? Torch.full(shape, value.asBoolean())
                        : value.isIntegralNumber() ? Torch.full(shape, value.asLong()) : Torch.full(shape, value.asDouble());
            }
            case "zeros" -> Torch.zeros(Golden.shape(a.get(0)));
            case "ones" -> Torch.ones(Golden.shape(a.get(0)));
            case "tensor" -> Torch.tensor(toJava(a.get(0)));
            default -> throw new IllegalArgumentException(call);
        };
    }

    /** JSON as the Java values a caller of Torch.tensor would pass: Lists, Long, Double, Boolean. */
    static Object toJava(JsonNode node) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toJava(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isIntegralNumber() ? (Object) node.asLong() : (Object) node.asDouble();
    }
}
