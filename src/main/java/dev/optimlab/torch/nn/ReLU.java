package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.ReLU()}: {@code max(x, 0)} element-wise. */
public class ReLU extends Module {
    @Override
    public Object forward(List<Object> args) {
        return Functional.relu((Tensor) args.get(0));
    }
}
