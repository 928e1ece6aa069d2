package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.Tanh()}. */
public class Tanh extends Module {
    @Override
    public Object forward(List<Object> args) {
        return Functional.tanh((Tensor) args.get(0));
    }
}
