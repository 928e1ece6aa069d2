package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads tensors from golden JSON and compares tensors with expected JSON values. */
final class Golden {
    private Golden() {
    }

    static DType dtype(String name) {
        return switch (name) {
            case "float16" -> DType.FLOAT16;
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static double number(JsonNode node) {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "nan" -> Double.NaN;
                case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
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

    /** A tensor from {"shape", "dtype", "values"}. */
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
            case FLOAT16 -> {
                float[] v = new float[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) number(values.get(i));
                }
                yield Torch.fromArray(v, shape).to(DType.FLOAT16);
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
            case BOOL -> {
                boolean[] v = new boolean[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values.get(i).asBoolean();
                }
                yield Torch.fromArray(v, shape);
            }
        };
    }

    /** The upstream weight the generator uses: 1 + 0.25 * (i % 5) in row-major order. */
    static Tensor weightLike(Tensor out) {
        double[] w = new double[out.numel()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + 0.25 * (i % 5);
        }
        return Torch.fromArray(w, out.shape()).to(out.dtype());
    }

    static void assertMatches(Tensor actual, JsonNode expected, double rtol, double atol) {
        assertThat(actual.shape()).as("shape").containsExactly(shape(expected.get("shape")));
        assertThat(actual.dtype()).as("dtype").isEqualTo(dtype(expected.get("dtype").asText()));
        JsonNode values = expected.get("values");
        switch (actual.dtype()) {
            case INT64 -> {
                long[] got = actual.toLongArray();
                for (int i = 0; i < got.length; i++) {
                    assertThat(got[i]).as("element %d", i).isEqualTo(values.get(i).asLong());
                }
            }
            case BOOL -> {
                boolean[] got = actual.toBooleanArray();
                for (int i = 0; i < got.length; i++) {
                    assertThat(got[i]).as("element %d", i).isEqualTo(values.get(i).asBoolean());
                }
            }
            default -> {
                double[] got = actual.toDoubleArray();
                for (int i = 0; i < got.length; i++) {
                    assertClose(got[i], number(values.get(i)), rtol, atol, "element " + i);
                }
            }
        }
    }

    static void assertClose(double actual, double expected, double rtol, double atol, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(Math.abs(actual - expected)).as("%s: %s vs expected %s", what, actual, expected)
                    .isLessThanOrEqualTo(atol + rtol * Math.abs(expected));
        }
    }
}
