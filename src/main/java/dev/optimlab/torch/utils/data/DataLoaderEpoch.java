package dev.optimlab.torch.utils.data;

import dev.optimlab.torch.Generator;

/**
 * The random draws of one epoch of {@code DataLoader(dataset, shuffle=True)}: {@code iter(loader)}
 * first draws {@code _base_seed} (one int64 {@code random_()}, even with num_workers=0), and the
 * first {@code next()} runs the RandomSampler. Mirrors {@code _BaseDataLoaderIter.__init__} and
 * {@code RandomSampler.__iter__} in {@code torch/utils/data}.
 *
 * @param baseSeed the loader iterator's {@code _base_seed}
 * @param order    the sample indices of the epoch, before batching
 */
public record DataLoaderEpoch(long baseSeed, long[] order) {

    /**
     * Draws one shuffled epoch over {@code size} samples. With {@code loaderGenerator} null both draws
     * come from {@code defaultGenerator}; otherwise both come from the loader's generator, as
     * {@code DataLoader(..., generator=g)} does.
     */
    public static DataLoaderEpoch shuffled(Generator defaultGenerator, int size, Generator loaderGenerator) {
        long baseSeed = drawBaseSeed(defaultGenerator, loaderGenerator);
        long[] order = new RandomSampler(size, false, null, loaderGenerator).iterate(defaultGenerator);
        return new DataLoaderEpoch(baseSeed, order);
    }

    /**
     * The draw {@code iter(loader)} makes for {@code _base_seed}, shuffled or not, from the loader's
     * generator or else the default one. A loader that lets a program draw between {@code iter()}
     * and the first {@code next()} calls this at iter() and runs its sampler at the first next().
     */
    public static long drawBaseSeed(Generator defaultGenerator, Generator loaderGenerator) {
        return (loaderGenerator == null ? defaultGenerator : loaderGenerator).randomInt64();
    }
}
