package dev.optimlab.torch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One step of the recorded graph, what PyTorch exposes as {@code tensor.grad_fn} ({@code torch.autograd.graph.Node}):
 * its name (AddBackward0, MmBackward0, AccumulateGrad, ...), the nodes its gradient flows to
 * ({@code next_functions}) and the tensors it saved for the backward pass, freed after backward unless
 * {@code retain_graph=True}.
 */
public final class Node {

    /** Computes the gradient of each input from the gradient of the output; null where none is needed. */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor grad, Node node);
    }

    private final String name;
    private final Node[] next;
    private final DType[] inputTypes;
    private final Backward backward;
    private Tensor[] saved;
    private final int[] savedVersions;
    /** The grad_fn name each saved tensor had when saved, for PyTorch's in-place modification message. */
    private final String[] savedOwners;
    private boolean released;
    /** The leaf a gradient is accumulated into, for AccumulateGrad nodes. */
    final Tensor variable;
    /** The non-leaf output whose gradient is kept because of {@code retain_grad()}. */
    Tensor retainedOutput;

    Node(String name, Node[] next, DType[] inputTypes, Backward backward, Tensor[] saved) {
        this.name = name;
        this.next = next;
        this.inputTypes = inputTypes;
        this.backward = backward;
        this.saved = saved;
        this.savedVersions = new int[saved.length];
        this.savedOwners = new String[saved.length];
        for (int i = 0; i < saved.length; i++) {
            savedVersions[i] = saved[i].storage.version;
            savedOwners[i] = saved[i].gradFn() == null ? null : saved[i].gradFn().name();
        }
        this.variable = null;
    }

    /** An AccumulateGrad node for a leaf that requires grad. */
    Node(Tensor variable) {
        this.name = "AccumulateGrad";
        this.next = new Node[0];
        this.inputTypes = new DType[0];
        this.backward = null;
        this.saved = new Tensor[0];
        this.savedVersions = new int[0];
        this.savedOwners = new String[0];
        this.variable = variable;
    }

    /** The class name PyTorch prints, e.g. {@code MulBackward0}. */
    public String name() {
        return name;
    }

    /** Mirrors {@code next_functions}: one entry per input, null where the input needs no gradient. */
    public List<Node> nextFunctions() {
        List<Node> list = new ArrayList<>(next.length);
        Collections.addAll(list, next);
        return Collections.unmodifiableList(list);
    }

    /** The leaf tensor of an AccumulateGrad node (PyTorch's {@code node.variable}), else null. */
    public Tensor variable() {
        return variable;
    }

    Node[] next() {
        return next;
    }

    DType inputType(int i) {
        return inputTypes[i];
    }

    /** Mirrors {@code ctx.needs_input_grad[input]}. */
    public boolean needsGrad(int input) {
        return next[input] != null;
    }

    /**
     * Mirrors {@code ctx.saved_tensors[i]}: a saved tensor, with PyTorch's errors if the graph was freed or the
     * tensor modified in place since it was saved.
     */
    public Tensor saved(int i) {
        if (released) {
            throw TorchException.runtime("Trying to backward through the graph a second time (or directly access "
                    + "saved tensors after they have already been freed). Saved intermediate values of the graph "
                    + "are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you "
                    + "need to backward through the graph a second time or if you need to access saved tensors "
                    + "after calling backward.");
        }
        Tensor tensor = saved[i];
        if (tensor.storage.version != savedVersions[i]) {
            String owner = savedOwners[i] == null ? "" : ", which is output 0 of " + savedOwners[i] + ",";
            throw TorchException.runtime("one of the variables needed for gradient computation has been modified "
                    + "by an inplace operation: [" + tensor.legacyTypeName() + " " + Shapes.str(tensor.shape) + "]"
                    + owner + " is at version " + tensor.storage.version + "; expected version "
                    + savedVersions[i] + " instead. Hint: enable anomaly detection to find the operation that "
                    + "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).");
        }
        return tensor;
    }

    /** Saved tensors that are this node's own output belong to it in error messages. */
    void ownOutput(Tensor output) {
        for (int i = 0; i < saved.length; i++) {
            if (saved[i] == output) {
                savedOwners[i] = name;
            }
        }
    }

    Tensor[] apply(Tensor grad) {
        return backward.apply(grad, this);
    }

    /** Frees the saved tensors, as PyTorch does after a backward pass without retain_graph. */
    void release() {
        if (saved.length > 0) {
            released = true;
            saved = new Tensor[0];
        }
    }

    @Override
    public String toString() {
        return "<" + name + " object>";
    }
}
