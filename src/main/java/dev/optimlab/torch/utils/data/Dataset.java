package dev.optimlab.torch.utils.data;

/**
 * Mirrors {@code torch.utils.data.Dataset} with a length: {@code dataset[index]} and {@code len(dataset)}.
 * A sample is a {@code Tensor}, a Python-like number ({@code Long}, {@code Double}, {@code Boolean}),
 * a {@code List} (tuple or list) or a {@code Map} of those, which is what {@link DefaultCollate} accepts.
 */
public interface Dataset {

    /** Mirrors {@code dataset[index]} for {@code 0 <= index < size()}. */
    Object get(int index);

    /** Mirrors {@code len(dataset)}. */
    int size();
}
