package dev.optimlab.torch.utils.data;

import dev.optimlab.torch.Generator;
import java.util.Arrays;

/**
 * Mirrors {@code torch.utils.data.random_split}: one {@code randperm} over the whole dataset on the
 * given (or default) generator, cut into consecutive pieces; fractions are turned into lengths first.
 */
public final class RandomSplit {

    private RandomSplit() {
    }

    /** The indices of each subset for integer lengths that sum to {@code size}. */
    public static long[][] split(Generator generator, int size, int... lengths) {
        int total = Arrays.stream(lengths).sum();
        if (total != size) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        long[] permutation = generator.randperm(total);
        long[][] subsets = new long[lengths.length][];
        int offset = 0;
        for (int i = 0; i < lengths.length; i++) {
            subsets[i] = Arrays.copyOfRange(permutation, offset, offset + lengths[i]);
            offset += lengths[i];
        }
        return subsets;
    }

    /**
     * Mirrors random_split's handling of fractions that sum to 1: floor(size * fraction) each, then the
     * remainder handed out one by one from the first subset on.
     */
    public static int[] lengthsFromFractions(int size, double... fractions) {
        double sum = 0;
        for (double fraction : fractions) {
            sum += fraction;
        }
        if (!(isClose(sum, 1.0) && sum <= 1)) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (fractions[i] < 0 || fractions[i] > 1) {
                throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
            }
            lengths[i] = (int) Math.floor(size * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; i < size - assigned; i++) {
            lengths[i % lengths.length]++;
        }
        return lengths;
    }

    /** Python's {@code math.isclose} with its default rel_tol 1e-9. */
    private static boolean isClose(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
}
