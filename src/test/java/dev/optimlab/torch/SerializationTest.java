package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.torch.amp.GradScaler;
import dev.optimlab.torch.catalogue.ReferenceData;
import dev.optimlab.torch.nn.CrossEntropyLoss;
import dev.optimlab.torch.nn.Module;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.Optimizers;
import dev.optimlab.torch.optim.lr_scheduler.LRScheduler;
import dev.optimlab.torch.optim.lr_scheduler.LRSchedulers;
import dev.optimlab.torch.utils.data.DataLoader;
import dev.optimlab.torch.utils.data.TensorDataset;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Checkpoints (torch.save / torch.load)")
class SerializationTest {

    private static Object roundTrip(Object value) {
        return Serialization.fromBytes(Serialization.toBytes(value));
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {

        @Test
        @SuppressWarnings("unchecked")
        @DisplayName("keeps nested dicts in order with string and int keys, lists, tuples and Python scalars")
        void nested() {
            Map<Object, Object> inner = new LinkedHashMap<>();
            inner.put(3, "three");
            inner.put(1, List.of(1.5, -0.0, Double.NaN));
            Map<Object, Object> outer = new LinkedHashMap<>();
            outer.put("z", inner);
            outer.put("a", Serialization.Tuple.of(true, false, null));
            outer.put("epoch", 7);
            outer.put("loss", 0.125f);
            outer.put("name", "Grüße");
            outer.put("rng", new byte[] {1, -2, 3});
            Map<?, ?> loaded = (Map<?, ?>) roundTrip(outer);
            assertThat(List.<Object>copyOf(loaded.keySet())).containsExactly("z", "a", "epoch", "loss", "name", "rng");
            Map<?, ?> loadedInner = (Map<?, ?>) loaded.get("z");
            assertThat(List.<Object>copyOf(loadedInner.keySet())).containsExactly(3L, 1L);
            assertThat(loadedInner.get(3L)).isEqualTo("three");
            assertThat((List<Object>) loadedInner.get(1L)).containsExactly(1.5, -0.0, Double.NaN);
            assertThat(loaded.get("a")).isEqualTo(Serialization.Tuple.of(true, false, null));
            assertThat(loaded.get("epoch")).isEqualTo(7L);
            assertThat(loaded.get("loss")).isEqualTo(0.125);
            assertThat(loaded.get("name")).isEqualTo("Grüße");
            assertThat((byte[]) loaded.get("rng")).containsExactly(1, -2, 3);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"float16", "float32", "float64", "int64", "bool"})
        @DisplayName("keeps every dtype's values, shape and strides exactly")
        void dtypes(String name) {
            Tensor source = Torch.tensor(List.of(List.of(1.0, -2.5, 65504.0), List.of(0.0, 3.0, -1.0)));
            Tensor tensor = switch (name) {
                case "float16" -> source.toHalf();
                case "float32" -> source;
                case "float64" -> source.toDouble().add(1e-300);
                case "int64" -> source.toLong().mul(1L << 40);
                default -> source.ne(0.0);
            };
            Tensor transposed = tensor.t();
            Tensor loaded = (Tensor) roundTrip(transposed);
            assertThat(loaded.dtype()).isEqualTo(transposed.dtype());
            assertThat(loaded.shape()).containsExactly(transposed.shape());
            assertThat(loaded.stride()).containsExactly(transposed.stride());
            assertThat(loaded.toDoubleArray()).containsExactly(transposed.toDoubleArray());
        }

        @Test
        @DisplayName("keeps requires_grad on leaves and drops the graph of results")
        void requiresGrad() {
            Tensor leaf = Torch.ones(2).requiresGrad_();
            Tensor result = leaf.mul(2.0);
            List<?> loaded = (List<?>) roundTrip(List.of(leaf, result, Torch.zeros(1)));
            assertThat(((Tensor) loaded.get(0)).requiresGrad()).isTrue();
            assertThat(((Tensor) loaded.get(1)).requiresGrad()).isTrue();
            assertThat(((Tensor) loaded.get(1)).isLeaf()).isTrue();
            assertThat(((Tensor) loaded.get(2)).requiresGrad()).isFalse();
        }

        @Test
        @DisplayName("brings back views of one storage sharing a new storage, and one tensor saved twice as one object")
        void sharing() {
            Tensor base = Torch.arange(6.0).reshape(2, 3);
            Tensor row = base.select(0, 1);
            List<?> loaded = (List<?>) roundTrip(List.of(base, row, base, Torch.arange(2.0)));
            Tensor loadedBase = (Tensor) loaded.get(0);
            Tensor loadedRow = (Tensor) loaded.get(1);
            assertThat(loaded.get(2)).isSameAs(loadedBase);
            assertThat(loadedRow.sharesStorageWith(loadedBase)).isTrue();
            assertThat(loadedRow.sharesStorageWith(base)).isFalse();
            assertThat(((Tensor) loaded.get(3)).sharesStorageWith(loadedBase)).isFalse();
            loadedBase.indexPut_(new Index[] {Index.at(1), Index.at(0)}, 40.0);
            assertThat(loadedRow.toDoubleArray()).containsExactly(40.0, 4.0, 5.0);
        }
    }

