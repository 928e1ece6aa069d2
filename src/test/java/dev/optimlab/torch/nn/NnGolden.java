package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the fixtures tools/golden/gen_nn.py recorded from PyTorch and compares tensors with them. */
final class NnGolden {
    static final double RTOL = 1e-5;
    static final double ATOL = 1e-6;

    private NnGolden() {
    }

    static JsonNode load(String name) {
        try (InputStream in = NnGolden.class.getResourceAsStream("/golden/nn/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each element of a JSON array as one named argument, named by the given label. */
    static Stream<Arguments> cases(JsonNode array, java.util.function.Function<JsonNode, String> label) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(Arguments.argumentSet(label.apply(item), item));
        }
        return out.stream();
    }

    static double number(JsonNode node) {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException(node.asText());
            };
        }
        return node.asDouble();
    }

    static int[] shape(JsonNode node) {
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get(i).asInt();
        }
        return shape;
    }

    static DType dtype(String name) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Tensor tensor(JsonNode spec) {
        int[] shape = shape(spec.get("shape"));
        JsonNode values = spec.get("values");
        return switch (dtype(spec.get("dtype").asText())) {
            case FLOAT32 -> {
                float[] v = new float[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) number(values.get(i));
                }
                yield Torch.fromArray(v, shape);
            }
            case FLOAT64 -> {
                double[] v = new double[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = number(values.get(i));
                }
                yield Torch.fromArray(v, shape);
            }
            case INT64 -> {
                long[] v = new long[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values.get(i).asLong();
                }
                yield Torch.fromArray(v, shape);
            }
            default -> throw new IllegalArgumentException(spec.get("dtype").asText());
        };
    }

    static double[] values(JsonNode spec) {
        double[] v = new double[spec.get("values").size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(spec.get("values").get(i));
        }
        return v;
    }

    /** Shape, dtype and values within rtol/atol (NaN matches NaN, infinities match exactly). */
    static void assertClose(Tensor actual, JsonNode expected, String what) {
        assertClose(actual, expected, what, RTOL, ATOL);
    }

    static void assertClose(Tensor actual, JsonNode expected, String what, double rtol, double atol) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(shape(expected.get("shape")));
        assertThat(actual.dtype()).as(what + " dtype").isEqualTo(dtype(expected.get("dtype").asText()));
        double[] want = values(expected);
        double[] got = actual.contiguous().toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            if (Double.isNaN(want[i])) {
                assertThat(got[i]).as("%s[%d]", what, i).isNaN();
            } else if (Double.isInfinite(want[i])) {
                assertThat(got[i]).as("%s[%d]", what, i).isEqualTo(want[i]);
            } else {
                assertThat(Math.abs(got[i] - want[i])).as("%s[%d]: got %s, PyTorch %s", what, i, got[i], want[i])
                        .isLessThanOrEqualTo(atol + rtol * Math.abs(want[i]));
            }
        }
    }

    /** Shape, dtype and every value bit for bit, as seeded draws must be. */
    static void assertExact(Tensor actual, JsonNode expected, String what) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(shape(expected.get("shape")));
        assertThat(actual.dtype()).as(what + " dtype").isEqualTo(dtype(expected.get("dtype").asText()));
        assertThat(actual.contiguous().toDoubleArray()).as(what).containsExactly(values(expected));
    }
}
