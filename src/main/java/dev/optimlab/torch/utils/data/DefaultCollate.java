package dev.optimlab.torch.utils.data;

import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors {@code torch.utils.data.default_collate}: tensors are stacked along a new first dimension,
 * Python floats become a float64 tensor, ints an int64 one and bools a bool one, tuples and lists are
 * collated position by position into a list, and dicts key by key.
 */
public final class DefaultCollate {

    private DefaultCollate() {
    }

    /** Collates one batch of samples. */
    public static Object collate(List<?> batch) {
        Object first = batch.get(0);
        if (first instanceof Tensor) {
            List<Tensor> tensors = new ArrayList<>(batch.size());
            for (Object sample : batch) {
                tensors.add((Tensor) sample);
            }
            return Torch.stack(tensors, 0);
        }
        if (first instanceof Double || first instanceof Float) {
            return Torch.tensor(batch, DType.FLOAT64);
        }
        if (first instanceof Boolean) {
            return Torch.tensor(batch, DType.BOOL);
        }
        if (first instanceof Number) {
            return Torch.tensor(batch, DType.INT64);
        }
        if (first instanceof String) {
            return List.copyOf(batch);
        }
        if (first instanceof Map<?, ?> firstMap) {
            Map<Object, Object> collated = new LinkedHashMap<>();
            for (Object key : firstMap.keySet()) {
                List<Object> column = new ArrayList<>(batch.size());
                for (Object sample : batch) {
                    column.add(((Map<?, ?>) sample).get(key));
                }
                collated.put(key, collate(column));
            }
            return collated;
        }
        if (first instanceof List<?> firstList) {
            for (Object sample : batch) {
                if (((List<?>) sample).size() != firstList.size()) {
                    throw new IllegalStateException("each element in list of batch should be of equal size");
                }
            }
            List<Object> collated = new ArrayList<>(firstList.size());
            for (int position = 0; position < firstList.size(); position++) {
                List<Object> column = new ArrayList<>(batch.size());
                for (Object sample : batch) {
                    column.add(((List<?>) sample).get(position));
                }
                collated.add(collate(column));
            }
            return collated;
        }
        throw new IllegalArgumentException("default_collate: batch must contain tensors, numpy arrays, numbers, "
                + "dicts or lists; found " + (first == null ? "NoneType" : first.getClass().getSimpleName()));
    }
}