    @Nested
    @DisplayName("refusals")
    class Refusals {

        private final byte[] file = Serialization.toBytes(Map.of("w", Torch.ones(4)));

        @Test
        @DisplayName("calls a foreign file not an OptimLab checkpoint")
        void foreign() {
            assertThatThrownBy(() -> Serialization.fromBytes("PK\u0003\u0004 a zip from torch.save".getBytes()))
                    .hasMessage("not an OptimLab checkpoint");
            assertThatThrownBy(() -> Serialization.fromBytes(new byte[0])).hasMessage("not an OptimLab checkpoint");
        }

        @Test
        @DisplayName("says how many bytes a truncated file lacks")
        void truncated() {
            assertThatThrownBy(() -> Serialization.fromBytes(Arrays.copyOf(file, file.length - 5)))
                    .hasMessage("the file is truncated (expected 5 more bytes)");
            assertThatThrownBy(() -> Serialization.fromBytes(Arrays.copyOf(file, 12)))
                    .hasMessage("the file is truncated (expected 9 more bytes)");
        }

        @Test
        @DisplayName("notices a flipped byte")
        void corrupted() {
            byte[] damaged = file.clone();
            damaged[damaged.length - 3] ^= 0x10;
            assertThatThrownBy(() -> Serialization.fromBytes(damaged))
                    .hasMessage("the checkpoint is corrupted (checksum mismatch)");
        }

        @Test
        @DisplayName("refuses a newer format version")
        void newer() {
            byte[] newer = file.clone();
            newer[8] = 2;
            assertThatThrownBy(() -> Serialization.fromBytes(newer))
                    .hasMessage("checkpoint format version 2 is not supported (this OptimLab reads versions 1 to 1)");
        }

        @Test
        @DisplayName("refuses objects a checkpoint cannot hold")
        void unsavable() {
            assertThatThrownBy(() -> Serialization.toBytes(List.of(new Object())))
                    .hasMessage("cannot save an object of type Object in a checkpoint");
        }
    }

    @Nested
    @DisplayName("storages")
    class Storages {

        @TempDir
        Path folder;

