package dev.optimlab.torch.utils.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Generator;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays tools/golden/gen_data.py (PyTorch 1.13): seeded DataLoader epochs, collation, len and random_split. */
@DisplayName("torch.utils.data against PyTorch")
class DataLoaderGoldenTest {

    private static final JsonNode GOLDEN = read();

    private static JsonNode read() {
        try (InputStream in = DataLoaderGoldenTest.class.getResourceAsStream("/golden/data/dataloader.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> loaders() {
        return StreamSupport.stream(GOLDEN.get("loaders").spliterator(), false);
    }

    static Stream<JsonNode> lengths() {
        return StreamSupport.stream(GOLDEN.get("lengths").spliterator(), false);
    }

    static Stream<JsonNode> splits() {
        return StreamSupport.stream(GOLDEN.get("splits").spliterator(), false);
    }

    /** The generator's dataset: x = arange(20).reshape(10, 2) as float32, y = arange(10). */
    private static TensorDataset dataset() {
        return new TensorDataset(Torch.arange(20L).toFloat().reshape(10, 2), Torch.arange(10L));
    }

    /** Python's {@code range(size)} as a dataset of ints. */
    private static Dataset range(int size) {
        return list(new ArrayList<>(java.util.stream.LongStream.range(0, size).boxed().toList()));
    }

    private static Dataset list(List<?> samples) {
        return new Dataset() {
            @Override
            public Object get(int index) {
                return samples.get(index);
            }

            @Override
            public int size() {
                return samples.size();
            }
        };
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).isBoolean() ? (array.get(i).asBoolean() ? 1 : 0) : array.get(i).asDouble();
        }
        return values;
    }

    private static void assertTensor(Object actual, JsonNode expected) {
        Tensor tensor = (Tensor) actual;
        assertThat(tensor.dtype().pythonName()).isEqualTo("torch." + expected.get("dtype").asText());
        if (expected.has("shape")) {
            assertThat(tensor.shape()).containsExactly(
                    StreamSupport.stream(expected.get("shape").spliterator(), false).mapToInt(JsonNode::asInt).toArray());
        }
        double[] values = tensor.dtype() == DType.BOOL
                ? tensor.toLongArray().length == 0 ? new double[0] : java.util.Arrays.stream(tensor.toLongArray()).asDoubleStream().toArray()
                : tensor.toDoubleArray();
        assertThat(values).containsExactly(doubles(expected.get("values")));
    }

    private static void assertRand(Generator generator, JsonNode expected) {
        float[] drawn = new float[expected.size()];
        generator.uniform(drawn, 0, drawn.length, 0, 1);
        for (int i = 0; i < drawn.length; i++) {
            assertThat((double) drawn[i]).isEqualTo(expected.get(i).asDouble());
        }
    }

    @ParameterizedTest(name = "batch_size={0}")
    @MethodSource("loaders")
    @DisplayName("yields PyTorch's batches for three epochs and leaves the generators where PyTorch leaves them")
    void epochs(JsonNode golden) {
        Torch.manualSeed(golden.get("seed").asLong());
        Generator loaderGenerator = golden.get("loader_seed").isNull() ? null
                : new Generator().manualSeed(golden.get("loader_seed").asLong());
        DataLoader loader = new DataLoader(dataset(), golden.get("batch_size").asInt(),
                golden.get("shuffle").asBoolean(), golden.get("drop_last").asBoolean(), loaderGenerator, null);
        assertThat(loader.size()).isEqualTo(golden.get("len").asInt());
        for (JsonNode epoch : golden.get("epochs")) {
            List<Object> batches = new ArrayList<>();
            loader.forEach(batches::add);
            assertThat(batches).hasSize(epoch.size());
            for (int b = 0; b < batches.size(); b++) {
                List<?> columns = (List<?>) batches.get(b);
                assertTensor(columns.get(0), epoch.get(b).get(0));
                assertTensor(columns.get(1), epoch.get(b).get(1));
            }
        }
        assertRand(dev.optimlab.torch.ComputeContext.current().generator(), golden.get("rand_after"));
        if (loaderGenerator != null) {
            assertRand(loaderGenerator, golden.get("loader_rand_after"));
        }
    }

    @Test
    @DisplayName("draws the base seed at iter() and the sampler's seed at the first next()")
    void drawBetweenIterAndNext() {
        JsonNode golden = GOLDEN.get("interleaved");
        Torch.manualSeed(golden.get("seed").asLong());
        Iterator<Object> iterator = new DataLoader(dataset(), golden.get("batch_size").asInt(), true).iterator();
        assertThat(Torch.rand(2).toDoubleArray()).containsExactly(doubles(golden.get("between")));
        List<?> first = (List<?>) iterator.next();
        assertThat(((Tensor) first.get(0)).toDoubleArray()).containsExactly(doubles(golden.get("first_batch").get(0)));
        assertThat(((Tensor) first.get(1)).toDoubleArray()).containsExactly(doubles(golden.get("first_batch").get(1)));
        assertThat(Torch.rand(3).toDoubleArray()).containsExactly(doubles(golden.get("rand_after")));
    }

    @Nested
    @DisplayName("default_collate")
    class Collate {

