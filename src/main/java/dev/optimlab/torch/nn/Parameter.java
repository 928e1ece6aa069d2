package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.TensorFormatter;

/**
 * Mirrors {@code torch.nn.Parameter}: a leaf tensor that requires grad (unless told otherwise) and that a
 * {@link Module} registers as a parameter when it is assigned to an attribute.
 *
 * <p>{@link Tensor} is final, so a parameter wraps its leaf tensor instead of extending it; the tensor is
 * what optimizers update and what {@link Module#parameters()} returns.
 */
public final class Parameter {
    private Tensor data;

    /** Mirrors {@code nn.Parameter(data, requires_grad=True)}: shares data's storage, as PyTorch does. */
    public Parameter(Tensor data) {
        this(data, true);
    }

    /** Mirrors {@code nn.Parameter(data, requires_grad)}. */
    public Parameter(Tensor data, boolean requiresGrad) {
        this.data = data.detach().requiresGrad_(requiresGrad);
    }

    /** The leaf tensor this parameter is: the one optimizers update and autograd fills {@code .grad} of. */
    public Tensor data() {
        return data;
    }

    /** Mirrors {@code param.data = tensor}: the parameter keeps its identity but holds a new leaf. */
    void setData(Tensor tensor) {
        this.data = tensor;
    }

    public Tensor grad() {
        return data.grad();
    }

    public boolean requiresGrad() {
        return data.requiresGrad();
    }

    /** Mirrors {@code repr(p)}: {@code Parameter containing:} above the tensor's repr. */
    @Override
    public String toString() {
        return TensorFormatter.parameterRepr(data.toString());
    }
}
