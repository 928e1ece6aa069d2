package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The "Did you mean: 'x'?" hints of NameError and AttributeError tracebacks; mirrors CPython 3.11's
 * Python/suggestions.c (Levenshtein distance with case-insensitive substitutions costing less).
 */
public final class Suggestions {
    private static final int MAX_CANDIDATES = 750;
    private static final int MAX_STRING_SIZE = 40;
    private static final int MOVE_COST = 2;
    private static final int CASE_COST = 1;

    private Suggestions() {
    }

    /** The closest candidate to {@code name}, or null when none is close enough. */
    public static String best(String name, Collection<String> candidates) {
        if (candidates.size() > MAX_CANDIDATES) {
            return null;
        }
        String suggestion = null;
        int suggestionDistance = Integer.MAX_VALUE;
        for (String item : candidates) {
            if (item.equals(name)) {
                continue;
            }
            int maxDistance = (name.length() + item.length() + 3) * MOVE_COST / 6;
            if (suggestionDistance - 1 < maxDistance) {
                maxDistance = suggestionDistance - 1;
            }
            int distance = levenshtein(name, item, maxDistance);
            if (distance > maxDistance) {
                continue;
            }
            if (suggestion == null || distance < suggestionDistance) {
                suggestion = item;
                suggestionDistance = distance;
            }
        }
        return suggestion;
    }

    private static int substitutionCost(char a, char b) {
        if (a == b) {
            return 0;
        }
        return Character.toLowerCase(a) == Character.toLowerCase(b) ? CASE_COST : MOVE_COST;
    }

    private static int levenshtein(String a, String b, int maxCost) {
        if (a.equals(b)) {
            return 0;
        }
        int aStart = 0;
        int bStart = 0;
        int aEnd = a.length();
        int bEnd = b.length();
        while (aStart < aEnd && bStart < bEnd && a.charAt(aStart) == b.charAt(bStart)) {
            aStart++;
            bStart++;
        }
        while (aEnd > aStart && bEnd > bStart && a.charAt(aEnd - 1) == b.charAt(bEnd - 1)) {
            aEnd--;
            bEnd--;
        }
        String x = a.substring(aStart, aEnd);
        String y = b.substring(bStart, bEnd);
        if (x.isEmpty() || y.isEmpty()) {
            return (x.length() + y.length()) * MOVE_COST;
        }
        if (x.length() > MAX_STRING_SIZE || y.length() > MAX_STRING_SIZE) {
            return maxCost + 1;
        }
        if (y.length() < x.length()) {
            String t = x;
            x = y;
            y = t;
        }
        if ((y.length() - x.length()) * MOVE_COST > maxCost) {
            return maxCost + 1;
        }
        int[] buffer = new int[x.length()];
        for (int i = 0; i < x.length(); i++) {
            buffer[i] = (i + 1) * MOVE_COST;
        }
        int result = 0;
        for (int bi = 0; bi < y.length(); bi++) {
            char code = y.charAt(bi);
            int distance = bi * MOVE_COST;
            result = distance;
            int minimum = Integer.MAX_VALUE;
            for (int i = 0; i < x.length(); i++) {
                int substitute = distance + substitutionCost(code, x.charAt(i));
                distance = buffer[i];
                int insertDelete = Math.min(result, distance) + MOVE_COST;
                result = Math.min(insertDelete, substitute);
                buffer[i] = result;
                if (result < minimum) {
                    minimum = result;
                }
            }
            if (minimum > maxCost) {
                return maxCost + 1;
            }
        }
        return result;
    }

    /** NameError: the frame's locals first, then the globals, then the builtins, as CPython searches. */
    static String forName(String name, Map<String, Object> locals, Map<String, Object> globals,
                          Map<String, Object> builtins) {
        for (Collection<String> group : List.of(locals == null ? List.<String>of() : new ArrayList<>(locals.keySet()),
                new ArrayList<>(globals.keySet()), new TreeSet<>(builtins.keySet()))) {
            String s = best(name, group);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** AttributeError: what dir(obj) would list, sorted. */
    static String forAttribute(Interpreter in, Object obj, String name) {
        TreeSet<String> dir = new TreeSet<>();
        if (obj instanceof PyModule m) {
            dir.addAll(m.attributes().keySet());
        } else {
            if (obj instanceof PyInstance i) {
                dir.addAll(i.attributes().keySet());
            }
            for (PyType t = obj instanceof PyType type ? type : Py.typeOf(obj); t != null; t = t.base()) {
                dir.addAll(t.dict().keySet());
            }
        }
        dir.removeIf(Sandbox::isForbiddenAttribute);
        return best(name, dir);
    }
}
