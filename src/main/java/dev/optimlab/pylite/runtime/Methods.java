package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Methods of the built-in types (str, list, dict, set, tuple, int, float, object, BaseException);
 * mirrors the method tables of CPython's Objects/unicodeobject.c, listobject.c, dictobject.c and
 * setobject.c for the methods learners use.
 */
final class Methods {
    private Methods() {
    }

    private static void method(PyType type, String name, PyBuiltinFunction.Body body) {
        type.dict().put(name, PyBuiltinFunction.method(name, body));
    }

    /** A method that takes no arguments besides self, with CPython's error when given some. */
    private static void method0(PyType type, String name, PyBuiltinFunction.Body body) {
        method(type, name, (in, a, k) -> {
            if (a.length != 1) {
                throw PyException.typeError(type.name() + "." + name + "() takes no arguments (" + (a.length - 1)
                        + " given)");
            }
            return body.call(in, a, k);
        });
    }

    private static Object[] rest(Object[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    static void install() {
        installObject();
        installStr();
        installList();
        installDict();
        installSet();
        installTuple();
        installNumbers();
        installOperatorMethods();
    }

    /** The dunder methods of built-in types, for code that calls them directly (key=lst.__getitem__). */
    private static void installOperatorMethods() {
        for (PyType t : new PyType[] {PyType.STR, PyType.LIST, PyType.TUPLE, PyType.DICT, PyType.RANGE}) {
            method(t, "__getitem__", (in, a, k) -> Ops.getItem(in, a[0], a[1]));
            method(t, "__len__", (in, a, k) -> Ops.len(in, a[0]));
            method(t, "__iter__", (in, a, k) -> Ops.iter(in, a[0]));
        }
        for (PyType t : new PyType[] {PyType.STR, PyType.LIST, PyType.TUPLE, PyType.DICT, PyType.SET}) {
            method(t, "__contains__", (in, a, k) -> Ops.contains(in, a[0], a[1]));
        }
        method(PyType.LIST, "__setitem__", (in, a, k) -> {
            Ops.setItem(in, a[0], a[1], a[2]);
            return Py.NONE;
        });
        method(PyType.DICT, "__setitem__", (in, a, k) -> {
            Ops.setItem(in, a[0], a[1], a[2]);
            return Py.NONE;
        });
        String[][] binary = {{"__add__", "+"}, {"__sub__", "-"}, {"__mul__", "*"}, {"__truediv__", "/"},
            {"__floordiv__", "//"}, {"__mod__", "%"}, {"__pow__", "**"}};
        for (PyType t : new PyType[] {PyType.INT, PyType.FLOAT}) {
            for (String[] op : binary) {
                method(t, op[0], (in, a, k) -> Operators.binary(in, op[1], a[0], a[1]));
            }
            method(t, "__neg__", (in, a, k) -> Operators.unary(in, "-", a[0]));
            method(t, "__abs__", (in, a, k) -> in.call(Builtins.table().get("abs"), new Object[] {a[0]}, null));
        }
        method(PyType.STR, "__add__", (in, a, k) -> Operators.binary(in, "+", a[0], a[1]));
        method(PyType.LIST, "__add__", (in, a, k) -> Operators.binary(in, "+", a[0], a[1]));
        String[][] comparisons = {{"__eq__", "=="}, {"__ne__", "!="}, {"__lt__", "<"}, {"__le__", "<="},
            {"__gt__", ">"}, {"__ge__", ">="}};
        for (PyType t : new PyType[] {PyType.INT, PyType.FLOAT, PyType.STR, PyType.LIST, PyType.TUPLE}) {
            for (String[] op : comparisons) {
                method(t, op[0], (in, a, k) -> Comparisons.compare(in, op[1], a[0], a[1]));
            }
        }
    }

    private static void installObject() {
        method(PyType.OBJECT, "__init__", (in, a, k) -> {
            if (a.length > 1 && a[0] instanceof PyInstance inst && !(inst instanceof PyBaseException)
                    && !inst.hasSpecial("__init__")) {
                throw PyException.typeError(inst.pyType().name() + "() takes no arguments");
            }
            return Py.NONE;
        });
        method(PyType.OBJECT, "__repr__", (in, a, k) -> a[0] instanceof PyInstance i
                ? "<" + (i.pyType().module().equals("builtins") ? "" : i.pyType().module() + ".") + i.pyType().qualname()
                + " object at " + in.fakeAddress(i) + ">" : Ops.repr(in, a[0]));
        method(PyType.OBJECT, "__str__", (in, a, k) -> Ops.str(in, a[0]));
        method(PyType.BASE_EXCEPTION, "__init__", (in, a, k) -> {
            ((PyBaseException) a[0]).setArgs(rest(a));
            return Py.NONE;
        });
        method(PyType.BASE_EXCEPTION, "with_traceback", (in, a, k) -> a[0]);
    }

    // ---- str

    private static String self(Object o) {
        return (String) o;
    }

    private static void installStr() {
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

    // ---- list

    private static PyList list(Object o) {
        return (PyList) o;
    }

    private static void installList() {
        PyType t = PyType.LIST;
        method(t, "append", (in, a, k) -> {
            Args.exactly("list.append", rest(a), 1);
            in.budget().allocate(8);
            list(a[0]).items().add(a[1]);
            return Py.NONE;
        });
        method(t, "extend", (in, a, k) -> {
            Args.exactly("list.extend", rest(a), 1);
            List<Object> extra = Ops.toList(in, a[1]);
            in.budget().allocate(8L * extra.size());
            list(a[0]).items().addAll(extra);
            return Py.NONE;
        });
        method(t, "insert", (in, a, k) -> {
            if (a.length != 3) {
                throw PyException.typeError("insert expected 2 arguments, got " + (a.length - 1));
            }
            List<Object> items = list(a[0]).items();
            long i = Ops.index(a[1]);
            int n = items.size();
            int at = (int) (i < 0 ? Math.max(0, i + n) : Math.min(i, n));
            in.budget().allocate(8);
            items.add(at, a[2]);
            return Py.NONE;
        });
        method(t, "pop", (in, a, k) -> {
            List<Object> items = list(a[0]).items();
            if (items.isEmpty()) {
                throw PyException.indexError("pop from empty list");
            }
            long i = a.length > 1 ? Ops.index(a[1]) : -1;
            long j = i < 0 ? i + items.size() : i;
            if (j < 0 || j >= items.size()) {
                throw PyException.indexError("pop index out of range");
            }
            return items.remove((int) j);
        });
        method(t, "remove", (in, a, k) -> {
            List<Object> items = list(a[0]).items();
            for (int i = 0; i < items.size(); i++) {
                if (Ops.eq(in, items.get(i), a[1])) {
                    items.remove(i);
                    return Py.NONE;
                }
            }
            throw PyException.valueError("list.remove(x): x not in list");
        });
        method(t, "index", (in, a, k) -> {
            List<Object> items = list(a[0]).items();
            for (int i = 0; i < items.size(); i++) {
                if (Ops.eq(in, items.get(i), a[1])) {
                    return (long) i;
                }
            }
            throw PyException.valueError(Ops.repr(in, a[1]) + " is not in list");
        });
        method(t, "count", (in, a, k) -> {
            if (a.length != 2) {
                throw PyException.typeError("list.count() takes exactly one argument (" + (a.length - 1) + " given)");
            }
            return count(in, list(a[0]).items(), a[1]);
        });
        method0(t, "clear", (in, a, k) -> {
            list(a[0]).items().clear();
            return Py.NONE;
        });
        method0(t, "copy", (in, a, k) -> {
            in.budget().allocate(8L * list(a[0]).items().size());
            return new PyList(new ArrayList<>(list(a[0]).items()));
        });
        method(t, "reverse", (in, a, k) -> {
            Collections.reverse(list(a[0]).items());
            return Py.NONE;
        });
        method(t, "sort", (in, a, k) -> {
            if (a.length > 1) {
                throw PyException.typeError("sort() takes no positional arguments");
            }
            Args.onlyKeywords("sort", k, "key", "reverse");
            Builtins.sort(in, list(a[0]).items(), Args.keyword(k, "key", Py.NONE),
                    Ops.index(Args.keyword(k, "reverse", false)) != 0);
            return Py.NONE;
        });
    }

    private static long count(Interpreter in, List<Object> items, Object x) {
        long n = 0;
        for (Object o : items) {
            if (Ops.eq(in, o, x)) {
                n++;
            }
        }
        return n;
    }

    // ---- tuple

    private static void installTuple() {
        PyType t = PyType.TUPLE;
        method(t, "count", (in, a, k) -> {
            if (a.length != 2) {
                throw PyException.typeError("tuple.count() takes exactly one argument (" + (a.length - 1) + " given)");
            }
            return count(in, List.of(((PyTuple) a[0]).items()), a[1]);
        });
        method(t, "index", (in, a, k) -> {
            Object[] items = ((PyTuple) a[0]).items();
            for (int i = 0; i < items.length; i++) {
                if (Ops.eq(in, items[i], a[1])) {
                    return (long) i;
                }
            }
            throw PyException.valueError("tuple.index(x): x not in tuple");
        });
    }

    // ---- dict

    private static PyDict dict(Object o) {
        return (PyDict) o;
    }

    static void update(Interpreter in, PyDict d, Object source) {
        if (source instanceof PyDict other) {
            d.map().putAll(other.map());
            return;
        }
        int i = 0;
        for (Object item : Ops.toList(in, source)) {
            List<Object> pair;
            try {
                pair = Ops.toList(in, item);
            } catch (PyException e) {
                throw PyException.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            if (pair.size() != 2) {
                throw PyException.valueError("dictionary update sequence element #" + i + " has length " + pair.size()
                        + "; 2 is required");
            }
            d.setItem(in, pair.get(0), pair.get(1));
            i++;
        }
    }

    private static void installDict() {
        PyType t = PyType.DICT;
        method(t, "keys", (in, a, k) -> new DictView(dict(a[0]), DictView.Kind.KEYS));
        method(t, "values", (in, a, k) -> new DictView(dict(a[0]), DictView.Kind.VALUES));
        method(t, "items", (in, a, k) -> new DictView(dict(a[0]), DictView.Kind.ITEMS));
        method(t, "get", (in, a, k) -> {
            Args.range("get", rest(a), 1, 2);
            Object v = dict(a[0]).get(in, a[1]);
            return v != null ? v : a.length > 2 ? a[2] : Py.NONE;
        });
        method(t, "pop", (in, a, k) -> {
            Args.range("pop", rest(a), 1, 2);
            Object v = dict(a[0]).map().remove(new Key(in, a[1]));
            if (v != null) {
                return v;
            }
            if (a.length > 2) {
                return a[2];
            }
            throw PyException.keyError(a[1]);
        });
        method(t, "popitem", (in, a, k) -> {
            Map<Key, Object> m = dict(a[0]).map();
            if (m.isEmpty()) {
                throw PyException.keyError("popitem(): dictionary is empty");
            }
            Key last = null;
            for (Key key : m.keySet()) {
                last = key;
            }
            Object v = m.remove(last);
            return new PyTuple(last.value(), v);
        });
        method(t, "setdefault", (in, a, k) -> {
            PyDict d = dict(a[0]);
            Object v = d.get(in, a[1]);
            if (v != null) {
                return v;
            }
            Object dflt = a.length > 2 ? a[2] : Py.NONE;
            d.setItem(in, a[1], dflt);
            return dflt;
        });
        method(t, "update", (in, a, k) -> {
            PyDict d = dict(a[0]);
            if (a.length > 1) {
                update(in, d, a[1]);
            }
            if (k != null) {
                for (Map.Entry<String, Object> e : k.entrySet()) {
                    d.setItem(in, e.getKey(), e.getValue());
                }
            }
            return Py.NONE;
        });
        method(t, "clear", (in, a, k) -> {
            dict(a[0]).map().clear();
            return Py.NONE;
        });
        method(t, "copy", (in, a, k) -> {
            PyDict out = new PyDict();
            in.budget().allocate(48L * dict(a[0]).size());
            out.map().putAll(dict(a[0]).map());
            return out;
        });
        t.dict().put("fromkeys", new PyClassMethod(PyBuiltinFunction.function("fromkeys", (in, a, k) -> {
            PyDict out = new PyDict();
            Object value = a.length > 2 ? a[2] : Py.NONE;
            for (Object key : Ops.toList(in, a[1])) {
                out.setItem(in, key, value);
            }
            return out;
        })));
    }

    /** dict_keys, dict_values and dict_items: live views over a dict. */
    static final class DictView implements PyObject {
        enum Kind { KEYS, VALUES, ITEMS }

        private final PyDict dict;
        private final Kind kind;

        DictView(PyDict dict, Kind kind) {
            this.dict = dict;
            this.kind = kind;
        }

        @Override
        public PyType pyType() {
            return PyType.ITERATOR;
        }

        @Override
        public long len(Interpreter in) {
            return dict.size();
        }

        @Override
        public PyIterator iter(Interpreter in) {
            return switch (kind) {
                case KEYS -> Iterators.keys(dict);
                case VALUES -> Iterators.of(dict.map().values().iterator());
                case ITEMS -> Iterators.of(dict.map().entrySet().stream()
                        .map(e -> (Object) new PyTuple(e.getKey().value(), e.getValue())).iterator());
            };
        }

        @Override
        public String repr(Interpreter in) {
            String name = switch (kind) {
                case KEYS -> "dict_keys";
                case VALUES -> "dict_values";
                case ITEMS -> "dict_items";
            };
            return name + "(" + new PyList(Ops.toList(in, this)).repr(in) + ")";
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return null;
        }

        @Override
        public boolean pyEquals(Interpreter in, Object other) {
            if (other instanceof DictView v && kind != Kind.VALUES && v.kind == kind) {
                return toSet(in).pyEquals(in, v.toSet(in));
            }
            return this == other;
        }

        private PySet toSet(Interpreter in) {
            PySet s = new PySet();
            for (Object o : Ops.toList(in, this)) {
                s.add(in, o);
            }
            return s;
        }
    }

    // ---- set

    private static PySet set(Object o) {
        return (PySet) o;
    }

    private static PySet asSet(Interpreter in, Object o) {
        if (o instanceof PySet s) {
            return s;
        }
        PySet s = new PySet();
        s.update(in, o);
        return s;
    }

    private static void installSet() {
        PyType t = PyType.SET;
        method(t, "add", (in, a, k) -> {
            Args.exactly("set.add", rest(a), 1);
            in.budget().allocate(16);
            set(a[0]).add(in, a[1]);
            return Py.NONE;
        });
        method(t, "remove", (in, a, k) -> {
            Args.exactly("set.remove", rest(a), 1);
            if (!set(a[0]).discard(in, a[1])) {
                throw PyException.keyError(a[1]);
            }
            return Py.NONE;
        });
        method(t, "discard", (in, a, k) -> {
            Args.exactly("set.discard", rest(a), 1);
            set(a[0]).discard(in, a[1]);
            return Py.NONE;
        });
        method(t, "pop", (in, a, k) -> {
            Object v = set(a[0]).pop();
            if (v == null) {
                throw PyException.keyError("pop from an empty set");
            }
            return v;
        });
        method(t, "clear", (in, a, k) -> {
            set(a[0]).clear();
            return Py.NONE;
        });
        method(t, "copy", (in, a, k) -> set(a[0]).copy(in));
        method(t, "union", (in, a, k) -> {
            PySet result = set(a[0]).copy(in);
            for (int i = 1; i < a.length; i++) {
                result.update(in, a[i]);
            }
            return result;
        });
        method(t, "intersection", (in, a, k) -> {
            PySet result = a.length == 1 ? set(a[0]).copy(in) : set(a[0]);
            for (int i = 1; i < a.length; i++) {
                result = result.intersection(in, a[i]);
            }
            return result;
        });
        method(t, "difference", (in, a, k) -> {
            if (a.length == 1) {
                return set(a[0]).copy(in);
            }
            PySet result = set(a[0]).difference(in, a[1]);
            for (int i = 2; i < a.length; i++) {
                for (Object v : Ops.toList(in, a[i])) {
                    result.discard(in, v);
                }
            }
            return result;
        });
        method(t, "symmetric_difference", (in, a, k) -> {
            Args.exactly("set.symmetric_difference", rest(a), 1);
            return set(a[0]).symmetricDifference(in, a[1]);
        });
        method(t, "issubset", (in, a, k) -> set(a[0]).isSubsetOf(in, asSet(in, a[1])));
        method(t, "issuperset", (in, a, k) -> asSet(in, a[1]).isSubsetOf(in, set(a[0])));
        method(t, "isdisjoint", (in, a, k) -> set(a[0]).intersection(in, asSet(in, a[1])).size() == 0);
        method(t, "update", (in, a, k) -> {
            for (int i = 1; i < a.length; i++) {
                set(a[0]).update(in, a[i]);
            }
            return Py.NONE;
        });
    }

    // ---- numbers

    private static void installNumbers() {
        method0(PyType.INT, "bit_length", (in, a, k) -> (long) Py.big(a[0]).abs().bitLength());
        method(PyType.INT, "conjugate", (in, a, k) -> a[0]);
        method(PyType.INT, "is_integer", (in, a, k) -> true);
        method0(PyType.FLOAT, "is_integer", (in, a, k) -> {
            double d = (Double) a[0];
            return !Double.isInfinite(d) && d == Math.rint(d);
        });
        method(PyType.FLOAT, "conjugate", (in, a, k) -> a[0]);
        method(PyType.FLOAT, "as_integer_ratio", (in, a, k) -> {
            double d = (Double) a[0];
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw Double.isNaN(d) ? PyException.valueError("cannot convert NaN to integer ratio")
                        : PyException.overflow("cannot convert Infinity to integer ratio");
            }
            java.math.BigDecimal b = new java.math.BigDecimal(d);
            java.math.BigInteger num = b.unscaledValue();
            java.math.BigInteger den = java.math.BigInteger.TEN.pow(Math.max(0, b.scale()));
            if (b.scale() < 0) {
                num = num.multiply(java.math.BigInteger.TEN.pow(-b.scale()));
            }
            java.math.BigInteger g = num.gcd(den);
            return new PyTuple(Py.normalize(num.divide(g)), Py.normalize(den.divide(g)));
        });
    }
}