        @Test
        @DisplayName("a folder keeps files under relative names, subfolders included")
        void folder() throws IOException {
            CheckpointStorage storage = new FolderCheckpointStorage(folder);
            Serialization.save(List.of(1, 2), storage, "runs/a.pt");
            assertThat(storage.exists("runs/a.pt")).isTrue();
            assertThat(Serialization.load(storage, "runs/a.pt")).isEqualTo(List.of(1L, 2L));
            assertThat(folder.resolve("runs/a.pt")).exists();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"/etc/passwd", "../escape.pt", "runs/../../escape.pt", ""})
        @DisplayName("a folder refuses absolute names and names that climb out")
        void escapes(String name) {
            CheckpointStorage storage = new FolderCheckpointStorage(folder);
            assertThatThrownBy(() -> storage.write(name, new byte[1])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.read(name)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("a folder refuses a link that points outside it")
        void link(@TempDir Path outside) throws IOException {
            java.nio.file.Files.createSymbolicLink(folder.resolve("escape"), outside);
            CheckpointStorage storage = new FolderCheckpointStorage(folder);
            assertThatThrownBy(() -> storage.write("escape/a.pt", new byte[1]))
                    .hasMessage("checkpoint name 'escape/a.pt' leaves the checkpoint folder");
            assertThat(outside.resolve("a.pt")).doesNotExist();
        }

        @Test
        @DisplayName("memory keeps copies and reports missing files")
        void memory() throws IOException {
            CheckpointStorage storage = new InMemoryCheckpointStorage();
            byte[] bytes = {1, 2};
            storage.write("a", bytes);
            bytes[0] = 9;
            assertThat(storage.read("a")).containsExactly(1, 2);
            assertThatThrownBy(() -> storage.read("b")).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Nested
    @DisplayName("resuming training")
    class Resume {

        private static final int EPOCHS = 6;
        private static final int SAVED_AFTER = 3;

        /** A linear model's parameters, a seeded loader and an optimizer with a StepLR schedule. */
        private final class Run {
            final Tensor weight;
            final Tensor bias;
            final DataLoader loader;
            final Optimizer optimizer;
            final LRScheduler scheduler;

            Run(String optimizerName, Map<String, Object> kwargs) {
                Torch.manualSeed(17);
                Tensor x = Torch.randn(10, 3);
                Tensor y = x.matmul(Torch.tensor(List.of(1.5, -2.0, 0.5)).reshape(3, 1)).add(0.3);
                loader = new DataLoader(new TensorDataset(x, y), 4, true);
                weight = Torch.randn(3, 1).requiresGrad_();
                bias = Torch.zeros(1).requiresGrad_();
                optimizer = Optimizers.create(optimizerName, List.of(weight, bias), kwargs);
                scheduler = LRSchedulers.create("StepLR", optimizer, Map.of("step_size", 2, "gamma", 0.5));
            }

            void epoch() {
                for (Object batch : loader) {
                    List<?> xy = (List<?>) batch;
                    optimizer.zeroGrad();
                    Tensor prediction = ((Tensor) xy.get(0)).matmul(weight).add(bias);
                    prediction.sub((Tensor) xy.get(1)).pow(2L).mean().backward();
                    optimizer.step();
                }
                scheduler.step();
            }

            Map<String, Object> checkpoint(int epoch) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("weight", weight);
                model.put("bias", bias);
                Map<String, Object> checkpoint = new LinkedHashMap<>();
                checkpoint.put("model", model);
                checkpoint.put("optimizer", optimizer.stateDict());
                checkpoint.put("scheduler", scheduler.stateDict());
                checkpoint.put("epoch", epoch);
                checkpoint.put("rng_state", ComputeContext.current().generator().getState());
                return checkpoint;
            }

            @SuppressWarnings("unchecked")
            void restore(Map<?, ?> checkpoint) {
                Map<?, ?> model = (Map<?, ?>) checkpoint.get("model");
                try (var ignored = Torch.noGrad()) {
                    weight.copy_((Tensor) model.get("weight"));
                    bias.copy_((Tensor) model.get("bias"));
                }
                optimizer.loadStateDict((Map<String, Object>) checkpoint.get("optimizer"));
                scheduler.loadStateDict((Map<String, Object>) checkpoint.get("scheduler"));
                ComputeContext.current().generator().setState((byte[]) checkpoint.get("rng_state"));
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"SGD", "Adam"})
        @DisplayName("continues bit for bit like an uninterrupted run, seeded DataLoader included")
        void exact(String optimizerName) throws IOException {
            Map<String, Object> kwargs = optimizerName.equals("SGD")
                    ? Map.of("lr", 0.05, "momentum", 0.9) : Map.of("lr", 0.05);
            Run uninterrupted = new Run(optimizerName, kwargs);
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                uninterrupted.epoch();
            }

            Run first = new Run(optimizerName, kwargs);
            for (int epoch = 0; epoch < SAVED_AFTER; epoch++) {
                first.epoch();
            }
            CheckpointStorage storage = new InMemoryCheckpointStorage();
            Serialization.save(first.checkpoint(SAVED_AFTER), storage, "checkpoint.pt");

            Run resumed = new Run(optimizerName, kwargs);
            Torch.manualSeed(12345);
            Map<?, ?> checkpoint = (Map<?, ?>) Serialization.load(storage, "checkpoint.pt");
            resumed.restore(checkpoint);
            for (long epoch = (Long) checkpoint.get("epoch"); epoch < EPOCHS; epoch++) {
                resumed.epoch();
            }

            assertThat(resumed.weight.toDoubleArray()).containsExactly(uninterrupted.weight.toDoubleArray());
            assertThat(resumed.bias.toDoubleArray()).containsExactly(uninterrupted.bias.toDoubleArray());
            assertThat(resumed.scheduler.getLastLr()).isEqualTo(uninterrupted.scheduler.getLastLr());
            assertThat(resumed.weight.toDoubleArray()).isNotEqualTo(first.weight.toDoubleArray());
        }
        @Test
        @DisplayName("continues a module with Adam, a GradScaler and a seeded loader over blobs bit for bit")
        void moduleWithScaler() throws IOException {
            float[] uninterrupted = flatten(trainBlobs(null, 4));
            CheckpointStorage storage = new InMemoryCheckpointStorage();
            trainBlobs(storage, 2);
            Torch.manualSeed(999);
            float[] resumed = flatten(trainBlobs(storage, -1));
            assertThat(resumed).containsExactly(uninterrupted);
        }

        private float[] flatten(Module model) {
            List<Float> values = new java.util.ArrayList<>();
            for (Tensor param : model.parameters()) {
                for (double value : param.toDoubleArray()) {
                    values.add((float) value);
                }
            }
            float[] flat = new float[values.size()];
            for (int i = 0; i < flat.length; i++) {
                flat[i] = values.get(i);
            }
            return flat;
        }

        /**
         * Trains the blobs model for 4 epochs; with a storage and a positive stop, saves after that many
         * epochs and stops; with a negative stop, loads from the storage and finishes the 4 epochs.
         */
        @SuppressWarnings("unchecked")
        private Module trainBlobs(CheckpointStorage storage, int stop) throws IOException {
            Torch.manualSeed(21);
            TensorDataset data = ReferenceData.dataset("blobs", new Generator().manualSeed(4));
            Module model = ReferenceData.model("blobs");
            Optimizer optimizer = Optimizers.create("Adam", model.parameters(), Map.of("lr", 0.01));
            GradScaler scaler = new GradScaler(1024.0, 2.0, 0.5, 3, true);
            CrossEntropyLoss criterion = new CrossEntropyLoss();
            DataLoader loader = new DataLoader(data, 32, true);
            int first = 0;
            if (stop < 0) {
                Map<?, ?> checkpoint = (Map<?, ?>) Serialization.load(storage, "blobs.pt");
                model.loadStateDict((Map<String, Tensor>) checkpoint.get("model"));
                optimizer.loadStateDict((Map<String, Object>) checkpoint.get("optimizer"));
                scaler.loadStateDict((Map<String, Object>) checkpoint.get("scaler"));
                ComputeContext.current().generator().setState((byte[]) checkpoint.get("rng_state"));
                first = ((Long) checkpoint.get("epoch")).intValue();
            }
            for (int epoch = first; epoch < 4; epoch++) {
                if (epoch == stop) {
                    Map<String, Object> checkpoint = new LinkedHashMap<>();
                    checkpoint.put("model", model.stateDict());
                    checkpoint.put("optimizer", optimizer.stateDict());
                    checkpoint.put("scaler", scaler.stateDict());
                    checkpoint.put("epoch", epoch);
                    checkpoint.put("rng_state", ComputeContext.current().generator().getState());
                    Serialization.save(checkpoint, storage, "blobs.pt");
                    return model;
                }
                for (Object batch : loader) {
                    List<?> xy = (List<?>) batch;
                    optimizer.zeroGrad();
                    Tensor loss = criterion.call(model.call((Tensor) xy.get(0)), (Tensor) xy.get(1));
                    scaler.scale(loss).backward();
                    scaler.step(optimizer);
                    scaler.update();
                }
            }
            return model;
        }
    }
}
