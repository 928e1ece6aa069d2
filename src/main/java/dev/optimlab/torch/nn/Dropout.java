package dev.optimlab.torch.nn;

import dev.optimlab.torch.PythonFloatFormat;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.TorchException;
import java.util.List;

/** Mirrors {@code torch.nn.Dropout(p=0.5, inplace=False)}: zeroes entries with probability p in training, scales the rest by 1/(1-p). */
public class Dropout extends Module {
    private final double p;
    private final boolean inplace;

    public Dropout() {
        this(0.5);
    }

    public Dropout(double p) {
        this(p, false);
    }

    public Dropout(double p, boolean inplace) {
        if (p < 0 || p > 1) {
            throw new TorchException(TorchException.PythonType.ValueError,
                    "dropout probability has to be between 0 and 1, but got " + PythonFloatFormat.repr(p));
        }
        this.p = p;
        this.inplace = inplace;
    }

    public double p() {
        return p;
    }

    @Override
    public Object forward(List<Object> args) {
        return Functional.dropout((Tensor) args.get(0), p, isTraining(), inplace);
    }

    @Override
    public String extraRepr() {
        return "p=" + PythonFloatFormat.repr(p) + ", inplace=" + (inplace ? "True" : "False");
    }
}
