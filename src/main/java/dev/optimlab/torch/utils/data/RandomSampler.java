package dev.optimlab.torch.utils.data;

import dev.optimlab.torch.Generator;

/**
 * Mirrors {@code torch.utils.data.RandomSampler}: the index order of one pass ({@code __iter__}),
 * drawn as PyTorch draws it. Without its own generator, each pass takes one int64 {@code random_()}
 * from the default generator (2 draws), seeds a fresh generator with it and permutes on that one.
 */
public final class RandomSampler {

    private static final int REPLACEMENT_CHUNK = 32;

    private final int size;
    private final boolean replacement;
    private final int numSamples;
    private final Generator generator;

    /** {@code RandomSampler(data_source)} over {@code size} items, drawing from the default generator. */
    public RandomSampler(int size) {
        this(size, false, null, null);
    }

    /**
     * {@code RandomSampler(data_source, replacement, num_samples, generator)}; a null numSamples means
     * the data source's length and a null generator means the default one.
     */
    public RandomSampler(int size, boolean replacement, Integer numSamples, Generator generator) {
        int samples = numSamples == null ? size : numSamples;
        if (samples <= 0) {
            throw new IllegalArgumentException(
                    "num_samples should be a positive integer value, but got num_samples=" + samples);
        }
        this.size = size;
        this.replacement = replacement;
        this.numSamples = samples;
        this.generator = generator;
    }

    /** Mirrors {@code len(sampler)}. */
    public int numSamples() {
        return numSamples;
    }

    /** One pass over the sampler, as {@code list(sampler)}; {@code defaultGenerator} is torch's global one. */
    public long[] iterate(Generator defaultGenerator) {
        Generator source = generator;
        if (source == null) {
            source = new Generator().manualSeed(defaultGenerator.randomInt64());
        }
        long[] order = new long[numSamples];
        if (replacement) {
            // PyTorch draws randint(high=n) in chunks of 32: the same stream as one long run.
            for (int start = 0; start < numSamples; start += REPLACEMENT_CHUNK) {
                source.randint(order, start, Math.min(REPLACEMENT_CHUNK, numSamples - start), 0, size);
            }
            return order;
        }
        int filled = 0;
        for (int pass = 0; pass < numSamples / size; pass++) {
            System.arraycopy(source.randperm(size), 0, order, filled, size);
            filled += size;
        }
        // PyTorch always draws one more permutation for the remainder, even when it is empty.
        long[] last = source.randperm(size);
        System.arraycopy(last, 0, order, filled, numSamples - filled);
        return order;
    }
}
