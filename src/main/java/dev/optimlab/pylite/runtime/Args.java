package dev.optimlab.pylite.runtime;

import java.util.Map;

/** Argument checks for Java-implemented functions, with CPython's TypeError texts (Python/getargs.c). */
final class Args {
    private Args() {
    }

    static void exactly(String name, Object[] args, int n) {
        if (args.length != n) {
            if (n == 1) {
                throw PyException.typeError(name + "() takes exactly one argument (" + args.length + " given)");
            }
            if (n == 0) {
                throw PyException.typeError(name + "() takes no arguments (" + args.length + " given)");
            }
            throw PyException.typeError(name + " expected " + n + " arguments, got " + args.length);
        }
    }

    static void range(String name, Object[] args, int min, int max) {
        if (args.length < min) {
            throw PyException.typeError(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s")
                    + ", got " + args.length);
        }
        if (args.length > max) {
            throw PyException.typeError(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s")
                    + ", got " + args.length);
        }
    }

    static void noKeywords(String name, Map<String, Object> kwargs) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyException.typeError(name + "() takes no keyword arguments");
        }
    }

    /** Takes a keyword argument out of kwargs, or returns the default. */
    static Object keyword(Map<String, Object> kwargs, String key, Object dflt) {
        if (kwargs == null) {
            return dflt;
        }
        Object v = kwargs.get(key);
        return v == null ? dflt : v;
    }

    /** Rejects keyword arguments other than the allowed ones. */
    static void onlyKeywords(String name, Map<String, Object> kwargs, String... allowed) {
        if (kwargs == null) {
            return;
        }
        outer:
        for (String k : kwargs.keySet()) {
            for (String a : allowed) {
                if (a.equals(k)) {
                    continue outer;
                }
            }
            throw PyException.typeError(name + "() got an unexpected keyword argument '" + k + "'");
        }
    }

    static String string(String what, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw PyException.typeError(what + " must be str, not " + Py.typeName(v));
    }
}
