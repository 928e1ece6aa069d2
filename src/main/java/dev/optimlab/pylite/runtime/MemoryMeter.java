package dev.optimlab.pylite.runtime;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Estimates the bytes a program still holds by walking what its variables reach; used when the
 * running allocation total passes the memory limit, so that memory the program dropped is forgiven.
 * The sizes are rough (CPython's object sizes are the model) and err on the large side.
 */
final class MemoryMeter {
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private long total;

    void add(Map<String, ?> variables) {
        pending.addAll(variables.values());
    }

    void addAll(java.util.Collection<Object> roots) {
        pending.addAll(roots);
    }

    long total() {
        while (!pending.isEmpty()) {
            Object o = pending.pop();
            if (o == null || !seen.add(o)) {
                continue;
            }
            total += sizeOf(o);
        }
        return total;
    }

    private long sizeOf(Object o) {
        switch (o) {
            case String s -> {
                return 49L + s.length();
            }
            case BigInteger b -> {
                return 28L + b.bitLength() / 8;
            }
            case PyList l -> {
                pending.addAll(l.items());
                return 56L + 8L * l.items().size();
            }
            case PyTuple t -> {
                Collections.addAll(pending, t.items());
                return 40L + 8L * t.size();
            }
            case PyDict d -> {
                for (Map.Entry<Key, Object> e : d.map().entrySet()) {
                    pending.add(e.getKey().value());
                    pending.add(e.getValue());
                }
                return 64L + 48L * d.size();
            }
            case PySet s -> {
                pending.addAll(s.values());
                return 200L + 16L * s.size();
            }
            case PyInstance i -> {
                pending.addAll(i.attributes().values());
                return 56L + 48L * i.attributes().size();
            }
            case PyType t -> {
                pending.addAll(t.dict().values());
                return 400L;
            }
            case PyFunction f -> {
                for (Frame fr = f.enclosing(); fr != null; fr = fr.enclosing) {
                    pending.addAll(fr.locals.values());
                }
                return 150L;
            }
            case PyBoundMethod m -> {
                pending.add(m.self());
                pending.add(m.function());
                return 48L;
            }
            default -> {
                return 32L;
            }
        }
    }
}
