package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword arguments of a scheduler's constructor, read as Python binds them: an unknown keyword or a
 * missing required one raises the TypeError CPython would, and per-group values are spread as PyTorch's
 * {@code _format_param} does.
 */
final class Arguments {

    private final String owner;
    private final Map<String, ?> given;

    Arguments(String owner, Map<String, ?> given, String... accepted) {
        this.owner = owner;
        this.given = given;
        Set<String> known = Set.of(accepted);
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                throw new TorchException(PythonType.TypeError,
                        owner + ".__init__() got an unexpected keyword argument '" + key + "'");
            }
        }
    }

    boolean has(String name) {
        return given.containsKey(name) && given.get(name) != null;
    }

    Object get(String name, Object fallback) {
        return given.containsKey(name) ? given.get(name) : fallback;
    }

    Object required(String name) {
        if (!given.containsKey(name)) {
            throw new TorchException(PythonType.TypeError,
                    owner + ".__init__() missing 1 required positional argument: '" + name + "'");
        }
        return given.get(name);
    }

    double number(String name, double fallback) {
        return toDouble(name, get(name, fallback));
    }

    int integer(String name, int fallback) {
        Object value = get(name, fallback);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new TorchException(PythonType.TypeError, owner + ": '" + name + "' must be an int");
    }

    boolean flag(String name, boolean fallback) {
        return Boolean.TRUE.equals(get(name, fallback));
    }

    String text(String name, String fallback) {
        return (String) get(name, fallback);
    }

    static boolean isInt(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    static double toDouble(String name, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new TorchException(PythonType.TypeError, "'" + name + "' must be a number");
    }

    /** Mirrors {@code _format_param}: one value per param group, from a scalar or a list of the right length. */
    static List<Double> perGroup(String name, Optimizer optimizer, Object value) {
        int groups = optimizer.paramGroups().size();
        List<Double> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            if (list.size() != groups) {
                throw new TorchException(PythonType.ValueError, name + " must have the same length as "
                        + "optimizer.param_groups. " + name + " has " + list.size() + " values, param_groups has "
                        + groups + ".");
            }
            list.forEach(v -> values.add(toDouble(name, v)));
        } else {
            for (int i = 0; i < groups; i++) {
                values.add(toDouble(name, value));
            }
        }
        return values;
    }
}
