package dev.optimlab.torch;

/**
 * The options of {@code torch.set_printoptions}, mirroring {@code torch._tensor_str.PRINT_OPTS}.
 *
 * <p>PyTorch's {@code full} profile sets an infinite threshold; here it is {@link Integer#MAX_VALUE},
 * which no tensor backed by a Java array can exceed, so summarisation never happens either way.
 *
 * @param precision digits after the decimal point (fixed) or after the first digit (scientific)
 * @param threshold element count above which a tensor is summarised with {@code ...}
 * @param edgeitems items shown at each end of a summarised dimension
 * @param linewidth characters per line before a row of elements wraps
 * @param sciMode {@code true}/{@code false} forces scientific notation on or off; {@code null} lets
 *     the formatter choose, as PyTorch does
 */
public record PrintOptions(int precision, int threshold, int edgeitems, int linewidth, Boolean sciMode) {

    /** {@code torch.set_printoptions(profile="default")}. */
    public static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, null);
    /** {@code torch.set_printoptions(profile="short")}. */
    public static final PrintOptions SHORT = new PrintOptions(2, 1000, 2, 80, null);
    /** {@code torch.set_printoptions(profile="full")}: the infinite threshold as {@link Integer#MAX_VALUE}. */
    public static final PrintOptions FULL = new PrintOptions(4, Integer.MAX_VALUE, 3, 80, null);

    public PrintOptions {
        if (precision < 0) {
            throw new IllegalArgumentException("precision must be >= 0, got " + precision);
        }
        if (edgeitems < 0) {
            throw new IllegalArgumentException("edgeitems must be >= 0, got " + edgeitems);
        }
    }

    /**
     * The options a {@code profile=} argument selects, with {@code sci_mode} back to automatic.
     *
     * @throws IllegalArgumentException for a name other than default, short or full
     */
    public static PrintOptions profile(String name) {
        return switch (name) {
            case "default" -> DEFAULT;
            case "short" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException(
                    "unknown print profile '" + name + "': expected 'default', 'short' or 'full'");
        };
    }

    public PrintOptions withPrecision(int precision) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    public PrintOptions withThreshold(int threshold) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    public PrintOptions withEdgeitems(int edgeitems) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    public PrintOptions withLinewidth(int linewidth) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }

    public PrintOptions withSciMode(Boolean sciMode) {
        return new PrintOptions(precision, threshold, edgeitems, linewidth, sciMode);
    }
}
