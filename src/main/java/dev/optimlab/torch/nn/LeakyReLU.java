package dev.optimlab.torch.nn;

import dev.optimlab.torch.PythonFloatFormat;
import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.LeakyReLU(negative_slope=0.01)}: x for x &ge; 0, else negative_slope * x. */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Object forward(List<Object> args) {
        return Functional.leakyRelu((Tensor) args.get(0), negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PythonFloatFormat.repr(negativeSlope);
    }
}
