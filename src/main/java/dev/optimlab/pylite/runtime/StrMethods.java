package dev.optimlab.pylite.runtime;

import static dev.optimlab.pylite.runtime.Methods.method;
import static dev.optimlab.pylite.runtime.Methods.method0;
import static dev.optimlab.pylite.runtime.Methods.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The methods of str (split, join, strip, find, replace, format, the is* predicates, ...); mirrors the
 * method table of CPython's Objects/unicodeobject.c.
 */
final class StrMethods {
    private StrMethods() {
    }

    private static String self(Object o) {
        return (String) o;
    }

    static void installStr() {
        PyType t = PyType.STR;
        method0(t, "upper", (in, a, k) -> self(a[0]).toUpperCase());
        method0(t, "lower", (in, a, k) -> self(a[0]).toLowerCase());
        method0(t, "casefold", (in, a, k) -> self(a[0]).toLowerCase());
        method0(t, "swapcase", (in, a, k) -> {
            StringBuilder sb = new StringBuilder();
            for (char c : self(a[0]).toCharArray()) {
                sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return sb.toString();
        });
        method0(t, "capitalize", (in, a, k) -> {
            String s = self(a[0]);
            return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
        });
        method0(t, "title", (in, a, k) -> {
            StringBuilder sb = new StringBuilder();
            boolean prevCased = false;
            for (char c : self(a[0]).toCharArray()) {
                sb.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
                prevCased = Character.isLetter(c);
            }
            return sb.toString();
        });
        method(t, "strip", (in, a, k) -> strip(a, true, true));
        method(t, "lstrip", (in, a, k) -> strip(a, true, false));
        method(t, "rstrip", (in, a, k) -> strip(a, false, true));
        method(t, "split", (in, a, k) -> split(in, a, k, false));
        method(t, "rsplit", (in, a, k) -> split(in, a, k, true));
        method(t, "splitlines", (in, a, k) -> {
            List<Object> out = new ArrayList<>();
            String s = self(a[0]);
            boolean keep = a.length > 1 && Ops.truthy(in, a[1]) || Ops.truthy(in, Args.keyword(k, "keepends", false));
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    int end = i;
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    out.add(s.substring(start, keep ? i + 1 : end));
                    start = i + 1;
                }
            }
            if (start < s.length()) {
                out.add(s.substring(start));
            }
            return new PyList(out);
        });
        method(t, "join", (in, a, k) -> {
            Args.exactly("str.join", rest(a), 1);
            String sep = self(a[0]);
            List<Object> items = Ops.toList(in, a[1]);
            long length = 0;
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof String s)) {
                    throw PyException.typeError("sequence item " + i + ": expected str instance, "
                            + Py.typeName(items.get(i)) + " found");
                }
                length += s.length() + (i > 0 ? sep.length() : 0);
            }
            in.budget().allocate(2 * length);
            StringBuilder sb = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE - 8));
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append((String) items.get(i));
            }
            return sb.toString();
        });
        method(t, "replace", (in, a, k) -> {
            Args.range("replace", rest(a), 2, 3);
            String s = self(a[0]);
            String old = Args.string("replace() argument 1", a[1]);
            String rep = Args.string("replace() argument 2", a[2]);
            long count = a.length > 3 ? Ops.index(a[3]) : -1;
            if (count < 0) {
                long estimate = old.isEmpty() ? (long) (s.length() + 1) * rep.length() : (long) s.length() * Math.max(1, rep.length());
                in.budget().allocate(2 * estimate);
                return old.isEmpty() ? insertEverywhere(s, rep) : s.replace(old, rep);
            }
            StringBuilder sb = new StringBuilder();
            int from = 0;
            for (long n = 0; n < count; n++) {
                int at = s.indexOf(old, from);
                if (at < 0 || old.isEmpty()) {
                    break;
                }
                sb.append(s, from, at).append(rep);
                from = at + old.length();
            }
            return sb.append(s.substring(from)).toString();
        });
        method(t, "startswith", (in, a, k) -> affix(a, true));
        method(t, "endswith", (in, a, k) -> affix(a, false));
        method(t, "find", (in, a, k) -> (long) find(a, false));
        method(t, "rfind", (in, a, k) -> (long) find(a, true));
        method(t, "index", (in, a, k) -> {
            int i = find(a, false);
            if (i < 0) {
                throw PyException.valueError("substring not found");
            }
            return (long) i;
        });
        method(t, "rindex", (in, a, k) -> {
            int i = find(a, true);
            if (i < 0) {
                throw PyException.valueError("substring not found");
            }
            return (long) i;
        });
        method(t, "count", (in, a, k) -> {
            if (a.length < 2) {
                throw PyException.typeError("count() takes at least 1 argument (0 given)");
            }
            String s = self(a[0]);
            String sub = Args.string("must be str", a[1]);
            if (sub.isEmpty()) {
                return (long) s.length() + 1;
            }
            long n = 0;
            for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
                n++;
            }
            return n;
        });
        method(t, "format", (in, a, k) -> StrFormat.format(in, self(a[0]), rest(a), k));
        method0(t, "isdigit", (in, a, k) -> all(self(a[0]), Character::isDigit));
        method0(t, "isdecimal", (in, a, k) -> all(self(a[0]), Character::isDigit));
        method0(t, "isnumeric", (in, a, k) -> all(self(a[0]), Character::isDigit));
        method0(t, "isalpha", (in, a, k) -> all(self(a[0]), Character::isLetter));
        method0(t, "isalnum", (in, a, k) -> all(self(a[0]), Character::isLetterOrDigit));
        method0(t, "isspace", (in, a, k) -> all(self(a[0]), Character::isWhitespace));
        method0(t, "isupper", (in, a, k) -> cased(self(a[0]), true));
        method0(t, "islower", (in, a, k) -> cased(self(a[0]), false));
        method0(t, "isidentifier", (in, a, k) -> self(a[0]).matches("[\\p{L}_][\\p{L}\\p{N}_]*"));
        method(t, "center", (in, a, k) -> justify(in, a, '^'));
        method(t, "ljust", (in, a, k) -> justify(in, a, '<'));
        method(t, "rjust", (in, a, k) -> justify(in, a, '>'));
        method(t, "zfill", (in, a, k) -> {
            String s = self(a[0]);
            int width = (int) Ops.index(a[1]);
            if (s.length() >= width) {
                return s;
            }
            in.budget().allocate(2L * width);
            boolean signed = s.startsWith("-") || s.startsWith("+");
            String body = signed ? s.substring(1) : s;
            return (signed ? s.substring(0, 1) : "") + "0".repeat(width - s.length()) + body;
        });
        method(t, "partition", (in, a, k) -> partition(a, false));
        method(t, "rpartition", (in, a, k) -> partition(a, true));
        method(t, "removeprefix", (in, a, k) -> {
            String s = self(a[0]);
            String p = Args.string("removeprefix() argument", a[1]);
            return s.startsWith(p) ? s.substring(p.length()) : s;
        });
        method(t, "removesuffix", (in, a, k) -> {
            String s = self(a[0]);
            String p = Args.string("removesuffix() argument", a[1]);
            return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
        });
        method(t, "encode", (in, a, k) -> {
            throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "bytes are not supported in OptimLab");
        });
    }

    private static String insertEverywhere(String s, String rep) {
        StringBuilder sb = new StringBuilder(rep);
        for (char c : s.toCharArray()) {
            sb.append(c).append(rep);
        }
        return sb.toString();
    }

    private static boolean all(String s, java.util.function.IntPredicate p) {
        return !s.isEmpty() && s.chars().allMatch(p);
    }

    private static boolean cased(String s, boolean upper) {
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (upper ? Character.isLowerCase(c) : Character.isUpperCase(c)) {
                return false;
            }
            if (Character.isLetter(c) && (upper ? Character.isUpperCase(c) : Character.isLowerCase(c))) {
                any = true;
            }
        }
        return any;
    }

    private static String strip(Object[] a, boolean left, boolean right) {
        String s = self(a[0]);
        String chars = a.length > 1 && a[1] != Py.NONE ? Args.string("strip arg", a[1]) : null;
        int start = 0;
        int end = s.length();
        while (left && start < end && (chars == null ? Character.isWhitespace(s.charAt(start))
                : chars.indexOf(s.charAt(start)) >= 0)) {
            start++;
        }
        while (right && end > start && (chars == null ? Character.isWhitespace(s.charAt(end - 1))
                : chars.indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static PyList split(Interpreter in, Object[] a, Map<String, Object> k, boolean fromRight) {
        String s = self(a[0]);
        Object sepArg = a.length > 1 ? a[1] : Args.keyword(k, "sep", Py.NONE);
        long max = Ops.index(a.length > 2 ? a[2] : Args.keyword(k, "maxsplit", -1L));
        List<Object> out = new ArrayList<>();
        if (sepArg == Py.NONE) {
            List<String> words = new ArrayList<>();
            int i = fromRight ? s.length() : 0;
            if (!fromRight) {
                while (i < s.length()) {
                    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                        i++;
                    }
                    if (i >= s.length()) {
                        break;
                    }
                    if (max >= 0 && words.size() >= max) {
                        words.add(s.substring(i).stripTrailing());
                        break;
                    }
                    int j = i;
                    while (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    words.add(s.substring(i, j));
                    i = j;
                }
            } else {
                while (i > 0) {
                    while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                        i--;
                    }
                    if (i <= 0) {
                        break;
                    }
                    if (max >= 0 && words.size() >= max) {
                        words.add(s.substring(0, i).stripLeading());
                        break;
                    }
                    int j = i;
                    while (j > 0 && !Character.isWhitespace(s.charAt(j - 1))) {
                        j--;
                    }
                    words.add(s.substring(j, i));
                    i = j;
                }
                Collections.reverse(words);
            }
            out.addAll(words);
        } else {
            String sep = Args.string("must be str or None", sepArg);
            if (sep.isEmpty()) {
                throw PyException.valueError("empty separator");
            }
            List<String> parts = new ArrayList<>();
            if (!fromRight) {
                int from = 0;
                while (true) {
                    int at = s.indexOf(sep, from);
                    if (at < 0 || (max >= 0 && parts.size() >= max)) {
                        parts.add(s.substring(from));
                        break;
                    }
                    parts.add(s.substring(from, at));
                    from = at + sep.length();
                }
            } else {
                int to = s.length();
                while (true) {
                    int at = s.lastIndexOf(sep, to - sep.length());
                    if (at < 0 || (max >= 0 && parts.size() >= max) || to - sep.length() < 0) {
                        parts.add(s.substring(0, to));
                        break;
                    }
                    parts.add(s.substring(at + sep.length(), to));
                    to = at;
                }
                Collections.reverse(parts);
            }
            out.addAll(parts);
        }
        in.budget().allocate(8L * out.size() + 2L * s.length());
        return new PyList(out);
    }

    private static boolean affix(Object[] a, boolean prefix) {
        String s = self(a[0]);
        int start = a.length > 2 ? (int) Math.max(0, Math.min(s.length(), norm(Ops.index(a[2]), s.length()))) : 0;
        int end = a.length > 3 ? (int) Math.max(start, Math.min(s.length(), norm(Ops.index(a[3]), s.length()))) : s.length();
        String region = s.substring(start, Math.max(start, end));
        Object spec = a[1];
        if (spec instanceof PyTuple tuple) {
            for (Object o : tuple.items()) {
                String p = Args.string("tuple for " + (prefix ? "startswith" : "endswith"), o);
                if (prefix ? region.startsWith(p) : region.endsWith(p)) {
                    return true;
                }
            }
            return false;
        }
        if (!(spec instanceof String p)) {
            throw PyException.typeError((prefix ? "startswith" : "endswith") + " first arg must be str or a tuple of str, "
                    + "not " + Py.typeName(spec));
        }
        return prefix ? region.startsWith(p) : region.endsWith(p);
    }

    private static long norm(long i, int len) {
        return i < 0 ? Math.max(0, i + len) : i;
    }

    private static int find(Object[] a, boolean last) {
        String s = self(a[0]);
        String sub = Args.string("must be str", a[1]);
        int start = a.length > 2 && a[2] != Py.NONE ? (int) Math.min(s.length(), norm(Ops.index(a[2]), s.length())) : 0;
        int end = a.length > 3 && a[3] != Py.NONE ? (int) Math.min(s.length(), norm(Ops.index(a[3]), s.length()))
                : s.length();
        if (end < start) {
            return -1;
        }
        String region = s.substring(start, end);
        int i = last ? region.lastIndexOf(sub) : region.indexOf(sub);
        return i < 0 ? -1 : i + start;
    }

    private static String justify(Interpreter in, Object[] a, char align) {
        String s = self(a[0]);
        int width = (int) Ops.index(a[1]);
        String fill = a.length > 2 ? Args.string("fill character", a[2]) : " ";
        if (fill.length() != 1) {
            throw PyException.typeError("The fill character must be exactly one character long");
        }
        if (width <= s.length()) {
            return s;
        }
        in.budget().allocate(2L * width);
        int pad = width - s.length();
        return switch (align) {
            case '<' -> s + fill.repeat(pad);
            case '>' -> fill.repeat(pad) + s;
            default -> {
                int left = pad / 2 + (pad & width & 1);
                yield fill.repeat(left) + s + fill.repeat(pad - left);
            }
        };
    }

    private static PyTuple partition(Object[] a, boolean last) {
        String s = self(a[0]);
        String sep = Args.string("must be str", a[1]);
        if (sep.isEmpty()) {
            throw PyException.valueError("empty separator");
        }
        int i = last ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) {
            return last ? new PyTuple("", "", s) : new PyTuple(s, "", "");
        }
        return new PyTuple(s.substring(0, i), sep, s.substring(i + sep.length()));
    }
}
