package dev.optimlab.pylite.runtime;

import dev.optimlab.torch.PythonFloatFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float repr and the format-spec mini-language; mirrors CPython's Python/pystrtod.c (float_repr_style
 * 'short') and Python/formatter_unicode.c. Rounding is done on the exact binary value with
 * round-half-even, which is what CPython's dtoa does.
 */
public final class Formatter {
    private Formatter() {
    }

    /** {@code repr(float)}: shortest round-tripping digits, exponent form below 1e-4 and from 1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        Digits dg = shortest(Math.abs(d));
        String sign = d < 0 ? "-" : "";
        int exp10 = dg.point - 1;
        if (exp10 >= -4 && exp10 < 16) {
            return sign + fixed(dg.digits, dg.point, true);
        }
        return sign + scientific(dg.digits, exp10, false);
    }

    /** Decimal digits without leading/trailing zeros; value = 0.DIGITS x 10^point. */
    private record Digits(String digits, int point) { }

    private static Digits shortest(double abs) {
        Digits d = javaDigits(abs);
        if (d.digits.length() == 2) {
            Digits one = oneDigit(abs, d);
            if (one != null) {
                return one;
            }
        }
        return d;
    }

    /** Java prints at least two significant digits; CPython prints one when one round-trips (5e-324, 1e+23). */
    private static Digits oneDigit(double abs, Digits two) {
        if (!PythonFloatFormat.oneDigitMayRoundTrip(two.digits, two.point, abs)) {
            return null;
        }
        BigDecimal exact = new BigDecimal(abs);
        Digits best = null;
        BigDecimal bestError = null;
        int first = two.digits.charAt(0) - '0';
        for (int candidate = first; candidate <= first + 1; candidate++) {
            Digits d = candidate == 10 ? new Digits("1", two.point + 1) : new Digits(String.valueOf(candidate), two.point);
            if (d.digits.equals("0")) {
                continue;
            }
            BigDecimal value = new BigDecimal(new java.math.BigInteger(d.digits), -(d.point - 1));
            if (value.doubleValue() == abs) {
                BigDecimal error = value.subtract(exact).abs();
                if (best == null || error.compareTo(bestError) < 0) {
                    best = d;
                    bestError = error;
                }
            }
        }
        return best;
    }

    private static Digits javaDigits(double abs) {
        String s = Double.toString(abs);
        int e = s.indexOf('E');
        int exponent = 0;
        if (e >= 0) {
            exponent = Integer.parseInt(s.substring(e + 1));
            s = s.substring(0, e);
        }
        int dot = s.indexOf('.');
        String digits = s.substring(0, dot) + s.substring(dot + 1);
        int point = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        point -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(digits.substring(0, end), point);
    }

