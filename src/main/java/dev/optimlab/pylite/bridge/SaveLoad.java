package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.save(obj, f)} and {@code torch.load(f)} for what checkpoints hold (dicts, lists, tuples,
 * numbers, strings, None and tensors), stored through the run's {@link Storage}. The format is our own
 * tagged binary, not PyTorch's zip of pickles: files round-trip within OptimLab only.
 */
final class SaveLoad {
    private static final int MAGIC = 0x4F4C4331;

    private SaveLoad() {
    }

    static PyBuiltinFunction save() {
        return Host.function("save", (in, a, k) -> {
            Object[] b = Host.bind("save", a, k, "obj", "f", "pickle_module", "pickle_protocol",
                    "_use_new_zipfile_serialization");
            String path = path(b[1]);
            BridgeRun run = BridgeRun.of(in);
            run.trace("torch.save", null);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                write(in, out, b[0]);
            } catch (IOException e) {
                throw PyException.of(PyType.RUNTIME_ERROR, "could not serialise the object: " + e.getMessage());
            }
            in.budget().allocate(bytes.size());
            try {
                run.storage.write(path, bytes.toByteArray());
            } catch (IOException e) {
                throw PyException.of(PyType.RUNTIME_ERROR, "could not save '" + path + "': " + e.getMessage());
            }
            return Py.NONE;
        });
    }

    static PyBuiltinFunction load() {
        return Host.function("load", (in, a, k) -> {
            Object[] b = Host.bind("load", a, k, "f", "map_location", "pickle_module", "weights_only", "mmap");
            String path = path(b[0]);
            BridgeRun run = BridgeRun.of(in);
            run.trace("torch.load", null);
            byte[] data;
            try {
                data = run.storage.read(path);
            } catch (FileNotFoundException e) {
                throw PyException.of(PyType.RUNTIME_ERROR, "[Errno 2] No such file or directory: '" + b[0] + "'");
            } catch (IOException e) {
                throw PyException.of(PyType.RUNTIME_ERROR, "could not load '" + path + "': " + e.getMessage());
            }
            in.budget().allocate(data.length * 2L);
            try (DataInputStream input = new DataInputStream(new ByteArrayInputStream(data))) {
                if (input.readInt() != MAGIC) {
                    throw PyException.of(PyType.RUNTIME_ERROR, "Invalid magic number; corrupt file?");
                }
                return read(in, input);
            } catch (IOException e) {
                throw PyException.of(PyType.RUNTIME_ERROR, "PytorchStreamReader failed reading file: " + e.getMessage());
            }
        });
    }

    private static String path(Object f) {
        if (!(f instanceof String s)) {
            throw PyException.typeError("OptimLab saves and loads by file name: expected a str path, got "
                    + Py.typeName(f));
        }
        String checked = Storage.checkedPath(s);
        if (checked == null) {
            throw PyException.valueError("'" + s + "' is outside your workspace: use a relative path such as "
                    + "'checkpoint.pt', without '..' or a leading '/'");
        }
        return checked;
    }

    private static void write(Interpreter in, DataOutputStream out, Object v) throws IOException {
        in.budget().step();
        switch (v) {
            case Boolean bool -> {
                out.writeByte('b');
                out.writeBoolean(bool);
            }
            case Long l -> {
                out.writeByte('i');
                out.writeLong(l);
            }
            case BigInteger big -> {
                out.writeByte('I');
                out.writeUTF(big.toString());
            }
            case Double d -> {
                out.writeByte('f');
                out.writeDouble(d);
            }
            case String s -> {
                out.writeByte('s');
                out.writeUTF(s);
            }
            case TensorObject t -> {
                Tensor tensor = t.tensor();
                out.writeByte('t');
                out.writeByte(tensor.dtype().ordinal());
                out.writeBoolean(tensor.requiresGrad());
                int[] shape = tensor.shape();
                out.writeInt(shape.length);
                for (int s : shape) {
                    out.writeInt(s);
                }
                switch (tensor.dtype()) {
                    case INT64 -> {
                        for (long x : tensor.toLongArray()) {
                            out.writeLong(x);
                        }
                    }
                    case BOOL -> {
                        for (boolean x : tensor.toBooleanArray()) {
                            out.writeBoolean(x);
                        }
                    }
                    default -> {
                        for (double x : tensor.toDoubleArray()) {
                            out.writeDouble(x);
                        }
                    }
                }
            }
            case OrderedDictObject o -> {
                out.writeByte('o');
                write(in, out, o.dict());
            }
            case PyDict d -> {
                out.writeByte('d');
                out.writeInt(d.size());
                for (var e : d.map().entrySet()) {
                    write(in, out, e.getKey().value());
                    write(in, out, e.getValue());
                }
            }
            case PyList l -> {
                out.writeByte('l');
                out.writeInt(l.items().size());
                for (Object o : l.items()) {
                    write(in, out, o);
                }
            }
            case PyTuple t -> {
                out.writeByte('u');
                out.writeInt(t.size());
                for (Object o : t.items()) {
                    write(in, out, o);
                }
            }
            default -> {
                if (v == Py.NONE) {
                    out.writeByte('n');
                } else if (v instanceof ModuleObject) {
                    throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "OptimLab saves tensors, numbers, strings and "
                            + "containers of them: save model.state_dict() instead of the model");
                } else {
                    throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "OptimLab cannot save an object of type '"
                            + Py.typeName(v) + "': save tensors, numbers, strings and dicts or lists of them");
                }
            }
        }
    }

    private static Object read(Interpreter in, DataInputStream input) throws IOException {
        int tag = input.readByte();
        return switch (tag) {
            case 'n' -> Py.NONE;
            case 'b' -> input.readBoolean();
            case 'i' -> input.readLong();
            case 'I' -> Py.normalize(new BigInteger(input.readUTF()));
            case 'f' -> input.readDouble();
            case 's' -> input.readUTF();
            case 't' -> {
                DType dtype = DType.values()[input.readByte()];
                boolean requiresGrad = input.readBoolean();
                int[] shape = new int[input.readInt()];
                int n = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = input.readInt();
                    n *= shape[i];
                }
                Tensor t = switch (dtype) {
                    case INT64 -> {
                        long[] values = new long[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = input.readLong();
                        }
                        yield Torch.fromArray(values, shape);
                    }
                    case BOOL -> {
                        boolean[] values = new boolean[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = input.readBoolean();
                        }
                        yield Torch.fromArray(values, shape);
                    }
                    default -> {
                        double[] values = new double[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = input.readDouble();
                        }
                        yield Torch.fromArray(values, shape).to(dtype);
                    }
                };
                yield TensorObject.of(requiresGrad ? t.requiresGrad_(true) : t);
            }
            case 'o' -> new OrderedDictObject((PyDict) read(in, input));
            case 'd' -> {
                int size = input.readInt();
                PyDict d = new PyDict();
                for (int i = 0; i < size; i++) {
                    Object key = read(in, input);
                    d.put(in, key, read(in, input));
                }
                yield d;
            }
            case 'l', 'u' -> {
                int size = input.readInt();
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(read(in, input));
                }
                yield tag == 'l' ? new PyList(items) : new PyTuple(items.toArray());
            }
            default -> throw new IOException("unknown entry " + tag);
        };
    }
}
