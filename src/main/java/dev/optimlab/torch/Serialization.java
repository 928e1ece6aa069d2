package dev.optimlab.torch;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Mirrors {@code torch.save} / {@code torch.load} (torch/serialization.py) in OptimLab's own versioned
 * binary format, described in docs/checkpoint-format.md. Like torch.save it keeps object identity: a
 * tensor saved twice loads as one object, and tensors that shared storage load sharing a new storage.
 *
 * <p>Savable values: null, Boolean, whole numbers (loaded as Long), Float/Double (loaded as Double),
 * String, byte[] (Python bytes, e.g. a generator state), List, {@link Tuple}, Map (ordered, keys of
 * any savable type) and {@link Tensor} (dtype, shape, strides, offset, requires_grad; not .grad).
 */
public final class Serialization {

    /** The first eight bytes of every checkpoint. */
    static final byte[] MAGIC = {(byte) 0x89, 'O', 'L', 'C', 'K', 'P', 'T', '\n'};
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;
    private static final int HEADER_SIZE = MAGIC.length + 1 + 8 + 4;

    private static final int NONE = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int INT = 3;
    private static final int FLOAT = 4;
    private static final int STRING = 5;
    private static final int BYTES = 6;
    private static final int LIST = 7;
    private static final int TUPLE = 8;
    private static final int DICT = 9;
    private static final int TENSOR = 10;
    private static final int TENSOR_REF = 11;

    /** A Python tuple, which torch.save keeps apart from a list. */
    public record Tuple(List<Object> items) {
        public Tuple {
            items = java.util.Collections.unmodifiableList(new ArrayList<>(items)); // Python tuples may hold None
        }

        public static Tuple of(Object... items) {
            return new Tuple(Arrays.asList(items));
        }
    }

    private Serialization() {
    }

    /** Mirrors {@code torch.save(obj, name)} into {@code storage}. */
    public static void save(Object obj, CheckpointStorage storage, String name) throws IOException {
        storage.write(name, toBytes(obj));
    }

    /** Mirrors {@code torch.load(name)} from {@code storage}. */
    public static Object load(CheckpointStorage storage, String name) throws IOException {
        return fromBytes(storage.read(name));
    }