    private static String fixed(String digits, int point, boolean forceDot) {
        StringBuilder sb = new StringBuilder();
        if (point <= 0) {
            sb.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            sb.append(digits).append("0".repeat(point - digits.length()));
            if (forceDot) {
                sb.append(".0");
            }
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return sb.toString();
    }

    private static String scientific(String digits, int exp10, boolean upper) {
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append(upper ? 'E' : 'e').append(exp10 < 0 ? '-' : '+');
        int a = Math.abs(exp10);
        if (a < 10) {
            sb.append('0');
        }
        return sb.append(a).toString();
    }

    /** A parsed format spec: CPython's InternalFormatSpec. */
    private static final class Spec {
        char fill = ' ';
        char align = 0;
        char sign = 0;
        boolean noNegZero;
        boolean alternate;
        int width = -1;
        char grouping = 0;
        int precision = -1;
        char type = 0;
    }

    private static Spec parse(String s) {
        Spec spec = new Spec();
        int i = 0;
        int n = s.length();
        if (n >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) {
            spec.fill = s.charAt(0);
            spec.align = s.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(s.charAt(0)) >= 0) {
            spec.align = s.charAt(0);
            i = 1;
        }
        if (i < n && "+- ".indexOf(s.charAt(i)) >= 0) {
            spec.sign = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == 'z') {
            spec.noNegZero = true;
            i++;
        }
        if (i < n && s.charAt(i) == '#') {
            spec.alternate = true;
            i++;
        }
        if (i < n && s.charAt(i) == '0') {
            if (spec.align == 0) {
                spec.fill = '0';
                spec.align = '=';
            }
            i++;
        }
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            spec.width = Integer.parseInt(s.substring(start, i));
        }
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            spec.grouping = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw PyException.valueError("Format specifier missing precision");
            }
            spec.precision = Integer.parseInt(s.substring(start, i));
        }
        if (i < n) {
            spec.type = s.charAt(i++);
        }
        if (i < n) {
            throw PyException.valueError("Invalid format specifier");
        }
        if (spec.width > 100_000 || spec.precision > 100_000) {
            throw PyException.valueError("Too many decimal digits in format string");
        }
        return spec;
    }

    /** {@code format(value, spec)} for built-in values. */
    public static String format(Interpreter in, Object value, String specText) {
        if (value instanceof Boolean b && specText.isEmpty()) {
            return b ? "True" : "False";
        }
        if (Py.isInt(value)) {
            return formatInt(Py.big(value), specText);
        }
        if (value instanceof Double d) {
            return formatFloat(d, specText);
        }
        if (value instanceof String str) {
            return formatString(str, specText);
        }
        if (value instanceof PyInstance inst && inst.pyType().lookup("__format__") != null) {
            Object r = in.call(inst.getAttr(in, "__format__"), new Object[] {specText}, null);
            return (String) r;
        }
        if (!specText.isEmpty()) {
            throw PyException.typeError("unsupported format string passed to " + Py.typeName(value) + ".__format__");
        }
        return Ops.str(in, value);
    }

    static String formatString(String str, String specText) {
        if (specText.isEmpty()) {
            return str;
        }
        Spec spec = parse(specText);
        if (spec.type != 0 && spec.type != 's') {
            throw PyException.valueError("Unknown format code '" + spec.type + "' for object of type 'str'");
        }
        if (spec.sign != 0) {
            throw PyException.valueError("Sign not allowed in string format specifier");
        }
        if (spec.alternate) {
            throw PyException.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.align == '=') {
            throw PyException.valueError("'=' alignment not allowed in string format specifier");
        }
        if (spec.grouping != 0) {
            throw PyException.valueError("Cannot specify '" + spec.grouping + "' with 's'.");
        }
        if (spec.precision >= 0 && str.length() > spec.precision) {
            str = str.substring(0, spec.precision);
        }
        return pad("", str, spec, '<');
    }

    static String formatInt(BigInteger v, String specText) {
        if (specText.isEmpty()) {
            return NumberOps.intToString(v);
        }
        Spec spec = parse(specText);
        char type = spec.type == 0 ? 'd' : spec.type;
        if ("eEfFgG%".indexOf(type) >= 0) {
            return formatFloatSpec(v.doubleValue(), spec);
        }
        if (spec.precision >= 0) {
            throw PyException.valueError("Precision not allowed in integer format specifier");
        }
        String digits;
        String prefix = "";
        int groupSize = 3;
        switch (type) {
            case 'd', 'n' -> digits = v.abs().toString();
            case 'b' -> {
                digits = v.abs().toString(2);
                prefix = spec.alternate ? "0b" : "";
                groupSize = 4;
            }
            case 'o' -> {
                digits = v.abs().toString(8);
                prefix = spec.alternate ? "0o" : "";
                groupSize = 4;
            }
            case 'x', 'X' -> {
                digits = v.abs().toString(16);
                if (type == 'X') {
                    digits = digits.toUpperCase();
                }
                prefix = spec.alternate ? (type == 'X' ? "0X" : "0x") : "";
                groupSize = 4;
            }
            case 'c' -> {
                if (spec.sign != 0) {
                    throw PyException.valueError("Sign not allowed with integer format specifier 'c'");
                }
                return pad("", new String(Character.toChars(v.intValueExact())), spec, '>');
            }
            default -> throw PyException.valueError("Unknown format code '" + type + "' for object of type 'int'");
        }
        if (spec.grouping == ',' && type != 'd' && type != 'n') {
            throw PyException.valueError("Cannot specify ',' with '" + type + "'.");
        }
        String sign = signOf(v.signum() < 0, spec);
        return numeric(sign + prefix, digits, "", spec, groupSize);
    }

    private static String signOf(boolean negative, Spec spec) {
        if (negative) {
            return "-";
        }
        return spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
    }

    /** Pads a number, inserting grouping separators and, for '0' fill, zeros that are grouped too. */
    private static String numeric(String signAndPrefix, String intDigits, String rest, Spec spec, int groupSize) {
        if (spec.grouping == 0) {
            return pad(signAndPrefix, intDigits + rest, spec, '>');
        }
        if (spec.align == '=' && spec.fill == '0' && spec.width > 0) {
            int minWidth = spec.width - signAndPrefix.length() - rest.length();
            String digits = intDigits;
            String grouped = group(digits, spec.grouping, groupSize);
            while (grouped.length() < minWidth) {
                digits = "0" + digits;
                grouped = group(digits, spec.grouping, groupSize);
            }
            return signAndPrefix + grouped + rest;
        }
        return pad(signAndPrefix, group(intDigits, spec.grouping, groupSize) + rest, spec, '>');
    }

    private static String group(String digits, char sep, int size) {
        StringBuilder sb = new StringBuilder();
        int first = digits.length() % size;
        if (first == 0) {
            first = size;
        }
        sb.append(digits, 0, Math.min(first, digits.length()));
        for (int i = first; i < digits.length(); i += size) {
            sb.append(sep).append(digits, i, i + size);
        }
        return sb.toString();
    }

    private static String pad(String sign, String body, Spec spec, char defaultAlign) {
        int len = sign.length() + body.length();
        if (spec.width <= len) {
            return sign + body;
        }
        int padding = spec.width - len;
        String fill = String.valueOf(spec.fill);
        char align = spec.align == 0 ? defaultAlign : spec.align;
        return switch (align) {
            case '<' -> sign + body + fill.repeat(padding);
            case '^' -> fill.repeat(padding / 2) + sign + body + fill.repeat(padding - padding / 2);
            case '=' -> sign + fill.repeat(padding) + body;
            default -> fill.repeat(padding) + sign + body;
        };
    }

    static String formatFloat(double d, String specText) {
        if (specText.isEmpty()) {
            return floatRepr(d);
        }
        return formatFloatSpec(d, parse(specText));
    }

    private static String formatFloatSpec(double d, Spec spec) {
        char type = spec.type;
        if (type != 0 && "eEfFgGn%".indexOf(type) < 0) {
            throw PyException.valueError("Unknown format code '" + type + "' for object of type 'float'");
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        double abs = Math.abs(d);
        String body;
        boolean upper = type == 'E' || type == 'F' || type == 'G';
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            body = Double.isNaN(d) ? "nan" : "inf";
            if (upper) {
                body = body.toUpperCase();
            }
            negative = d < 0;
            if (type == '%') {
                body += "%";
            }
            return pad(signOf(negative, spec), body, spec, '>');
        }
        int precision = spec.precision;
        switch (type) {
            case 'f', 'F' -> body = toFixed(abs, precision < 0 ? 6 : precision, spec.alternate);
            case '%' -> body = Double.isInfinite(abs * 100) ? "inf%"
                    : toFixed(abs * 100, precision < 0 ? 6 : precision, spec.alternate) + "%";
            case 'e', 'E' -> body = toExponent(abs, precision < 0 ? 6 : precision, upper, spec.alternate);
            case 'g', 'G', 'n' -> body = toGeneral(abs, precision < 0 ? 6 : precision == 0 ? 1 : precision, upper,
                    spec.alternate, false);
            default -> {
                if (precision < 0) {
                    String r = floatRepr(abs);
                    body = r;
                } else {
                    body = toGeneral(abs, precision == 0 ? 1 : precision, false, spec.alternate, true);
                }
            }
        }
        if (spec.noNegZero && negative && isAllZero(body)) {
            negative = false;
        }
        int split = 0;
        while (split < body.length() && Character.isDigit(body.charAt(split))) {
            split++;
        }
        return numeric(signOf(negative, spec), body.substring(0, split), body.substring(split), spec, 3);
    }

    private static boolean isAllZero(String body) {
        for (char c : body.toCharArray()) {
            if (c >= '1' && c <= '9') {
                return false;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
        }
        return true;
    }

    static String toFixed(double abs, int precision, boolean alternate) {
        String s = PythonFloatFormat.fixedDigits(abs, precision);
        return alternate && precision == 0 ? s + "." : s;
    }

    private static String toExponent(double abs, int precision, boolean upper, boolean alternate) {
        if (abs == 0) {
            String digits = "0".repeat(precision + 1);
            return scientificWithDot(digits, 0, upper, alternate);
        }
        BigDecimal r = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exp10 = digits.length() - 1 - r.scale();
        if (digits.length() < precision + 1) {
            digits = digits + "0".repeat(precision + 1 - digits.length());
        } else if (digits.length() > precision + 1) {
            digits = digits.substring(0, precision + 1);
        }
        return scientificWithDot(digits, exp10, upper, alternate);
    }

    private static String scientificWithDot(String digits, int exp10, boolean upper, boolean alternate) {
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1 || alternate) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append(upper ? 'E' : 'e').append(exp10 < 0 ? '-' : '+');
        int a = Math.abs(exp10);
        if (a < 10) {
            sb.append('0');
        }
        return sb.append(a).toString();
    }

    /** The 'g' presentation; {@code noType} is format's default type with a precision ('' in CPython). */
    private static String toGeneral(double abs, int precision, boolean upper, boolean alternate, boolean noType) {
        int exp10;
        String digits;
        if (abs == 0) {
            exp10 = 0;
            digits = "0";
        } else {
            BigDecimal r = new BigDecimal(abs).round(new MathContext(precision, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().toString();
            exp10 = digits.length() - 1 - r.scale();
        }
        if (!alternate) {
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            digits = digits.substring(0, end);
        } else if (digits.length() < precision) {
            digits = digits + "0".repeat(precision - digits.length());
        }
        // with the default type, a ".0" must fit within the precision (CPython's Py_DTSF_ADD_DOT_0 rule)
        if (exp10 >= -4 && exp10 < (noType ? precision - 1 : precision)) {
            String s = fixed(digits, exp10 + 1, noType);
            if (alternate && !s.contains(".")) {
                s += ".";
            }
            return s;
        }
        return scientificWithDot(digits, exp10, upper, alternate);
    }

    /** {@code str % args} for the conversions learners use: s r a d i f F e E g G x X o c %. */
    public static String percent(Interpreter in, String template, Object args) {
        Object[] values = args instanceof PyTuple t ? t.items() : new Object[] {args};
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int j = i + 1;
            Object mapped = null;
            if (j < template.length() && template.charAt(j) == '(') {
                int close = template.indexOf(')', j);
                if (close < 0) {
                    throw PyException.valueError("incomplete format key");
                }
                if (!(args instanceof PyDict mapping)) {
                    throw PyException.typeError("format requires a mapping");
                }
                mapped = mapping.getItem(in, template.substring(j + 1, close));
                j = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (j < template.length() && "-+ #0".indexOf(template.charAt(j)) >= 0) {
                flags.append(template.charAt(j++));
            }
            int ws = j;
            while (j < template.length() && Character.isDigit(template.charAt(j))) {
                j++;
            }
            String width = template.substring(ws, j);
            String precision = "";
            if (j < template.length() && template.charAt(j) == '.') {
                int ps = ++j;
                while (j < template.length() && Character.isDigit(template.charAt(j))) {
                    j++;
                }
                precision = "." + (j == ps ? "0" : template.substring(ps, j));
            }
            if (j >= template.length()) {
                throw PyException.valueError("incomplete format");
            }
            char conv = template.charAt(j);
            i = j;
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if (mapped == null && next >= values.length) {
                throw PyException.typeError("not enough arguments for format string");
            }
            Object v = mapped != null ? mapped : values[next++];
            String f = flags.toString();
            String align = f.contains("-") ? "<" : "";
            String sign = f.contains("+") ? "+" : f.contains(" ") ? " " : "";
            String piece = switch (conv) {
                case 's' -> Ops.str(in, v);
                case 'r' -> Ops.repr(in, v);
                case 'a' -> Builtins.ascii(Ops.repr(in, v));
                case 'd', 'i', 'u' -> {
                    if (!Py.isInt(v) && !(v instanceof Double)) {
                        throw PyException.typeError("%" + conv + " format: a real number is required, not "
                                + Py.typeName(v));
                    }
                    Object iv = v instanceof Double dd ? Ops.floatToInt(dd) : v;
                    yield formatInt(Py.big(iv), sign + (f.contains("#") ? "#" : "") + "d");
                }
                case 'x', 'X', 'o' -> formatInt(Py.big(v), sign + (f.contains("#") ? "#" : "") + conv);
                case 'c' -> v instanceof String s ? s : new String(Character.toChars((int) Ops.index(v)));
                case 'f', 'F', 'e', 'E', 'g', 'G' -> formatFloatSpec(Ops.toDouble(v),
                        parse(sign + (f.contains("#") ? "#" : "") + (precision.isEmpty() ? ".6" : precision) + conv));
                default -> throw PyException.valueError("unsupported format character '" + conv + "' (0x"
                        + Integer.toHexString(conv) + ") at index " + j);
            };
            if ((conv == 's' || conv == 'r' || conv == 'a') && !precision.isEmpty()) {
                int p = Integer.parseInt(precision.substring(1));
                piece = piece.length() > p ? piece.substring(0, p) : piece;
            }
            if (!width.isEmpty() || !align.isEmpty()) {
                int w = width.isEmpty() ? 0 : Integer.parseInt(width);
                if (piece.length() < w) {
                    if (!align.isEmpty()) {
                        piece = piece + " ".repeat(w - piece.length());
                    } else if (f.contains("0") && conv != 's' && conv != 'r') {
                        boolean signed = piece.startsWith("-") || piece.startsWith("+") || piece.startsWith(" ");
                        String s = signed ? piece.substring(0, 1) : "";
                        String body = signed ? piece.substring(1) : piece;
                        piece = s + "0".repeat(w - piece.length()) + body;
                    } else {
                        piece = " ".repeat(w - piece.length()) + piece;
                    }
                }
            }
            out.append(piece);
        }
        if (next < values.length && !(args instanceof PyDict)) {
            throw PyException.typeError("not all arguments converted during string formatting");
        }
        return out.toString();
    }
}
