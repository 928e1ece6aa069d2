package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyIterator;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.Index;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.utils.data.DataLoaderEpoch;
import dev.optimlab.torch.utils.data.RandomSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.utils.data} (TensorDataset, DataLoader, Subset, random_split) and
 * {@code torch.utils.tensorboard.SummaryWriter}, drawing from the run's generator in PyTorch's order.
 */
final class DataModule {
    static final PyType TENSOR_DATASET = PyType.hostClass("TensorDataset", null, "torch.utils.data.dataset");
    static final PyType SUBSET = PyType.hostClass("Subset", null, "torch.utils.data.dataset");
    static final PyType DATA_LOADER = PyType.hostClass("DataLoader", null, "torch.utils.data.dataloader");
    static final PyType SUMMARY_WRITER = PyType.hostClass("SummaryWriter", null, "torch.utils.tensorboard.writer");

    private DataModule() {
    }

    static PyModule utils() {
        PyModule utils = new PyModule("torch.utils");
        PyModule data = new PyModule("torch.utils.data");
        TENSOR_DATASET.setConstructor((in, cls, args, kwargs) -> {
            List<Tensor> tensors = new ArrayList<>();
            for (Object a : args) {
                tensors.add(Host.tensor(in, a));
            }
            for (Tensor t : tensors) {
                if (t.size(0) != tensors.get(0).size(0)) {
                    throw PyException.of(PyType.ASSERTION_ERROR, "Size mismatch between tensors");
                }
            }
            return new TensorDataset(tensors);
        });
        data.define("TensorDataset", TENSOR_DATASET);
        data.define("Dataset", PyType.hostClass("Dataset", null, "torch.utils.data.dataset"));
        DATA_LOADER.setConstructor((in, cls, args, kwargs) -> {
            Object[] b = Host.bind("__init__", args, kwargs, "dataset", "batch_size", "shuffle", "sampler",
                    "batch_sampler", "num_workers", "collate_fn", "pin_memory", "drop_last", "timeout",
                    "worker_init_fn", "multiprocessing_context", "generator");
            long batch = b[1] == null ? 1 : b[1] == Py.NONE ? -1 : Ops.index(b[1]);
            return new DataLoader(b[0], batch, Host.given(b[2]) && Ops.truthy(in, b[2]),
                    Host.given(b[8]) && Ops.truthy(in, b[8]));
        });
        data.define("DataLoader", DATA_LOADER);
        data.define("random_split", Host.function("random_split", (in, a, k) -> {
            Object[] b = Host.bind("random_split", a, k, "dataset", "lengths", "generator");
            int size = (int) Ops.len(in, b[0]);
            List<Object> given = Ops.toList(in, b[1]);
            int[] lengths;
            if (!given.isEmpty() && given.get(0) instanceof Double) {
                double[] fractions = new double[given.size()];
                for (int i = 0; i < fractions.length; i++) {
                    fractions[i] = Ops.toDouble(given.get(i));
                }
                lengths = RandomSplit.lengthsFromFractions(size, fractions);
            } else {
                lengths = Host.ints(in, b[1]);
            }
            int total = 0;
            for (int l : lengths) {
                total += l;
            }
            if (total != size) {
                throw PyException.valueError("Sum of input lengths does not equal the length of the input dataset!");
            }
            long[][] subsets = RandomSplit.split(ComputeContext.current().generator(), size, lengths);
            List<Object> out = new ArrayList<>();
            for (long[] indices : subsets) {
                out.add(new Subset(b[0], indices));
            }
            return new PyList(out);
        }));
        utils.define("data", data);
        PyModule tensorboard = new PyModule("torch.utils.tensorboard");
        SUMMARY_WRITER.setConstructor((in, cls, args, kwargs) -> new SummaryWriter());
        tensorboard.define("SummaryWriter", SUMMARY_WRITER);
        utils.define("tensorboard", tensorboard);
        return utils;
    }

    /** {@code TensorDataset(*tensors)}: item i is the tuple of each tensor's row i. */
    static final class TensorDataset implements PyObject {
        final List<Tensor> tensors;

        TensorDataset(List<Tensor> tensors) {
            this.tensors = tensors;
        }

        @Override
        public PyType pyType() {
            return TENSOR_DATASET;
        }

        @Override
        public long len(Interpreter in) {
            return tensors.isEmpty() ? 0 : tensors.get(0).size(0);
        }

        @Override
        public Object getItem(Interpreter in, Object key) {
            long i = Ops.index(key);
            Object[] row = new Object[tensors.size()];
            for (int j = 0; j < row.length; j++) {
                Tensor column = tensors.get(j);
                row[j] = Host.guarded(() -> TensorObject.of(column.select(0, i)));
            }
            return new PyTuple(row);
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return name.equals("tensors") ? new PyTuple(tensors.stream().map(TensorObject::of).toArray()) : null;
        }

        @Override
        public PyIterator iter(Interpreter in) {
            long n = len(in);
            return new PyIterator() {
                private long i;

                @Override
                public Object next(Interpreter in) {
                    return i < n ? getItem(in, i++) : null;
                }
            };
        }
    }

    /** {@code Subset(dataset, indices)}, what random_split returns. */
    static final class Subset implements PyObject {
        final Object dataset;
        final long[] indices;

        Subset(Object dataset, long[] indices) {
            this.dataset = dataset;
            this.indices = indices;
        }

        @Override
        public PyType pyType() {
            return SUBSET;
        }

        @Override
        public long len(Interpreter in) {
            return indices.length;
        }

