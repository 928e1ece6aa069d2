package dev.optimlab.torch.utils.data;

import dev.optimlab.torch.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors {@code torch.utils.data.TensorDataset}: sample {@code i} is the tuple of every tensor's row
 * {@code i} (a view, as {@code tensor[i]} is), so all tensors must have the same first dimension.
 */
public final class TensorDataset implements Dataset {

    private final List<Tensor> tensors;

    public TensorDataset(Tensor... tensors) {
        this(List.of(tensors));
    }

    public TensorDataset(List<Tensor> tensors) {
        for (Tensor tensor : tensors) {
            if (tensor.dim() == 0 || tensor.size(0) != tensors.get(0).size(0)) {
                // PyTorch asserts here, so a learner sees an AssertionError with this message.
                throw new IllegalArgumentException("Size mismatch between tensors");
            }
        }
        this.tensors = List.copyOf(tensors);
    }

    /** Mirrors {@code dataset.tensors}. */
    public List<Tensor> tensors() {
        return tensors;
    }

    @Override
    public Object get(int index) {
        List<Object> sample = new ArrayList<>(tensors.size());
        for (Tensor tensor : tensors) {
            sample.add(tensor.select(0, index));
        }
        return List.copyOf(sample);
    }

    @Override
    public int size() {
        return tensors.isEmpty() ? 0 : tensors.get(0).size(0);
    }
}
