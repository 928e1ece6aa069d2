package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("TensorFormatter prints tensors as torch._tensor_str does")
class TensorFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GROUPS = List.of("scalars", "vectors", "random", "empty", "summarised",
            "options", "autograd", "parameters", "fuzz", "derived");

    static Stream<Arguments> goldenCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String group : GROUPS) {
            for (JsonNode c : load(group).get("cases")) {
                cases.add(Arguments.of(group + ": " + c.get("name").asText(), c));
            }
        }
        return cases.stream();
    }

    @Nested
    @DisplayName("against the golden reprs printed by PyTorch")
    class Golden {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.optimlab.torch.TensorFormatterTest#goldenCases")
        @DisplayName("every case prints exactly the expected string")
        void printsExactly(String name, JsonNode c) {
            assertThat(print(c)).isEqualTo(c.get("expected").asText());
        }

        @Test
        @DisplayName("the fixtures hold hundreds of cases, a few of them derived from PyTorch 2.x")
        void fixturesAreComplete() {
            List<JsonNode> all = goldenCases().map(a -> (JsonNode) a.get()[1]).toList();
            assertThat(all).hasSizeGreaterThan(400);
            assertThat(all).filteredOn(c -> c.get("derived").asBoolean()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.get("note").asText()).isNotBlank());
        }
    }

    static Stream<Arguments> sizeCases() {
        List<Arguments> cases = new ArrayList<>();
        load("sizes").get("cases").forEach(c -> cases.add(Arguments.of(ints(c.get("shape")), c.get("expected").asText())));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sizeCases")
    @DisplayName("a shape prints as torch.Size does")
    void sizes(int[] shape, String expected) {
        assertThat(TensorFormatter.sizeRepr(shape)).isEqualTo(expected);
    }

    @Nested
    @DisplayName("with inconsistent input")
    class Errors {

        @Test
        @DisplayName("a shape that does not match the number of values is rejected")
        void shapeMismatch() {
            assertThatThrownBy(() -> TensorFormatter.repr(new int[] {2, 2}, DType.FLOAT32, new double[3], false,
                    null, PrintOptions.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("shape [2, 2] holds 4 elements but 3 values were given");
        }

        @Test
        @DisplayName("float values with dtype float64 are rejected, since a float cannot hold one")
        void floatArrayForFloat64() {
            assertThatThrownBy(() -> TensorFormatter.repr(new int[] {1}, DType.FLOAT64, new float[1], false, null,
                    PrintOptions.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("float values need dtype torch.float32 or torch.float16, got torch.float64");
        }

        @Test
        @DisplayName("double values with an integer dtype are rejected")
        void wrongDtype() {
            assertThatThrownBy(() -> TensorFormatter.repr(new int[] {1}, DType.INT64, new double[1], false, null,
                    PrintOptions.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("floating dtype");
        }
    }

    @Nested
    @DisplayName("print options")
    class Options {

        @Test
        @DisplayName("the profiles are PyTorch's default, short and full settings")
        void profiles() {
            assertThat(PrintOptions.profile("default")).isEqualTo(new PrintOptions(4, 1000, 3, 80, null));
            assertThat(PrintOptions.profile("short")).isEqualTo(new PrintOptions(2, 1000, 2, 80, null));
            assertThat(PrintOptions.profile("full").threshold()).isEqualTo(Integer.MAX_VALUE);
        }

        @Test
        @DisplayName("an unknown profile names the accepted ones")
        void unknownProfile() {
            assertThatThrownBy(() -> PrintOptions.profile("long"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'default', 'short' or 'full'");
        }
    }

    static String print(JsonNode c) {
        int[] shape = ints(c.get("shape"));
        String dtype = c.get("dtype").asText();
        JsonNode values = c.get("values");
        boolean requiresGrad = c.get("requires_grad").asBoolean();
        String gradFn = c.get("grad_fn").isNull() ? null : c.get("grad_fn").asText();
        PrintOptions options = options(c.get("options"));
        String repr = switch (dtype) {
            case "float32", "float16" -> {
                float[] data = new float[values.size()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = Float.intBitsToFloat((int) values.get(i).asLong());
                }
                DType type = dtype.equals("float32") ? DType.FLOAT32 : DType.FLOAT16;
                String fromFloats = TensorFormatter.repr(shape, type, data, requiresGrad, gradFn, options);
                double[] widened = new double[data.length];
                Arrays.setAll(widened, i -> data[i]);
                assertThat(TensorFormatter.repr(shape, type, widened, requiresGrad, gradFn, options))
                        .as("float32 values passed as exact doubles").isEqualTo(fromFloats);
                yield fromFloats;
            }
            case "float64" -> {
                double[] data = new double[values.size()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = pythonFloat(values.get(i).asText());
                }
                yield TensorFormatter.repr(shape, DType.FLOAT64, data, requiresGrad, gradFn, options);
            }
            case "int64" -> {
                long[] data = new long[values.size()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = values.get(i).asLong();
                }
                yield TensorFormatter.repr(shape, DType.INT64, data, requiresGrad, gradFn, options);
            }
            case "bool" -> {
                boolean[] data = new boolean[values.size()];
                for (int i = 0; i < data.length; i++) {
                    data[i] = values.get(i).asBoolean();
                }
                yield TensorFormatter.repr(shape, data, options);
            }
            default -> throw new IllegalArgumentException("unknown dtype in fixture: " + dtype);
        };
        return c.get("parameter").asBoolean() ? TensorFormatter.parameterRepr(repr) : repr;
    }

    private static PrintOptions options(JsonNode o) {
        JsonNode threshold = o.get("threshold");
        JsonNode sciMode = o.get("sci_mode");
        return new PrintOptions(o.get("precision").asInt(),
                threshold.isTextual() ? Integer.MAX_VALUE : threshold.asInt(),
                o.get("edgeitems").asInt(), o.get("linewidth").asInt(),
                sciMode.isNull() ? null : sciMode.asBoolean());
    }

    /** Python's repr of a float: nan and inf are spelled without Java's capitals. */
    private static double pythonFloat(String repr) {
        return switch (repr) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(repr);
        };
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    static JsonNode load(String group) {
        String path = "/golden/printing/" + group + ".json";
        try (InputStream in = TensorFormatterTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path + ": run tools/golden/gen_printing.py");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
