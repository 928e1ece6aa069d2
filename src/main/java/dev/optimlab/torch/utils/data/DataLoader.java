package dev.optimlab.torch.utils.data;

import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.Generator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Mirrors {@code torch.utils.data.DataLoader} with {@code num_workers=0}: batches of {@code batchSize}
 * samples in sampler order, collated by {@link DefaultCollate} unless another collate function is given.
 *
 * <p>Random draws follow PyTorch exactly: every {@code iter(loader)} draws {@code _base_seed} (one int64
 * from the loader's generator, else the default one) and the first {@code next()} runs the sampler,
 * which with shuffle draws its own seed from the default generator and permutes on a fresh generator,
 * or permutes directly on the loader's generator when one was given.
 */
public final class DataLoader implements Iterable<Object> {

    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Generator generator;
    private final Function<List<Object>, Object> collateFn;

    /** {@code DataLoader(dataset, batch_size=1)}. */
    public DataLoader(Dataset dataset) {
        this(dataset, 1, false, false, null, null);
    }

    /** {@code DataLoader(dataset, batch_size, shuffle)}. */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle) {
        this(dataset, batchSize, shuffle, false, null, null);
    }

    /**
     * {@code DataLoader(dataset, batch_size, shuffle, drop_last=dropLast, generator=generator,
     * collate_fn=collateFn)}; a null generator means torch's default one, a null collateFn default_collate.
     */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle, boolean dropLast, Generator generator,
            Function<List<Object>, Object> collateFn) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException(
                    "batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        if (shuffle) {
            new RandomSampler(dataset.size(), false, null, generator); // PyTorch validates the sampler here
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.generator = generator;
        this.collateFn = collateFn == null ? DefaultCollate::collate : collateFn;
    }

    public Dataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean dropLast() {
        return dropLast;
    }

    /** Mirrors {@code len(loader)}: the number of batches per epoch. */
    public int size() {
        int samples = dataset.size();
        return dropLast ? samples / batchSize : (samples + batchSize - 1) / batchSize;
    }

    /** Mirrors {@code iter(loader)}, drawing {@code _base_seed} now and the sampler's order at the first next(). */
    @Override
    public Iterator<Object> iterator() {
        return new BatchIterator(ComputeContext.current().generator());
    }

    /** Mirrors {@code _SingleProcessDataLoaderIter}. */
    private final class BatchIterator implements Iterator<Object> {

        private final Generator defaultGenerator;
        private long[] order;
        private int position;

        BatchIterator(Generator defaultGenerator) {
            this.defaultGenerator = defaultGenerator;
            DataLoaderEpoch.drawBaseSeed(defaultGenerator, generator);
        }

        private long[] order() {
            if (order == null) {
                int size = dataset.size();
                if (shuffle) {
                    order = new RandomSampler(size, false, null, generator).iterate(defaultGenerator);
                } else {
                    order = new long[size];
                    for (int i = 0; i < size; i++) {
                        order[i] = i;
                    }
                }
            }
            return order;
        }

        @Override
        public boolean hasNext() {
            int remaining = order().length - position;
            return remaining > 0 && (!dropLast || remaining >= batchSize);
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int end = Math.min(position + batchSize, order.length);
            List<Object> samples = new ArrayList<>(end - position);
            for (int i = position; i < end; i++) {
                samples.add(dataset.get(Math.toIntExact(order[i])));
            }
            position = end;
            return collateFn.apply(samples);
        }
    }
}
