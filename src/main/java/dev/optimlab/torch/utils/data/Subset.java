package dev.optimlab.torch.utils.data;

/**
 * Mirrors {@code torch.utils.data.Subset}: the samples of {@code dataset} at {@code indices}, in that order.
 *
 * @param dataset the full dataset
 * @param indices positions in {@code dataset}
 */
public record Subset(Dataset dataset, long[] indices) implements Dataset {

    @Override
    public Object get(int index) {
        return dataset.get(Math.toIntExact(indices[index]));
    }

    @Override
    public int size() {
        return indices.length;
    }
}
