package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.Sigmoid()}. */
public class Sigmoid extends Module {
    @Override
    public Object forward(List<Object> args) {
        return Functional.sigmoid((Tensor) args.get(0));
    }
}
