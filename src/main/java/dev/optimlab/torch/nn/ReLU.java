package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.ReLU(inplace=False)}: {@code max(x, 0)} element-wise, optionally written into x. */
public class ReLU extends Module {
    private final boolean inplace;

    public ReLU() {
        this(false);
    }

    public ReLU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Object forward(List<Object> args) {
        Tensor input = (Tensor) args.get(0);
        return inplace ? Functional.relu_(input) : Functional.relu(input);
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