        @Test
        @DisplayName("turns Python floats, ints and bools into float64, int64 and bool tensors, position by position")
        void tuples() {
            List<Object> samples = List.of(List.of(1.5, 2L, true), List.of(2.5, 3L, false), List.of(-0.25, 4L, true));
            List<?> batch = (List<?>) new DataLoader(list(samples), 3, false).iterator().next();
            JsonNode golden = GOLDEN.get("collate").get("tuples");
            for (int i = 0; i < 3; i++) {
                assertTensor(batch.get(i), golden.get(i));
            }
        }

        @Test
        @DisplayName("treats Java ints of every width as Python ints and floats as Python floats")
        void javaNumbers() {
            List<Object> samples = List.of(List.of(1, 2.5f), List.of(2, -1.0f));
            List<?> batch = (List<?>) new DataLoader(list(samples), 2, false).iterator().next();
            JsonNode golden = GOLDEN.get("collate").get("tuples");
            assertThat(((Tensor) batch.get(0)).dtype().pythonName()).isEqualTo("torch." + golden.get(1).get("dtype").asText());
            assertThat(((Tensor) batch.get(0)).toLongArray()).containsExactly(1, 2);
            assertThat(((Tensor) batch.get(1)).dtype().pythonName()).isEqualTo("torch." + golden.get(0).get("dtype").asText());
            assertThat(((Tensor) batch.get(1)).toDoubleArray()).containsExactly(2.5, -1.0);
        }

        @Test
        @DisplayName("collates dicts key by key, in the keys' order")
        void dicts() {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("a", 1L);
            a.put("b", 0.5);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("a", 2L);
            b.put("b", 1.5);
            Map<?, ?> batch = (Map<?, ?>) new DataLoader(list(List.of(a, b)), 2, false).iterator().next();
            JsonNode golden = GOLDEN.get("collate").get("dict");
            assertThat(new ArrayList<Object>(batch.keySet())).containsExactly("a", "b");
            assertTensor(batch.get("a"), golden.get("a"));
            assertTensor(batch.get("b"), golden.get("b"));
        }
    }

    @ParameterizedTest(name = "len(DataLoader(range({0})))")
    @MethodSource("lengths")
    @DisplayName("counts batches as len(loader) does, with and without drop_last")
    void length(JsonNode golden) {
        DataLoader loader = new DataLoader(range(golden.get("size").asInt()), golden.get("batch_size").asInt(),
                false, golden.get("drop_last").asBoolean(), null, null);
        assertThat(loader.size()).isEqualTo(golden.get("len").asInt());
        int counted = 0;
        for (Object batch : loader) {
            counted++;
        }
        assertThat(counted).isEqualTo(loader.size());
    }

    @ParameterizedTest(name = "random_split(range({0}))")
    @MethodSource("splits")
    @DisplayName("splits by lengths or fractions into PyTorch's subsets")
    void split(JsonNode golden) {
        List<Number> lengths = new ArrayList<>();
        golden.get("lengths").forEach(n -> lengths.add(n.isIntegralNumber() ? (Number) n.asLong() : n.asDouble()));
        List<Subset> subsets = RandomSplit.randomSplit(range(golden.get("size").asInt()), lengths,
                new Generator().manualSeed(golden.get("seed").asLong()));
        assertThat(subsets).hasSize(golden.get("indices").size());
        for (int i = 0; i < subsets.size(); i++) {
            double[] values = new double[subsets.get(i).size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = ((Long) subsets.get(i).get(j)).doubleValue();
            }
            assertThat(values).containsExactly(doubles(golden.get("indices").get(i)));
        }
    }

    @Test
    @DisplayName("random_split without a generator draws from the default one")
    void splitOnDefaultGenerator() {
        JsonNode golden = GOLDEN.get("default_split");
        Torch.manualSeed(golden.get("seed").asLong());
        List<Subset> subsets = RandomSplit.randomSplit(range(8), List.of(5, 3), null);
        assertThat(subsets.get(0).indices()).containsExactly(
                StreamSupport.stream(golden.get("indices").get(0).spliterator(), false).mapToLong(JsonNode::asLong).toArray());
        assertThat(subsets.get(1).indices()).containsExactly(
                StreamSupport.stream(golden.get("indices").get(1).spliterator(), false).mapToLong(JsonNode::asLong).toArray());
        assertThat(Torch.rand(2).toDoubleArray()).containsExactly(doubles(golden.get("rand_after")));
    }

    @Nested
    @DisplayName("errors")
    class Errors {

        @Test
        @DisplayName("TensorDataset refuses tensors of different lengths with PyTorch's message")
        void tensorDataset() {
            assertThatThrownBy(() -> new TensorDataset(Torch.zeros(3), Torch.zeros(4)))
                    .hasMessage(GOLDEN.get("errors").get("tensor_dataset").asText());
        }

        @Test
        @DisplayName("random_split refuses lengths that do not add up")
        void randomSplit() {
            assertThatThrownBy(() -> RandomSplit.randomSplit(range(5), List.of(3, 3), null))
                    .hasMessage(GOLDEN.get("errors").get("random_split").asText());
        }

        @Test
        @DisplayName("DataLoader refuses a batch size of zero")
        void batchSize() {
            assertThatThrownBy(() -> new DataLoader(range(5), 0, false))
                    .hasMessage(GOLDEN.get("errors").get("batch_size").asText());
        }
    }
}
