package dev.optimlab.torch.nn;

import java.util.List;

/** Mirrors {@code torch.nn.Identity}: returns its input unchanged. */
public class Identity extends Module {
    @Override
    public Object forward(List<Object> args) {
        return args.get(0);
    }
}
