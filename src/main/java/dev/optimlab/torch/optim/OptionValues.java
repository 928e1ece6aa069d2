package dev.optimlab.torch.optim;

import dev.optimlab.torch.PythonFloatFormat;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.TorchException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Hyperparameter values as Python holds them in an optimizer's dicts: reading them as numbers, printing them
 * as {@code repr()} does (for PyTorch's messages and the optimizer repr), and the argument checks every
 * {@code torch.optim} constructor starts with.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** Python's {@code repr(value)} for the values an option can hold. */
    public static String repr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Double d -> PythonFloatFormat.repr(d);
            case Float f -> PythonFloatFormat.repr(f);
            case Number n -> Long.toString(n.longValue());
            case String s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
            case List<?> tuple -> tupleRepr(tuple);
            default -> value.toString();
        };
    }

    private static String tupleRepr(List<?> tuple) {
        if (tuple.size() == 1) {
            return "(" + repr(tuple.getFirst()) + ",)";
        }
        StringJoiner joined = new StringJoiner(", ", "(", ")");
        tuple.forEach(item -> joined.add(repr(item)));
        return joined.toString();
    }

    /** Python's {@code type(value).__name__}, for TypeError messages. */
    static String typeName(Object value) {
        return switch (value) {
            case null -> "NoneType";
            case Boolean b -> "bool";
            case Double d -> "float";
            case Number n -> "int";
            case String s -> "str";
            case List<?> l -> "tuple";
            case Map<?, ?> m -> "dict";
            case Tensor t -> "Tensor";
            default -> value.getClass().getSimpleName();
        };
    }

    static double toDouble(String key, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new TorchException(TorchException.PythonType.TypeError,
                "option '" + key + "' must be a number, not " + typeName(value));
    }

    /** Stores tuples immutably and Java's small number types as Python's int and float. */
    static Object normalize(Object value) {
        return switch (value) {
            case Float f -> (double) f;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case double[] pair -> java.util.Arrays.stream(pair).boxed().toList();
            case List<?> list -> List.copyOf(list.stream().map(OptionValues::normalize).toList());
            case null, default -> value;
        };
    }

    /** Raises {@code ValueError(message + repr(value))} unless {@code valid}: PyTorch's constructor checks. */
    static void check(boolean valid, String message, Object value) {
        if (!valid) {
            throw new TorchException(TorchException.PythonType.ValueError, message + repr(value));
        }
    }
}
