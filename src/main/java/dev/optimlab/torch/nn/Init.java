package dev.optimlab.torch.nn;

import dev.optimlab.torch.Generator;
import java.util.List;
import java.util.Locale;

/**
 * The shape arithmetic of {@code torch.nn.init} (fans, gains, bounds and standard deviations) and
 * {@code nn.Linear.reset_parameters}' order of draws. Bounds are Python doubles computed exactly as
 * init.py computes them; the generator rounds them to float32 inside {@code uniform_}/{@code normal_}.
 *
 * <p>PyTorch skips zero-element tensors in the init functions with the warning
 * "Initializing zero-element tensors is a no-op" and draws nothing; callers do the same.
 */
public final class Init {

    /** PyTorch's {@code a} for nn.Linear's weights: {@code math.sqrt(5)}. */
    public static final double LINEAR_NEGATIVE_SLOPE = Math.sqrt(5.0);

    private static final List<String> LINEAR_GAIN_ONE = List.of(
            "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid");

    private Init() {
    }

    /** {@code fan_in} and {@code fan_out} of a weight shape; mirrors {@code _calculate_fan_in_and_fan_out}. */
    public record Fans(long fanIn, long fanOut) {
    }

    /** Mirrors {@code init._calculate_fan_in_and_fan_out}: size(1) and size(0) times the receptive field. */
    public static Fans fans(long... shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException(
                    "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        long receptiveField = 1;
        for (int d = 2; d < shape.length; d++) {
            receptiveField *= shape[d];
        }
        return new Fans(shape[1] * receptiveField, shape[0] * receptiveField);
    }

    /** Mirrors {@code init._calculate_correct_fan}: mode is "fan_in" or "fan_out", in any case. */
    public static long correctFan(long[] shape, String mode) {
        String normalized = mode.toLowerCase(Locale.ROOT);
        Fans fans = fans(shape);
        return switch (normalized) {
            case "fan_in" -> fans.fanIn();
            case "fan_out" -> fans.fanOut();
            default -> throw new IllegalArgumentException(
                    "Mode " + mode + " not supported, please use one of ['fan_in', 'fan_out']");
        };
    }

    /** Mirrors {@code init.calculate_gain(nonlinearity)} with its default parameter. */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /** Mirrors {@code init.calculate_gain(nonlinearity, param)}; param is the leaky_relu slope or null. */
    public static double calculateGain(String nonlinearity, Double param) {
        if (LINEAR_GAIN_ONE.contains(nonlinearity)) {
            return 1.0;
        }
        return switch (nonlinearity) {
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> {
                double slope = param == null ? 0.01 : param;
                yield Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> 3.0 / 4;
            default -> throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        };
    }

    /** Mirrors {@code xavier_uniform_(tensor, gain)}: the bound a of {@code uniform_(-a, a)}. */
    public static double xavierUniformBound(long[] shape, double gain) {
        return Math.sqrt(3.0) * xavierNormalStd(shape, gain);
    }

    /** Mirrors {@code xavier_normal_(tensor, gain)}: the std of {@code normal_(0, std)}. */
    public static double xavierNormalStd(long[] shape, double gain) {
        Fans fans = fans(shape);
        return gain * Math.sqrt(2.0 / (double) (fans.fanIn() + fans.fanOut()));
    }

    /** Mirrors {@code kaiming_uniform_(tensor, a, mode, nonlinearity)}: the bound of {@code uniform_(-bound, bound)}. */
    public static double kaimingUniformBound(long[] shape, double a, String mode, String nonlinearity) {
        return Math.sqrt(3.0) * kaimingNormalStd(shape, a, mode, nonlinearity);
    }

    /** Mirrors {@code kaiming_normal_(tensor, a, mode, nonlinearity)}: the std of {@code normal_(0, std)}. */
    public static double kaimingNormalStd(long[] shape, double a, String mode, String nonlinearity) {
        long fan = correctFan(shape, mode);
        return calculateGain(nonlinearity, a) / Math.sqrt(fan);
    }

    /** Mirrors the bias bound in {@code nn.Linear.reset_parameters}: 1/sqrt(in_features), or 0 without inputs. */
    public static double linearBiasBound(long inFeatures) {
        return inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
    }

    /**
     * Mirrors {@code nn.Linear(in, out)}'s default initialisation: the (out, in) weight row-major by
     * {@code kaiming_uniform_(a=sqrt(5))}, then the bias (if not null) by {@code uniform_(-1/sqrt(in), 1/sqrt(in))}.
     */
    public static void linear(Generator generator, int inFeatures, int outFeatures, float[] weight, float[] bias) {
        long[] shape = {outFeatures, inFeatures};
        if (inFeatures > 0 && outFeatures > 0) {
            double bound = kaimingUniformBound(shape, LINEAR_NEGATIVE_SLOPE, "fan_in", "leaky_relu");
            generator.uniform(weight, 0, outFeatures * inFeatures, -bound, bound);
        }
        if (bias != null) {
            double bound = linearBiasBound(inFeatures);
            generator.uniform(bias, 0, outFeatures, -bound, bound);
        }
    }
}
