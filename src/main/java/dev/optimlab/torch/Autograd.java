package dev.optimlab.torch;

/**
 * Mirrors {@code torch.autograd.Function} for code outside this package (nn's losses and layers): record an
 * op computed by its own kernel, with its own backward and PyTorch's grad_fn name, so that its result
 * prints and differentiates as PyTorch's does.
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * Makes {@code output} (a fresh tensor computed from {@code inputs} without autograd) the result of a
     * recorded op named {@code gradFnName}, if grad mode is on and an input requires grad; otherwise returns
     * it unchanged. {@code backward} receives the output's gradient and the node, whose {@link Node#saved(int)}
     * returns {@code saved[i]} and {@link Node#needsGrad(int)} says which inputs need a gradient; it returns one
     * gradient per input, shaped like that input, or null.
     */
    public static Tensor record(Tensor output, String gradFnName, Node.Backward backward, Tensor[] inputs,
                                Tensor... saved) {
        if (output.gradFn() != null || output.requiresGrad()) {
            throw new IllegalArgumentException("the output of a recorded op must be a fresh tensor without history");
        }
        return Tensor.record(output, gradFnName, backward, inputs, saved);
    }
}