    /** The checkpoint file for {@code obj}. */
    public static byte[] toBytes(Object obj) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(body)) {
            new Writer(out).write(obj);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer file = ByteBuffer.allocate(HEADER_SIZE + payload.length);
        file.put(MAGIC).put((byte) VERSION).putLong(payload.length).putInt((int) crc.getValue()).put(payload);
        return file.array();
    }

    /** Reads a checkpoint file, refusing foreign, newer, truncated or corrupted ones with a clear message. */
    public static Object fromBytes(byte[] file) {
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw failure("not an OptimLab checkpoint");
        }
        if (file.length < HEADER_SIZE) {
            throw failure("the file is truncated (expected " + (HEADER_SIZE - file.length) + " more bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        int version = Byte.toUnsignedInt(in.get());
        if (version == 0 || version > VERSION) {
            throw failure("checkpoint format version " + version + " is not supported (this OptimLab reads "
                    + "versions 1 to " + VERSION + ")");
        }
        long length = in.getLong();
        int expectedCrc = in.getInt();
        if (length < 0) {
            throw failure("the checkpoint is corrupted (negative length)");
        }
        if (in.remaining() < length) {
            throw failure("the file is truncated (expected " + (length - in.remaining()) + " more bytes)");
        }
        if (in.remaining() > length) {
            throw failure("the checkpoint is corrupted (" + (in.remaining() - length) + " unexpected bytes at the end)");
        }
        CRC32 crc = new CRC32();
        crc.update(file, HEADER_SIZE, (int) length);
        if ((int) crc.getValue() != expectedCrc) {
            throw failure("the checkpoint is corrupted (checksum mismatch)");
        }
        try {
            Object result = new Reader(in).read();
            if (in.hasRemaining()) {
                throw failure("the checkpoint is corrupted (data after the saved object)");
            }
            return result;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | ClassCastException
                 | IllegalArgumentException e) {
            throw failure("the checkpoint is corrupted (" + e.getClass().getSimpleName() + " while reading)");
        }
    }

    private static TorchException failure(String message) {
        return new TorchException(TorchException.PythonType.RuntimeError, message);
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<Tensor, Integer> tensors = new IdentityHashMap<>();
        private final Map<Storage, Integer> storages = new IdentityHashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(Object value) throws IOException {
            switch (value) {
                case null -> out.writeByte(NONE);
                case Boolean b -> out.writeByte(b ? TRUE : FALSE);
                case Float f -> {
                    out.writeByte(FLOAT);
                    out.writeDouble(f);
                }
                case Double d -> {
                    out.writeByte(FLOAT);
                    out.writeDouble(d);
                }
                case Byte n -> writeInt(n);
                case Short n -> writeInt(n);
                case Integer n -> writeInt(n);
                case Long n -> writeInt(n);
                case String s -> {
                    out.writeByte(STRING);
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
                case byte[] bytes -> {
                    out.writeByte(BYTES);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
                case Tuple tuple -> writeItems(TUPLE, tuple.items());
                case List<?> list -> writeItems(LIST, list);
                case Map<?, ?> map -> {
                    out.writeByte(DICT);
                    out.writeInt(map.size());
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        write(entry.getKey());
                        write(entry.getValue());
                    }
                }
                case Tensor tensor -> writeTensor(tensor);
                default -> throw new TorchException(TorchException.PythonType.TypeError,
                        "cannot save an object of type " + value.getClass().getSimpleName() + " in a checkpoint");
            }
        }

        private void writeInt(long value) throws IOException {
            out.writeByte(INT);
            out.writeLong(value);
        }

        private void writeItems(int tag, List<?> items) throws IOException {
            out.writeByte(tag);
            out.writeInt(items.size());
            for (Object item : items) {
                write(item);
            }
        }

        private void writeTensor(Tensor tensor) throws IOException {
            Integer seen = tensors.get(tensor);
            if (seen != null) {
                out.writeByte(TENSOR_REF);
                out.writeInt(seen);
                return;
            }
            tensors.put(tensor, tensors.size());
            out.writeByte(TENSOR);
            Storage storage = tensor.storage;
            Integer storageId = storages.get(storage);
            if (storageId == null) {
                storageId = storages.size();
                storages.put(storage, storageId);
                out.writeInt(storageId);
                writeStorage(storage);
            } else {
                out.writeInt(storageId);
            }
            out.writeBoolean(tensor.requiresGrad());
            out.writeInt(tensor.shape.length);
            for (int d = 0; d < tensor.shape.length; d++) {
                out.writeInt(tensor.shape[d]);
                out.writeInt(tensor.strides[d]);
            }
            out.writeInt(tensor.offset);
        }

        private void writeStorage(Storage storage) throws IOException {
            out.writeByte(storage.dtype.ordinal());
            int length = storage.length();
            out.writeInt(length);
            // Whole arrays through one buffer: writing element by element is ten times slower.
            ByteBuffer data = ByteBuffer.allocate(length * storage.dtype.itemSize());
            switch (storage.dtype) {
                case FLOAT16 -> {
                    for (float value : storage.floats) {
                        data.putShort(Float.floatToFloat16(value));
                    }
                }
                case FLOAT32 -> data.asFloatBuffer().put(storage.floats);
                case FLOAT64 -> data.asDoubleBuffer().put(storage.doubles);
                case INT64 -> data.asLongBuffer().put(storage.longs);
                case BOOL -> {
                    for (boolean value : storage.bools) {
                        data.put((byte) (value ? 1 : 0));
                    }
                }
            }
            out.write(data.array());
        }
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final List<Tensor> tensors = new ArrayList<>();
        private final List<Storage> storages = new ArrayList<>();

        Reader(ByteBuffer in) {
            this.in = in;
        }

        Object read() {
            int position = in.position();
            int tag = Byte.toUnsignedInt(in.get());
            return switch (tag) {
                case NONE -> null;
                case FALSE -> false;
                case TRUE -> true;
                case INT -> in.getLong();
                case FLOAT -> in.getDouble();
                case STRING -> new String(bytes(), StandardCharsets.UTF_8);
                case BYTES -> bytes();
                case LIST -> items();
                case TUPLE -> new Tuple(items());
                case DICT -> {
                    int size = count();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        Object key = read();
                        map.put(key, read());
                    }
                    yield map;
                }
                case TENSOR -> readTensor();
                case TENSOR_REF -> tensors.get(in.getInt());
                default -> throw failure("the checkpoint is corrupted (unknown tag " + tag + " at byte "
                        + (HEADER_SIZE + position) + ")");
            };
        }

        private int count() {
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                throw new IllegalArgumentException("bad count");
            }
            return count;
        }

        private byte[] bytes() {
            byte[] bytes = new byte[count()];
            in.get(bytes);
            return bytes;
        }

        private List<Object> items() {
            int size = count();
            List<Object> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(read());
            }
            return items;
        }

        private Tensor readTensor() {
            int storageId = in.getInt();
            if (storageId == storages.size()) {
                storages.add(readStorage());
            }
            Storage storage = storages.get(storageId);
            boolean requiresGrad = in.get() != 0;
            int dims = count();
            int[] shape = new int[dims];
            int[] strides = new int[dims];
            long last = 0;
            for (int d = 0; d < dims; d++) {
                shape[d] = in.getInt();
                strides[d] = in.getInt();
                if (shape[d] < 0 || strides[d] < 0) {
                    throw new IllegalArgumentException("bad shape");
                }
                last += (long) (shape[d] - 1) * strides[d];
            }
            int offset = in.getInt();
            if (offset < 0 || (Shapes.numel(shape) > 0 && offset + last >= storage.length())) {
                throw new IllegalArgumentException("view outside its storage");
            }
            Tensor tensor = new Tensor(storage, shape, strides, offset, null);
            if (requiresGrad) {
                tensor.requiresGrad_(true);
            }
            tensors.add(tensor);
            return tensor;
        }

        private Storage readStorage() {
            DType dtype = DType.values()[in.get()];
            int length = in.getInt();
            if (length < 0 || (long) length * dtype.itemSize() > in.remaining()) {
                throw new IllegalArgumentException("bad storage length");
            }
            Storage storage = Storage.allocate(dtype, length);
            switch (dtype) {
                case FLOAT16 -> {
                    for (int i = 0; i < length; i++) {
                        storage.floats[i] = Float.float16ToFloat(in.getShort());
                    }
                }
                case FLOAT32 -> in.asFloatBuffer().get(storage.floats);
                case FLOAT64 -> in.asDoubleBuffer().get(storage.doubles);
                case INT64 -> in.asLongBuffer().get(storage.longs);
                case BOOL -> {
                    for (int i = 0; i < length; i++) {
                        storage.bools[i] = in.get() != 0;
                    }
                }
            }
            if (dtype != DType.FLOAT16 && dtype != DType.BOOL) {
                in.position(in.position() + length * dtype.itemSize());
            }
            return storage;
        }
    }
}
