package dev.optimlab.torch;

/**
 * One item of a subscript {@code x[...]}: an int, a slice, {@code None}, {@code ...} or a tensor
 * (int64 indices or a bool mask); mirrors what {@code Tensor.__getitem__} accepts.
 */
public sealed interface Index {

    /** An integer index, which removes the dimension ({@code x[1]}). */
    record At(long index) implements Index {
    }

    /** A Python slice {@code start:stop:step}; null parts take Python's defaults. */
    record Slice(Long start, Long stop, Long step) implements Index {
    }

    /** {@code None}: inserts a dimension of size 1. */
    record NewAxis() implements Index {
    }

    /** {@code ...}: as many full slices as needed. */
    record Ellipsis() implements Index {
    }

    /** An int64 tensor of indices or a bool mask. */
    record ByTensor(Tensor tensor) implements Index {
    }

    static Index at(long index) {
        return new At(index);
    }

    static Index slice(Long start, Long stop, Long step) {
        return new Slice(start, stop, step);
    }

    static Index all() {
        return new Slice(null, null, null);
    }

    static Index newAxis() {
        return new NewAxis();
    }

    static Index ellipsis() {
        return new Ellipsis();
    }

    static Index of(Tensor tensor) {
        return new ByTensor(tensor);
    }
}
