package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import java.util.List;

/** Mirrors {@code torch.nn.Softmax(dim=None)}: {@code F.softmax} along dim; a null dim is PyTorch's implicit choice. */
public class Softmax extends Module {
    private final Integer dim;

    public Softmax(Integer dim) {
        this.dim = dim;
    }

    public Integer dim() {
        return dim;
    }

    @Override
    public Object forward(List<Object> args) {
        return Functional.softmax((Tensor) args.get(0), dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + (dim == null ? "None" : dim);
    }
}
