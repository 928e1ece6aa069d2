package dev.optimlab.pylite.runtime;

import java.util.Iterator;

/** Small iterator adapters; mirror CPython's dict_keyiterator and friends. */
public final class Iterators {
    private Iterators() {
    }

    /** Wraps a Java iterator; CPython's "RuntimeError: dictionary changed size" becomes the same message. */
    public static PyIterator of(Iterator<?> it) {
        return new PyIterator() {
            @Override
            public Object next(Interpreter in) {
                try {
                    return it.hasNext() ? it.next() : null;
                } catch (java.util.ConcurrentModificationException e) {
                    throw PyException.of(PyType.RUNTIME_ERROR, "dictionary changed size during iteration");
                }
            }

            @Override
            public String repr(Interpreter in) {
                return "<iterator object>";
            }
        };
    }

    static PyIterator keys(PyDict d) {
        return of(d.map().keySet().stream().map(Key::value).iterator());
    }
}
