package dev.optimlab.torch.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.torch.Generator;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.nn.Module;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.Optimizers;
import dev.optimlab.torch.utils.data.TensorDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays tools/golden/gen_catalogue.py (PyTorch 1.13). */
@DisplayName("The reference catalogue against PyTorch")
class CatalogueGoldenTest {

    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;
    private static final JsonNode GOLDEN = read();

    private static JsonNode read() {
        try (InputStream in = CatalogueGoldenTest.class.getResourceAsStream("/golden/catalogue/catalogue.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] doubles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(ATOL + RTOL * Math.abs(expected[i])));
        }
    }

    static Stream<String> deterministicSurfaces() {
        return Stream.of("bowl", "valley", "rosenbrock", "saddle");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deterministicSurfaces")
    @DisplayName("gives PyTorch's values and autograd gradients at eight points")
    void surface(String id) {
        Surface surface = Surface.of(id, null);
        for (JsonNode golden : GOLDEN.get("surfaces").get(id)) {
            Tensor point = Torch.fromArray(new float[] {(float) golden.get("point").get(0).asDouble(),
                    (float) golden.get("point").get(1).asDouble()}, 2).requiresGrad_();
            Tensor value = surface.value(point);
            value.backward();
            assertClose(new double[] {value.itemDouble()}, new double[] {golden.get("value").asDouble()});
            assertClose(point.grad().toDoubleArray(), doubles(golden.get("grad")));
        }
    }

    @Test
    @DisplayName("noisy-bowl draws a fresh torch.randn(2) from its generator at every evaluation")
    void noisyBowl() {
        Surface surface = Surface.of("noisy-bowl", new Generator().manualSeed(3));
        for (JsonNode golden : GOLDEN.get("surfaces").get("noisy-bowl")) {
            Tensor point = Torch.fromArray(new float[] {(float) golden.get("point").get(0).asDouble(),
                    (float) golden.get("point").get(1).asDouble()}, 2).requiresGrad_();
            Tensor value = surface.value(point);
            value.backward();
            assertClose(new double[] {value.itemDouble()}, new double[] {golden.get("value").asDouble()});
            assertClose(point.grad().toDoubleArray(), doubles(golden.get("grad")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bowl", "valley", "rosenbrock", "saddle", "noisy-bowl"})
    @DisplayName("has a zero gradient at its documented minimum (or saddle point) and a non-zero one at its start")
    void minimumAndStart(String id) {
        Surface surface = Surface.of(id, new Generator().manualSeed(0));
        double[] stationary = surface.minimum() == null ? new double[] {0, 0} : surface.minimum();
        Tensor atMinimum = Torch.fromArray(new float[] {(float) stationary[0], (float) stationary[1]}, 2).requiresGrad_();
        if (!id.equals("noisy-bowl")) {
            surface.value(atMinimum).backward();
            assertThat(atMinimum.grad().abs().sum().itemDouble()).isZero();
        }
        Tensor start = Surface.startingPoint(surface);
        surface.value(start).backward();
        assertThat(start.grad().abs().sum().itemDouble()).isPositive();
    }

    @Test
    @DisplayName("lets any optimizer walk a surface: Adam gets close to the bowl's minimum")
    void optimizerWalk() {
        Surface surface = Surface.of("bowl", null);
        Tensor point = Surface.startingPoint(surface);
        Optimizer adam = Optimizers.create("Adam", List.of(point), Map.of("lr", 0.1));
        for (int step = 0; step < 300; step++) {
            adam.zeroGrad();
            surface.value(point).backward();
            adam.step();
        }
        assertThat(point.abs().max().itemDouble()).isLessThan(0.05);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linear-regression", "blobs", "spiral"})
    @DisplayName("generates PyTorch's data from a seeded generator and leaves it where PyTorch does")
    void dataset(String id) {
        JsonNode golden = GOLDEN.get("datasets").get(id);
        Generator generator = new Generator().manualSeed(golden.get("seed").asLong());
        int size = golden.get("size").asInt();
        TensorDataset dataset = switch (id) {
            case "linear-regression" -> ReferenceData.linearRegression(size, generator);
            case "blobs" -> ReferenceData.blobs(size, generator);
            default -> ReferenceData.spiral(size, generator);
        };
        Tensor x = dataset.tensors().get(0);
        Tensor y = dataset.tensors().get(1);
        assertThat(x.shape()).containsExactly(StreamSupport.stream(golden.get("x_shape").spliterator(), false)
                .mapToInt(JsonNode::asInt).toArray());
        assertClose(x.toDoubleArray(), doubles(golden.get("x")));
        assertThat(y.dtype().pythonName()).isEqualTo("torch." + golden.get("y_dtype").asText());
        assertClose(y.toDoubleArray(), doubles(golden.get("y")));
        float[] after = new float[2];
        generator.uniform(after, 0, 2, 0, 1);
        assertThat(new double[] {after[0], after[1]}).containsExactly(doubles(golden.get("rand_after")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linear-regression", "blobs", "spiral"})
    @DisplayName("builds the default model with PyTorch's initial parameters for the same seed")
    void model(String id) {
        JsonNode golden = GOLDEN.get("models").get(id);
        Torch.manualSeed(golden.get("seed").asLong());
        Module model = ReferenceData.model(id);
        Map<String, Tensor> parameters = model.namedParameters();
        assertThat(List.copyOf(parameters.keySet())).containsExactlyElementsOf(() -> golden.get("parameters").fieldNames());
        golden.get("parameters").fields().forEachRemaining(entry ->
                assertClose(parameters.get(entry.getKey()).toDoubleArray(), doubles(entry.getValue())));
    }

    @Test
    @DisplayName("builds datasets and models by catalogue id and refuses unknown ids")
    void byId() {
        assertThat(ReferenceData.dataset("blobs", new Generator().manualSeed(0)).size()).isEqualTo(150);
        assertThat(ReferenceData.dataset("linear-regression", new Generator().manualSeed(0)).size()).isEqualTo(64);
        assertThatThrownBy(() -> ReferenceData.model("mnist")).hasMessageContaining("unknown model 'mnist'");
        assertThatThrownBy(() -> Surface.of("himmelblau", null)).hasMessageContaining("unknown surface 'himmelblau'");
    }
}
