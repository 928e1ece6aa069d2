package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}: keeps the batch dimension by default. */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Object forward(List<Object> args) {
        return ((Tensor) args.get(0)).flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
