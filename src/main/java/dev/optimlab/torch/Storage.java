package dev.optimlab.torch;

/**
 * The flat, typed memory behind one or more tensors; mirrors {@code torch.UntypedStorage} plus the
 * version counter that PyTorch keeps per storage to detect in-place changes to saved tensors.
 *
 * <p>Exactly one array is non-null: float[] for float32 and emulated float16, double[] for float64,
 * long[] for int64, boolean[] for bool.
 */
final class Storage {
    final DType dtype;
    final float[] floats;
    final double[] doubles;
    final long[] longs;
    final boolean[] bools;
    int version;

    private Storage(DType dtype, float[] floats, double[] doubles, long[] longs, boolean[] bools) {
        this.dtype = dtype;
        this.floats = floats;
        this.doubles = doubles;
        this.longs = longs;
        this.bools = bools;
    }

    static Storage allocate(DType dtype, int size) {
        return switch (dtype) {
            case FLOAT16, FLOAT32 -> new Storage(dtype, new float[size], null, null, null);
            case FLOAT64 -> new Storage(dtype, null, new double[size], null, null);
            case INT64 -> new Storage(dtype, null, null, new long[size], null);
            case BOOL -> new Storage(dtype, null, null, null, new boolean[size]);
        };
    }

    static Storage ofFloats(DType dtype, float[] values) {
        return new Storage(dtype, values, null, null, null);
    }

    static Storage ofDoubles(double[] values) {
        return new Storage(DType.FLOAT64, null, values, null, null);
    }

    static Storage ofLongs(long[] values) {
        return new Storage(DType.INT64, null, null, values, null);
    }

    static Storage ofBools(boolean[] values) {
        return new Storage(DType.BOOL, null, null, null, values);
    }

    int length() {
        return switch (dtype) {
            case FLOAT16, FLOAT32 -> floats.length;
            case FLOAT64 -> doubles.length;
            case INT64 -> longs.length;
            case BOOL -> bools.length;
        };
    }

    double getDouble(int i) {
        return switch (dtype) {
            case FLOAT16, FLOAT32 -> floats[i];
            case FLOAT64 -> doubles[i];
            case INT64 -> longs[i];
            case BOOL -> bools[i] ? 1 : 0;
        };
    }

    long getLong(int i) {
        return switch (dtype) {
            case FLOAT16, FLOAT32 -> (long) floats[i];
            case FLOAT64 -> (long) doubles[i];
            case INT64 -> longs[i];
            case BOOL -> bools[i] ? 1 : 0;
        };
    }

    boolean getBool(int i) {
        return switch (dtype) {
            case FLOAT16, FLOAT32 -> floats[i] != 0;
            case FLOAT64 -> doubles[i] != 0;
            case INT64 -> longs[i] != 0;
            case BOOL -> bools[i];
        };
    }

    /** Stores a value converted as a C cast would (floats truncate towards zero into int64). */
    void setDouble(int i, double value) {
        switch (dtype) {
            case FLOAT16 -> floats[i] = Half.round((float) value);
            case FLOAT32 -> floats[i] = (float) value;
            case FLOAT64 -> doubles[i] = value;
            case INT64 -> longs[i] = (long) value;
            case BOOL -> bools[i] = value != 0;
        }
    }

    void setLong(int i, long value) {
        switch (dtype) {
            case FLOAT16 -> floats[i] = Half.round((float) value);
            case FLOAT32 -> floats[i] = (float) value;
            case FLOAT64 -> doubles[i] = value;
            case INT64 -> longs[i] = value;
            case BOOL -> bools[i] = value != 0;
        }
    }

    void setBool(int i, boolean value) {
        switch (dtype) {
            case FLOAT16, FLOAT32 -> floats[i] = value ? 1 : 0;
            case FLOAT64 -> doubles[i] = value ? 1 : 0;
            case INT64 -> longs[i] = value ? 1 : 0;
            case BOOL -> bools[i] = value;
        }
    }

    /** Copies element {@code from} of {@code source} (any dtype) into element {@code to} of this storage. */
    void setFrom(int to, Storage source, int from) {
        switch (source.dtype) {
            case FLOAT16, FLOAT32 -> setDouble(to, source.floats[from]);
            case FLOAT64 -> setDouble(to, source.doubles[from]);
            case INT64 -> setLong(to, source.longs[from]);
            case BOOL -> setBool(to, source.bools[from]);
        }
    }
}