        @Override
        public Object getItem(Interpreter in, Object key) {
            long i = Ops.index(key);
            if (i < 0) {
                i += indices.length;
            }
            if (i < 0 || i >= indices.length) {
                throw PyException.indexError("list index out of range");
            }
            return ((PyObject) dataset).getItem(in, indices[(int) i]);
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "indices" -> {
                    List<Object> l = new ArrayList<>();
                    for (long i : indices) {
                        l.add(i);
                    }
                    yield new PyList(l);
                }
                case "dataset" -> dataset;
                default -> null;
            };
        }
    }

    /** {@code DataLoader}: batches drawn in PyTorch's order; each {@code iter()} draws the base seed first. */
    static final class DataLoader implements PyObject {
        private final Object dataset;
        private final long batchSize;
        private final boolean shuffle;
        private final boolean dropLast;

        DataLoader(Object dataset, long batchSize, boolean shuffle, boolean dropLast) {
            this.dataset = dataset;
            this.batchSize = batchSize;
            this.shuffle = shuffle;
            this.dropLast = dropLast;
        }

        @Override
        public PyType pyType() {
            return DATA_LOADER;
        }

        @Override
        public long len(Interpreter in) {
            long n = Ops.len(in, dataset);
            if (batchSize < 0) {
                return n;
            }
            return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "dataset" -> dataset;
                case "batch_size" -> batchSize < 0 ? Py.NONE : (Object) batchSize;
                case "drop_last" -> dropLast;
                default -> null;
            };
        }

        @Override
        public PyIterator iter(Interpreter in) {
            int n = (int) Ops.len(in, dataset);
            long[] order;
            if (shuffle) {
                order = DataLoaderEpoch.shuffled(ComputeContext.current().generator(), n, null).order();
            } else {
                DataLoaderEpoch.drawBaseSeed(ComputeContext.current().generator(), null);
                order = new long[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
            }
            long step = batchSize < 0 ? 1 : batchSize;
            return new PyIterator() {
                private int next;

                @Override
                public Object next(Interpreter in) {
                    if (next >= order.length || (dropLast && next + step > order.length)) {
                        return null;
                    }
                    int end = (int) Math.min(order.length, next + step);
                    long[] picked = java.util.Arrays.copyOfRange(order, next, end);
                    next = end;
                    return batchSize < 0 ? item(in, picked[0]) : batch(in, picked);
                }
            };
        }

        private Object item(Interpreter in, long index) {
            return ((PyObject) dataset).getItem(in, index);
        }

        private Object batch(Interpreter in, long[] picked) {
            if (dataset instanceof TensorDataset td) {
                Tensor indices = Torch.fromArray(picked, picked.length);
                Object[] fields = new Object[td.tensors.size()];
                for (int j = 0; j < fields.length; j++) {
                    Tensor t = td.tensors.get(j);
                    fields[j] = Host.guarded(() -> TensorObject.of(t.index(new Index.ByTensor(indices))));
                }
                return new PyList(List.of(fields));
            }
            List<Object> samples = new ArrayList<>();
            for (long i : picked) {
                samples.add(item(in, i));
            }
            return collate(in, samples);
        }

        /** {@code default_collate}: stacks tensors, turns numbers into tensors, collates tuples field by field. */
        private static Object collate(Interpreter in, List<Object> samples) {
            Object first = samples.get(0);
            if (first instanceof PyTuple || first instanceof PyList) {
                int width = (int) Ops.len(in, first);
                List<Object> fields = new ArrayList<>();
                for (int j = 0; j < width; j++) {
                    List<Object> column = new ArrayList<>();
                    for (Object s : samples) {
                        column.add(Ops.toList(in, s).get(j));
                    }
                    fields.add(collate(in, column));
                }
                return new PyList(fields);
            }
            if (first instanceof PyDict) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "batches of dicts are not supported in OptimLab");
            }
            if (first instanceof TensorObject) {
                return Host.guarded(() -> TensorObject.of(Torch.stack(TensorObject.tensors(in, new PyList(samples)), 0)));
            }
            return Host.guarded(() -> TensorObject.of(Torch.tensor(Host.toJava(in, new PyList(samples)),
                    first instanceof Double ? dev.optimlab.torch.DType.FLOAT64 : null)));
        }
    }

    /** {@code SummaryWriter}: scalars become metric events for the live charts; nothing is written to disk. */
    static final class SummaryWriter implements PyObject {
        @Override
        public PyType pyType() {
            return SUMMARY_WRITER;
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "add_scalar" -> Host.function("add_scalar", (i, a, k) -> {
                    Object[] b = Host.bind("add_scalar", a, k, "tag", "scalar_value", "global_step", "walltime",
                            "new_style", "double_precision");
                    BridgeRun.current().events.metric(String.valueOf(b[0]), step(b[2]), Host.toDouble(b[1]));
                    return Py.NONE;
                });
                case "add_scalars" -> Host.function("add_scalars", (i, a, k) -> {
                    Object[] b = Host.bind("add_scalars", a, k, "main_tag", "tag_scalar_dict", "global_step", "walltime");
                    if (!(b[1] instanceof PyDict dict)) {
                        throw PyException.typeError("tag_scalar_dict must be a dict");
                    }
                    for (var e : dict.map().entrySet()) {
                        BridgeRun.current().events.metric(b[0] + "/" + e.getKey().value(), step(b[2]),
                                Host.toDouble(e.getValue()));
                    }
                    return Py.NONE;
                });
                case "flush", "close" -> Host.function(name, (i, a, k) -> Py.NONE);
                case "__enter__" -> Host.function(name, (i, a, k) -> this);
                case "__exit__" -> Host.function(name, (i, a, k) -> false);
                default -> null;
            };
        }

        private static long step(Object v) {
            return Host.given(v) ? Ops.index(v) : 0;
        }
    }

}
