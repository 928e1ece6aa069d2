package dev.optimlab.pylite.runtime;

import java.util.Map;

/**
 * {@code str.format}: replacement fields with automatic or manual numbering, names, attribute and index
 * lookups, conversions and nested format specs; mirrors CPython's Objects/stringlib/unicode_format.h.
 * Attribute lookups go through the normal sandboxed attribute access.
 */
final class StrFormat {
    private StrFormat() {
    }

    static String format(Interpreter in, String template, Object[] args, Map<String, Object> kwargs) {
        return new StrFormat.Run(in, args, kwargs).render(template, 2);
    }

    private static final class Run {
        private final Interpreter in;
        private final Object[] args;
        private final Map<String, Object> kwargs;
        private int auto;
        private boolean manual;

        Run(Interpreter in, Object[] args, Map<String, Object> kwargs) {
            this.in = in;
            this.args = args;
            this.kwargs = kwargs;
        }

        String render(String t, int depth) {
            if (depth < 0) {
                throw PyException.valueError("Max string recursion exceeded");
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c == '{') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '{') {
                        out.append('{');
                        i += 2;
                        continue;
                    }
                    int nesting = 1;
                    int j = i + 1;
                    while (j < t.length() && nesting > 0) {
                        if (t.charAt(j) == '{') {
                            nesting++;
                        } else if (t.charAt(j) == '}') {
                            nesting--;
                        }
                        j++;
                    }
                    if (nesting > 0) {
                        throw PyException.valueError(i + 1 == t.length() ? "Single '{' encountered in format string"
                                : "expected '}' before end of string");
                    }
                    out.append(field(t.substring(i + 1, j - 1), depth));
                    in.budget().step();
                    i = j;
                } else if (c == '}') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '}') {
                        out.append('}');
                        i += 2;
                        continue;
                    }
                    throw PyException.valueError("Single '}' encountered in format string");
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private String field(String body, int depth) {
            String spec = "";
            char conversion = 0;
            int colon = indexOutsideBrackets(body, ':');
            if (colon >= 0) {
                spec = body.substring(colon + 1);
                body = body.substring(0, colon);
            }
            int bang = body.indexOf('!');
            if (bang >= 0) {
                String conv = body.substring(bang + 1);
                if (conv.length() != 1 || "rsa".indexOf(conv.charAt(0)) < 0) {
                    throw PyException.valueError(conv.isEmpty() ? "end of string while looking for conversion specifier"
                            : "Unknown conversion specifier " + conv);
                }
                conversion = conv.charAt(0);
                body = body.substring(0, bang);
            }
            int end = 0;
            while (end < body.length() && body.charAt(end) != '.' && body.charAt(end) != '[') {
                end++;
            }
            String first = body.substring(0, end);
            Object value;
            if (first.isEmpty()) {
                if (manual) {
                    throw PyException.valueError("cannot switch from manual field specification to automatic field"
                            + " numbering");
                }
                value = positional(auto++);
            } else if (first.chars().allMatch(Character::isDigit)) {
                if (auto > 0) {
                    throw PyException.valueError("cannot switch from automatic field numbering to manual field"
                            + " specification");
                }
                manual = true;
                value = positional(Integer.parseInt(first));
            } else {
                value = kwargs == null ? null : kwargs.get(first);
                if (value == null) {
                    throw PyException.keyError(first);
                }
            }
            int i = end;
            while (i < body.length()) {
                if (body.charAt(i) == '.') {
                    int j = i + 1;
                    while (j < body.length() && body.charAt(j) != '.' && body.charAt(j) != '[') {
                        j++;
                    }
                    value = Ops.getAttr(in, value, body.substring(i + 1, j));
                    i = j;
                } else {
                    int j = body.indexOf(']', i);
                    if (j < 0) {
                        throw PyException.valueError("Missing ']' in format string");
                    }
                    String key = body.substring(i + 1, j);
                    Object k = key.chars().allMatch(Character::isDigit) && !key.isEmpty() ? (Object) Long.parseLong(key) : key;
                    value = Ops.getItem(in, value, k);
                    i = j + 1;
                }
            }
            if (conversion == 'r') {
                value = Ops.repr(in, value);
            } else if (conversion == 'a') {
                value = Builtins.ascii(Ops.repr(in, value));
            } else if (conversion == 's') {
                value = Ops.str(in, value);
            }
            if (spec.indexOf('{') >= 0) {
                spec = render(spec, depth - 1);
            }
            return Formatter.format(in, value, spec);
        }

        private Object positional(int index) {
            if (index >= args.length) {
                throw PyException.indexError("Replacement index " + index + " out of range for positional args tuple");
            }
            return args[index];
        }

        private static int indexOutsideBrackets(String s, char target) {
            int depth = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                } else if (c == target && depth == 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
