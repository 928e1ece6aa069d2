package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.syntax.Node;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/** Finds whether a statement contains a {@code yield} outside nested functions and classes. */
final class Yields {
    private Yields() {
    }

    static boolean contains(Node.Statement s) {
        return search(s);
    }

    private static boolean search(Object node) {
        if (node instanceof Node.Yield || node instanceof Node.YieldFrom) {
            return true;
        }
        if (node instanceof Node.FunctionDef || node instanceof Node.ClassDef || node instanceof Node.Lambda) {
            return false;
        }
        if (node instanceof Collection<?> c) {
            for (Object o : c) {
                if (search(o)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof Record r && r.getClass().getEnclosingClass() == Node.class) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    if (search(rc.getAccessor().invoke(r))) {
                        return true;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }

}
