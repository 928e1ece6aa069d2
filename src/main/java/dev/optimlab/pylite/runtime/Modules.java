package dev.optimlab.pylite.runtime;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The table of importable modules by name; replaces CPython's import system. Only registered
 * modules exist: everything else, notably os, sys and subprocess, is "not found".
 */
public final class Modules {
    private static final Map<String, Function<Interpreter, PyModule>> REGISTRY = new ConcurrentHashMap<>();

    static {
        // math and time hold no state, so one instance serves every run; random holds the run's generator
        PyModule math = MathModule.create();
        PyModule time = TimeModule.create();
        register("math", in -> math);
        register("random", RandomModule::create);
        register("time", in -> time);
        register("warnings", Warnings::module);
    }

    private Modules() {
    }

    /** Makes a module importable; the factory runs at a run's first import of it and may return a shared, frozen module. */
    public static void register(String name, Function<Interpreter, PyModule> factory) {
        REGISTRY.put(name, factory);
    }

    static PyModule load(Interpreter in, String name) {
        PyModule m = tryLoad(in, name);
        if (m == null) {
            Set<String> available = new TreeSet<>(REGISTRY.keySet());
            throw PyException.of(PyType.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "' (OptimLab programs can "
                    + "import: " + String.join(", ", available) + ")");
        }
        return m;
    }

    static PyModule tryLoad(Interpreter in, String name) {
        Function<Interpreter, PyModule> factory = REGISTRY.get(name);
        return factory == null ? null : factory.apply(in);
    }
}
