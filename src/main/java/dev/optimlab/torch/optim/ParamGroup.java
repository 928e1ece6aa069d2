package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.TorchException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * One entry of {@code torch.optim.Optimizer.param_groups}: the group's parameters and every hyperparameter,
 * in the insertion order of PyTorch's dict (the group's own keys first, then the defaults it lacked).
 *
 * <p>Values are Python-shaped: {@link Double} for floats, {@link Long} or {@link Integer} for ints,
 * {@link Boolean}, {@link String}, {@code null} for None and an immutable {@link List} for tuples such as
 * {@code betas}. Schedulers read and write {@code lr}, {@code initial_lr}, {@code momentum} and {@code betas}.
 */
public final class ParamGroup {

    private final List<Tensor> params;
    private final LinkedHashMap<String, Object> options;

    ParamGroup(List<Tensor> params, Map<String, Object> options) {
        this.params = List.copyOf(params);
        this.options = new LinkedHashMap<>(options);
    }

    /** Mirrors {@code group['params']}. */
    public List<Tensor> params() {
        return params;
    }

    /** Every option except {@code params}, in dict order; read-only. */
    public SequencedMap<String, Object> options() {
        return Collections.unmodifiableSequencedMap(options);
    }

    public boolean contains(String key) {
        return options.containsKey(key);
    }

    /** Mirrors {@code group[key]}; a missing key raises Python's KeyError text. */
    public Object get(String key) {
        if (!options.containsKey(key)) {
            throw new TorchException(TorchException.PythonType.RuntimeError, "KeyError: '" + key + "'");
        }
        return options.get(key);
    }

    public double getDouble(String key) {
        return OptionValues.toDouble(key, get(key));
    }

    public boolean getBoolean(String key) {
        return Boolean.TRUE.equals(get(key));
    }

    /** Element {@code index} of a tuple option such as {@code betas}. */
    public double getTupleItem(String key, int index) {
        Object value = get(key);
        if (!(value instanceof List<?> tuple)) {
            throw new TorchException(TorchException.PythonType.TypeError,
                    "'" + OptionValues.typeName(value) + "' object is not subscriptable");
        }
        return OptionValues.toDouble(key, tuple.get(index));
    }

    /** Mirrors {@code group[key] = value}. */
    public void set(String key, Object value) {
        options.put(key, OptionValues.normalize(value));
    }

    /** Mirrors {@code group.setdefault(key, value)}. */
    public Object setDefault(String key, Object value) {
        return options.computeIfAbsent(key, k -> OptionValues.normalize(value));
    }

    public double lr() {
        return getDouble("lr");
    }

    public void setLr(double lr) {
        options.put("lr", lr);
    }
}
