package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optimlab.torch.nn.Init;
import dev.optimlab.torch.utils.data.DataLoaderEpoch;
import dev.optimlab.torch.utils.data.RandomSampler;
import dev.optimlab.torch.utils.data.RandomSplit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the fixtures of tools/golden/gen_rng.py (real PyTorch 1.13, AVX2 kernel): each case seeds one
 * generator and runs its steps in order; every output must match PyTorch's bits exactly, except
 * float64 normals, whose residual difference through the C library's log/sin/cos is bounded below.
 */
@DisplayName("The generator replays PyTorch's recorded draws")
class RngGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> uniformCases() {
        return cases("uniform");
    }

    static Stream<Arguments> normalCases() {
        return cases("normal");
    }

    static Stream<Arguments> integerCases() {
        return cases("integers");
    }

    static Stream<Arguments> bernoulliCases() {
        return cases("bernoulli");
    }

    static Stream<Arguments> initCases() {
        return cases("init");
    }

    static Stream<Arguments> dataCases() {
        return cases("data");
    }

    static Stream<Arguments> stateCases() {
        return cases("state");
    }

    static Stream<Arguments> defaultKernelCases() {
        return cases("default_kernel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultKernelCases")
    @DisplayName("draws as CPUs without AVX2 do: unfused arithmetic and glibc's logf/sinf/cosf")
    void defaultKernel(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    static Stream<Arguments> derivedCases() {
        return cases("derived2x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("derivedCases")
    @DisplayName("follows PyTorch 2.x where it differs from 1.13 (expected values derived from 2.x's source)")
    void derivedFromPyTorch2(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uniformCases")
    @DisplayName("rand, uniform_ and the raw engine match bit for bit")
    void uniform(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalCases")
    @DisplayName("float32 randn and normal_ match bit for bit on both paths and through the cache")
    void normal(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerCases")
    @DisplayName("randint, randperm and random_ match exactly")
    void integers(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bernoulliCases")
    @DisplayName("bernoulli and dropout masks match exactly")
    void bernoulli(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initCases")
    @DisplayName("nn.Linear's default init and nn.init's functions match bit for bit")
    void init(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataCases")
    @DisplayName("DataLoader shuffles, RandomSampler and random_split match exactly")
    void data(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stateCases")
    @DisplayName("get_rng_state's bytes and set_rng_state's restores match exactly")
    void state(String name, JsonNode testCase) {
        replayExactly(testCase);
    }

    @Nested
    @DisplayName("float64 normals, which go through log, sin and cos")
    class DoubleNormals {

        /**
         * glibc's double log/log1p/sin/cos and Java's differ in the last bit now and then, and 1.13's scalar
         * path takes log(1-u) where we follow 2.x's log1p(-u): measured bounds in docs/fidelity.md.
         */
        static final int MAX_ULPS = 4;

        @Test
        @DisplayName("stay within 4 ulps of PyTorch 1.13's, and differ at all in under 5% of values")
        void againstPyTorch113() {
            assertFewMismatches("normal64", 0.05);
        }

        @Test
        @DisplayName("stay within 4 ulps of those derived for PyTorch 2.x's scalar path, and differ in under 1%")
        void againstPyTorch2() {
            assertFewMismatches("derived2x", 0.01);
        }

        private static void assertFewMismatches(String area, double maxMismatchFraction) {
            int total = 0;
            int mismatched = 0;
            for (JsonNode testCase : casesOf(area)) {
                Generator generator = generatorFor(testCase);
                for (JsonNode step : testCase.get("steps")) {
                    Map<String, Encoded> actual = run(generator, step);
                    if (!isDoubleNormal(step)) {
                        continue;
                    }
                    List<String> expected = strings(step.get("outputs").get("out").get("values"));
                    String description = testCase.get("name").asText() + ", " + step.get("op").asText() + " " + step.get("n");
                    mismatched += assertWithinUlps(description, expected, actual.get("out").values());
                    total += expected.size();
                }
            }
            assertThat(total).isGreaterThan(1000);
            assertThat((double) mismatched / total).as("%d of %d values differ", mismatched, total)
                    .isLessThan(maxMismatchFraction);
        }
    }

    // ---- replay ------------------------------------------------------------------------------

    private static void replayExactly(JsonNode testCase) {
        Generator generator = generatorFor(testCase);
        int index = 0;
        for (JsonNode step : testCase.get("steps")) {
            Map<String, Encoded> actual = run(generator, step);
            JsonNode expected = step.get("outputs");
            for (Map.Entry<String, Encoded> output : actual.entrySet()) {
                String description = "step " + index + " (" + step + "), output " + output.getKey();
                List<String> expectedValues = strings(expected.get(output.getKey()).get("values"));
                if (isDoubleNormal(step)) {
                    assertWithinUlps(description, expectedValues, output.getValue().values());
                } else {
                    assertThat(output.getValue().values()).as(description).containsExactlyElementsOf(expectedValues);
                }
            }
            assertThat(actual.keySet()).as("outputs of step %d", index)
                    .containsAll(() -> expected.fieldNames());
            index++;
        }
    }

    /** float64 normals pass through log/sin/cos, where Java and glibc may differ in the last bit. */
    private static boolean isDoubleNormal(JsonNode step) {
        String op = step.get("op").asText();
        return step.path("dtype").asText().equals("float64")
                && (op.equals("randn") || op.equals("normal") || op.equals("state_roundtrip"));
    }

    private static int assertWithinUlps(String description, List<String> expected, List<String> actual) {
        assertThat(actual).as(description).hasSameSizeAs(expected);
        int mismatched = 0;
        for (int i = 0; i < expected.size(); i++) {
            long expectedBits = Long.parseUnsignedLong(expected.get(i), 16);
            long actualBits = Long.parseUnsignedLong(actual.get(i), 16);
            assertThat(Math.abs(expectedBits - actualBits)).as("%s, element %d", description, i)
                    .isLessThanOrEqualTo(DoubleNormals.MAX_ULPS);
            mismatched += expectedBits == actualBits ? 0 : 1;
        }
        return mismatched;
    }

    /** An output in the fixture's encoding: float32 bits as unsigned ints, float64 bits as hex, and so on. */
    private record Encoded(List<String> values) {

        static Encoded of(float[] values) {
            List<String> encoded = new ArrayList<>();
            for (float value : values) {
                encoded.add(Long.toString(Integer.toUnsignedLong(Float.floatToRawIntBits(value))));
            }
            return new Encoded(encoded);
        }

        static Encoded of(double[] values) {
            List<String> encoded = new ArrayList<>();
            for (double value : values) {
                encoded.add(String.format("%016x", Double.doubleToRawLongBits(value)));
            }
            return new Encoded(encoded);
        }

        static Encoded of(long... values) {
            List<String> encoded = new ArrayList<>();
            for (long value : values) {
                encoded.add(Long.toString(value));
            }
            return new Encoded(encoded);
        }

        static Encoded ofText(String value) {
            return new Encoded(List.of(value));
        }
    }

    private static Map<String, Encoded> run(Generator generator, JsonNode step) {
        String op = step.get("op").asText();
        String dtype = step.path("dtype").asText("float32");
        int n = step.path("n").asInt();
        Map<String, Encoded> out = new LinkedHashMap<>();
        switch (op) {
            case "rand" -> out.put("out", uniform(generator, dtype, n, 0, 1));
            case "uniform" -> out.put("out", uniform(generator, dtype, n, step.get("from").asDouble(), step.get("to").asDouble()));
            case "randn" -> out.put("out", normal(generator, dtype, n, 0, 1));
            case "normal" -> out.put("out", normal(generator, dtype, n, step.get("mean").asDouble(), step.get("std").asDouble()));
            case "rand_sha256" -> out.put("out", sha256(dtype, n, (f, d) -> {
                if (f != null) generator.uniform(f, 0, n, 0, 1); else generator.uniform(d, 0, n, 0, 1);
            }));
            case "randn_sha256" -> out.put("out", sha256(dtype, n, (f, d) -> {
                if (f != null) generator.normal(f, 0, n, 0, 1); else generator.normal(d, 0, n, 0, 1);
            }));
            case "randint" -> out.put("out", randint(generator, dtype, n, step.get("low").asLong(), step.get("high").asLong()));
            case "randperm" -> out.put("out", Encoded.of(generator.randperm(n)));
            case "randperm_inside_out" -> out.put("out", Encoded.of(generator.randpermInsideOut(n)));
            case "random_int64" -> out.put("out", Encoded.of(generator.randomInt64()));
            case "raw32" -> {
                Generator engine = new Generator().manualSeed(step.get("seed32").asLong());
                long[] raw = new long[n];
                for (int i = 0; i < n; i++) {
                    raw[i] = engine.nextRandom32();
                }
                out.put("out", Encoded.of(raw));
            }
            case "glibc_logf", "glibc_sinf", "glibc_cosf" -> out.put("out", glibcFloatMath(op, step.get("stride").asInt()));
            case "initial_seed" -> out.put("out", Encoded.ofText(Long.toUnsignedString(generator.initialSeed())));
            case "bernoulli_tensor" -> {
                JsonNode p = step.get("outputs").get("p").get("values");
                if (dtype.equals("float32")) {
                    float[] probabilities = new float[n];
                    for (int i = 0; i < n; i++) {
                        probabilities[i] = Float.intBitsToFloat((int) p.get(i).asLong());
                    }
                    float[] result = new float[n];
                    generator.bernoulli(result, 0, n, probabilities, 0);
                    out.put("p", Encoded.of(probabilities));
                    out.put("out", Encoded.of(result));
                } else {
                    double[] probabilities = new double[n];
                    for (int i = 0; i < n; i++) {
                        probabilities[i] = Double.longBitsToDouble(Long.parseUnsignedLong(p.get(i).asText(), 16));
                    }
                    double[] result = new double[n];
                    generator.bernoulli(result, 0, n, probabilities, 0);
                    out.put("p", Encoded.of(probabilities));
                    out.put("out", Encoded.of(result));
                }
            }
            case "bernoulli_scalar" -> {
                double p = step.get("p").asDouble();
                if (dtype.equals("float32")) {
                    float[] result = new float[n];
                    generator.bernoulli(result, 0, n, p);
                    out.put("out", Encoded.of(result));
                } else {
                    double[] result = new double[n];
                    generator.bernoulli(result, 0, n, p);
                    out.put("out", Encoded.of(result));
                }
            }
            case "dropout" -> out.put("out", Encoded.of(dropoutOfOnes(generator, n, step.get("p").asDouble())));
            case "linear" -> {
                int in = step.get("in").asInt();
                int outFeatures = step.get("out").asInt();
                float[] weight = new float[in * outFeatures];
                float[] bias = step.get("bias").asBoolean() ? new float[outFeatures] : null;
                Init.linear(generator, in, outFeatures, weight, bias);
                out.put("weight", Encoded.of(weight));
                if (bias != null) {
                    out.put("bias", Encoded.of(bias));
                }
            }
            case "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal" ->
                    out.put("out", Encoded.of(init(generator, op, step)));
            case "dataloader" -> {
                Generator loaderGenerator = step.has("loader_seed")
                        ? new Generator().manualSeed(step.get("loader_seed").asLong()) : null;
                for (int epoch = 0; epoch < step.get("epochs").asInt(); epoch++) {
                    DataLoaderEpoch drawn = DataLoaderEpoch.shuffled(generator, n, loaderGenerator);
                    out.put("base_seed_" + epoch, Encoded.of(drawn.baseSeed()));
                    out.put("order_" + epoch, Encoded.of(drawn.order()));
                }
            }
            case "dataloader_sequential" -> {
                for (int epoch = 0; epoch < step.get("epochs").asInt(); epoch++) {
                    out.put("base_seed_" + epoch, Encoded.of(DataLoaderEpoch.drawBaseSeed(generator, null)));
                }
            }
            case "random_sampler" -> {
                Generator samplerGenerator = step.has("sampler_seed")
                        ? new Generator().manualSeed(step.get("sampler_seed").asLong()) : null;
                Integer numSamples = step.has("num_samples") ? step.get("num_samples").asInt() : null;
                RandomSampler sampler = new RandomSampler(n, step.get("replacement").asBoolean(), numSamples, samplerGenerator);
                out.put("out", Encoded.of(sampler.iterate(generator)));
            }
            case "random_split" -> {
                JsonNode lengths = step.get("lengths");
                int[] sizes;
                if (lengths.get(0).isIntegralNumber()) {
                    sizes = StreamSupport.stream(lengths.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
                } else {
                    double[] fractions = StreamSupport.stream(lengths.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
                    sizes = RandomSplit.lengthsFromFractions(n, fractions);
                }
                long[][] parts = RandomSplit.split(generator, n, sizes);
                for (int i = 0; i < parts.length; i++) {
                    out.put("part_" + i, Encoded.of(parts[i]));
                }
            }
            case "get_state" -> out.put("out", Encoded.ofText(HEX.formatHex(generator.getState())));
            case "state_roundtrip" -> {
                byte[] saved = generator.getState();
                Encoded first = normal(generator, dtype, n, 0, 1);
                generator.setState(saved);
                out.put("first", first);
                out.put("second", normal(generator, dtype, n, 0, 1));
            }
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
        return out;
    }

    private static Encoded uniform(Generator generator, String dtype, int n, double from, double to) {
        if (dtype.equals("float32")) {
            float[] out = new float[n];
            generator.uniform(out, 0, n, from, to);
            return Encoded.of(out);
        }
        double[] out = new double[n];
        generator.uniform(out, 0, n, from, to);
        return Encoded.of(out);
    }

    private static Encoded normal(Generator generator, String dtype, int n, double mean, double std) {
        if (dtype.equals("float32")) {
            float[] out = new float[n];
            generator.normal(out, 0, n, mean, std);
            return Encoded.of(out);
        }
        double[] out = new double[n];
        generator.normal(out, 0, n, mean, std);
        return Encoded.of(out);
    }

    private static Encoded randint(Generator generator, String dtype, int n, long low, long high) {
        return switch (dtype) {
            case "int64" -> {
                long[] out = new long[n];
                generator.randint(out, 0, n, low, high);
                yield Encoded.of(out);
            }
            case "float32" -> {
                float[] out = new float[n];
                generator.randint(out, 0, n, low, high);
                yield Encoded.of(out);
            }
            default -> {
                double[] out = new double[n];
                generator.randint(out, 0, n, low, high);
                yield Encoded.of(out);
            }
        };
    }

    /** F.dropout(ones(n), p): no draws for p = 0 (input returned) or p = 1 (zeros), else the noise itself. */
    private static float[] dropoutOfOnes(Generator generator, int n, double p) {
        float[] out = new float[n];
        if (p == 0) {
            java.util.Arrays.fill(out, 1.0f);
        } else if (p < 1) {
            generator.dropoutNoise(out, 0, n, p);
        }
        return out;
    }

    private static float[] init(Generator generator, String op, JsonNode step) {
        long[] shape = StreamSupport.stream(step.get("shape").spliterator(), false).mapToLong(JsonNode::asLong).toArray();
        int numel = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] out = new float[numel];
        switch (op) {
            case "xavier_uniform" -> {
                double bound = Init.xavierUniformBound(shape, step.get("gain").asDouble());
                generator.uniform(out, 0, numel, -bound, bound);
            }
            case "xavier_normal" -> generator.normal(out, 0, numel, 0, Init.xavierNormalStd(shape, step.get("gain").asDouble()));
            case "kaiming_uniform" -> {
                double bound = Init.kaimingUniformBound(shape, step.get("a").asDouble(), step.get("mode").asText(),
                        step.get("nonlinearity").asText());
                generator.uniform(out, 0, numel, -bound, bound);
            }
            default -> generator.normal(out, 0, numel, 0, Init.kaimingNormalStd(shape, step.get("a").asDouble(),
                    step.get("mode").asText(), step.get("nonlinearity").asText()));
        }
        return out;
    }

    /** glibc's float routines on every stride-th input the normal block can pass them, hashed like the fixture. */
    private static Encoded glibcFloatMath(String op, int stride) {
        int count = (1 << 24) / stride;
        return sha256("float32", count, (values, unused) -> {
            for (int i = 0; i < count; i++) {
                float unit = i * stride * 0x1p-24f;
                float theta = (float) (2.0 * Math.PI * unit);
                values[i] = switch (op) {
                    case "glibc_logf" -> GlibcFloatMath.logf(1.0f - unit);
                    case "glibc_sinf" -> GlibcFloatMath.sinf(theta);
                    default -> GlibcFloatMath.cosf(theta);
                };
            }
        });
    }

    private interface Fill {
        void into(float[] floats, double[] doubles);
    }

    /** The SHA-256 of the little-endian bytes numpy's tobytes() gives for the drawn tensor. */
    private static Encoded sha256(String dtype, int n, Fill fill) {
        ByteBuffer bytes;
        if (dtype.equals("float32")) {
            float[] values = new float[n];
            fill.into(values, null);
            bytes = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
        } else {
            double[] values = new double[n];
            fill.into(null, values);
            bytes = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asDoubleBuffer().put(values);
        }
        try {
            return Encoded.ofText(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- fixtures ----------------------------------------------------------------------------

    private static Stream<Arguments> cases(String area) {
        return casesOf(area).stream().map(testCase -> Arguments.of(testCase.get("name").asText(), testCase));
    }

    /** The fixture's cases, each told the CPU capability PyTorch ran with when recording it. */
    private static List<JsonNode> casesOf(String area) {
        JsonNode fixture = fixture(area);
        List<JsonNode> cases = new ArrayList<>();
        for (JsonNode testCase : fixture.get("cases")) {
            cases.add(((ObjectNode) testCase).put("cpu_capability", fixture.get("cpu_capability").asText()));
        }
        return cases;
    }

    /** A fresh generator seeded as the case says, drawing as the recording CPU's kernels did. */
    private static Generator generatorFor(JsonNode testCase) {
        CpuCapability capability = switch (testCase.get("cpu_capability").asText()) {
            case "AVX2" -> CpuCapability.AVX2;
            case "AVX512" -> CpuCapability.AVX512;
            case "NO AVX" -> CpuCapability.DEFAULT;
            default -> throw new IllegalArgumentException("unknown capability " + testCase.get("cpu_capability"));
        };
        return new Generator().manualSeed(testCase.get("seed").asLong()).cpuCapability(capability);
    }

    private static JsonNode fixture(String area) {
        String path = "/golden/rng/" + area + ".json";
        try (InputStream in = RngGoldenTest.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(value -> out.add(value.asText()));
        return out;
    }
}
