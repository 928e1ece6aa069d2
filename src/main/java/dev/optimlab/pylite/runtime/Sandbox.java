package dev.optimlab.pylite.runtime;

import java.util.Set;

/**
 * What programs may not reach: interpreter internals through dunder attributes, and builtins that would
 * reach the host. There is no CPython counterpart; it replaces what CPython exposes with clear refusals.
 */
public final class Sandbox {
    private Sandbox() {
    }

    private static final Set<String> ALLOWED_DUNDERS = Set.of("__class__", "__name__", "__qualname__", "__init__",
            "__doc__", "__module__", "__call__", "__len__", "__getitem__", "__setitem__", "__iter__", "__next__",
            "__repr__", "__str__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
            "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__neg__",
            "__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__contains__", "__bool__", "__enter__",
            "__exit__", "__bases__", "__base__", "__mro__", "__self__", "__func__", "__matmul__", "__abs__",
            "__getattr__", "__delitem__", "__format__", "__iadd__", "__isub__", "__imul__", "__itruediv__",
            "__index__", "__int__", "__float__", "__pos__", "__invert__", "__and__", "__or__", "__xor__",
            "__rpow__", "__rfloordiv__", "__rmod__", "__rmatmul__", "__cause__", "__context__",
            "__suppress_context__", "__traceback__");

    /** Builtins CPython has that OptimLab refuses, with the reason shown to the learner. */
    public static final Set<String> FORBIDDEN_BUILTINS = Set.of("eval", "exec", "compile", "__import__", "open",
            "input", "globals", "locals", "vars", "id", "breakpoint", "memoryview", "help", "exit", "quit", "dir",
            "delattr", "bytearray", "bytes", "frozenset", "classmethod_descriptor", "__build_class__");

    /** Dunder attributes outside the subset, such as {@code __subclasses__}, {@code __globals__}, {@code __dict__}. */
    public static boolean isForbiddenAttribute(String name) {
        return name.startsWith("__") && name.endsWith("__") && !ALLOWED_DUNDERS.contains(name);
    }
}
