package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The warnings of one run, as CPython 3.11's {@code warnings} module ({@code warn_explicit} in Lib/warnings.py and
 * Python/_warnings.c): the filter list with its actions ("error", "ignore", "always", "default", "module",
 * "once"), a registry per module of the (text, category, line) already shown, cleared whenever the filters change,
 * and the once-registry. A shown warning is formatted as {@code warnings.formatwarning} does
 * ({@code main.py:7: UserWarning: message} and the stripped source line) or recorded inside
 * {@code catch_warnings(record=True)}. One instance belongs to one run, so no filter outlives it. The run's
 * {@link Sink} decides where the text goes (stderr for a plain run, a warning event for the app).
 */
public final class Warnings {
    /** Receives each warning shown: its category name, its message and the text CPython would print. */
    @FunctionalInterface
    public interface Sink {
        void warning(String category, String message, String text);
    }

    /**
     * One entry of {@code warnings.filters}: {@code message} and {@code module} are regular expressions matched at
     * the start (the message ignoring case), null to match anything; {@code exactModule} compares the module name
     * whole, as the default filters' plain strings do; {@code lineno} 0 matches any line.
     */
    record Filter(String action, String message, PyType category, String module, boolean exactModule, long lineno) { }

    static final List<String> ACTIONS = List.of("error", "ignore", "always", "default", "module", "once");
    /** CPython 3.11's default filters in a release build, for the warning categories pylite has. */
    private static final List<Filter> DEFAULT_FILTERS = List.of(
            new Filter("default", null, PyType.DEPRECATION_WARNING, "__main__", true, 0),
            new Filter("ignore", null, PyType.DEPRECATION_WARNING, null, false, 0));
    /** Where PyTorch's own warnings come from, for filters that name a module. */
    private static final String HOST_MODULE = "torch";

    private final Interpreter owner;
    private List<Filter> filters = new ArrayList<>(DEFAULT_FILTERS);
    private int filtersVersion;
    private final Map<String, Registry> registries = new HashMap<>();
    private final Set<List<Object>> onceRegistry = new HashSet<>();
    private final Map<String, Pattern> patterns = new HashMap<>();
    private Consumer<WarningMessage> recorder;
    private Sink sink = (category, message, text) -> { };

    Warnings(Interpreter owner) {
        this.owner = owner;
    }

    /** A module's {@code __warningregistry__}: the keys already shown, valid for one version of the filters. */
    private static final class Registry {
        int version;
        final Set<List<Object>> shown = new HashSet<>();
    }

    public void setSink(Sink sink) {
        this.sink = sink;
    }

    /**
     * A warning raised inside a host library (PyTorch): no Python location, so it is registered under the host
     * module at line 0 and, with the default action, shown once per text and category.
     */
    public void warnHost(String category, String message) {
        PyType type = switch (category) {
            case "FutureWarning" -> PyType.FUTURE_WARNING;
            case "DeprecationWarning" -> PyType.DEPRECATION_WARNING;
            case "RuntimeWarning" -> PyType.RUNTIME_WARNING;
            default -> PyType.USER_WARNING;
        };
        warnExplicit(type, null, message, "", 0, HOST_MODULE);
    }

    /** {@code warnings.warn} at a place in the program: {@code module} is "__main__", or "sys" past the outermost frame. */
    void warnAt(PyType category, PyBaseException instance, String text, String filename, int line, String module) {
        warnExplicit(category, instance, text, filename, line, module);
    }

    /** Lib/warnings.py's {@code warn_explicit}: finds the filter's action, then ignores, raises, records or shows. */
    private void warnExplicit(PyType category, PyBaseException instance, String text, String filename, int line,
                              String module) {
        Registry registry = registries.computeIfAbsent(module, m -> new Registry());
        if (registry.version != filtersVersion) {
            registry.shown.clear();
            registry.version = filtersVersion;
        }
        List<Object> key = List.of(text, category, line);
        if (registry.shown.contains(key)) {
            return;
        }
        String action = actionFor(text, category, module, line);
        switch (action) {
            case "ignore" -> {
                return;
            }
            case "error" -> throw new PyException(instance != null ? instance : instantiate(category, text));
            case "once" -> {
                registry.shown.add(key);
                if (!onceRegistry.add(List.of(text, category))) {
                    return;
                }
            }
            case "module" -> {
                registry.shown.add(key);
                if (!registry.shown.add(List.of(text, category, 0))) {
                    return;
                }
            }
            case "default" -> registry.shown.add(key);
            default -> { }
        }
        if (recorder != null) {
            PyBaseException message = instance != null ? instance : instantiate(category, text);
            recorder.accept(new WarningMessage(message, category, filename.isEmpty() ? HOST_MODULE : filename, line));
            return;
        }
        String shown;
        if (filename.isEmpty()) {
            shown = category.name() + ": " + text + "\n";
        } else {
            StringBuilder sb = new StringBuilder(filename).append(':').append(line).append(": ")
                    .append(category.name()).append(": ").append(text).append('\n');
            String source = filename.equals(owner.filename()) ? owner.sourceLine(line).strip() : "";
            if (!source.isEmpty()) {
                sb.append("  ").append(source).append('\n');
            }
            shown = sb.toString();
            owner.budget().output(shown.length());
        }
        sink.warning(category.name(), text, shown);
    }

    /** {@code category(text)}, as warn_explicit makes the warning it raises or records. */
    private PyBaseException instantiate(PyType category, String text) {
        if (owner.call(category, new Object[] {text}, null) instanceof PyBaseException made) {
            return made;
        }
        return PyBaseException.create(category, text);
    }

    private String actionFor(String text, PyType category, String module, int line) {
        for (Filter f : filters) {
            if ((f.message() == null || pattern(f.message(), Pattern.CASE_INSENSITIVE).matcher(metered(text)).lookingAt())
                    && category.isSubtypeOf(f.category())
                    && (f.module() == null || (f.exactModule() ? f.module().equals(module)
                            : pattern(f.module(), 0).matcher(metered(module)).lookingAt()))
                    && (f.lineno() == 0 || f.lineno() == line)) {
                return f.action();
            }
        }
        return "default";
    }

    /** The text a learner's pattern reads, one step per character read, so that backtracking meets the time limit. */
    private CharSequence metered(String text) {
        return new Metered(text, owner.budget());
    }

    private record Metered(CharSequence text, Budget budget) implements CharSequence {
        @Override
        public char charAt(int index) {
            budget.step();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Metered(text.subSequence(start, end), budget);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private Pattern pattern(String regex, int flags) {
        return patterns.computeIfAbsent(flags + ":" + regex, k -> Pattern.compile(regex, flags));
    }

    /** Lib/warnings.py's {@code _add_filter}: a new filter goes first (or last), replacing an equal one. */
    void addFilter(Filter filter, boolean append) {
        if (!append) {
            filters.remove(filter);
            filters.add(0, filter);
        } else if (!filters.contains(filter)) {
            filters.add(filter);
        }
        filtersMutated();
    }

    /** {@code warnings.resetwarnings()}: no filters at all, so every warning takes the "default" action. */
    void reset() {
        filters.clear();
        filtersMutated();
    }

    /** What {@code catch_warnings.__enter__} saves: the filters and where shown warnings go. */
    record Saved(List<Filter> filters, Consumer<WarningMessage> recorder) { }

    Saved save() {
        Saved saved = new Saved(filters, recorder);
        filters = new ArrayList<>(filters);
        filtersMutated();
        return saved;
    }

    void restore(Saved saved) {
        filters = saved.filters();
        recorder = saved.recorder();
        filtersMutated();
    }

    void record(Consumer<WarningMessage> into) {
        recorder = into;
    }

    /** CPython's {@code _filters_mutated}: every module's registry is stale from now on. */
    private void filtersMutated() {
        filtersVersion++;
    }

    /**
     * The {@code warnings} module: {@code warn}, {@code simplefilter}, {@code filterwarnings}, {@code resetwarnings}
     * and {@code catch_warnings}. Every function works on the calling run's {@link Warnings}.
     */
    static PyModule module(Interpreter in) {
        return new PyModule("warnings").function("warn", (i, a, k) -> {
            Args.range("warn", a, 1, 3);
            Args.onlyKeywords("warn", k, "message", "category", "stacklevel");
            Object message = a[0];
            Object category = a.length > 1 ? a[1] : Args.keyword(k, "category", Py.NONE);
            long stacklevel = Ops.index(a.length > 2 ? a[2] : Args.keyword(k, "stacklevel", 1L));
            PyType type;
            PyBaseException instance = null;
            if (message instanceof PyBaseException e && e.type().isSubtypeOf(PyType.WARNING)) {
                type = e.type();
                instance = e;
            } else if (category == Py.NONE) {
                type = PyType.USER_WARNING;
            } else if (category instanceof PyType t && t.isSubtypeOf(PyType.WARNING)) {
                type = t;
            } else {
                throw PyException.typeError("category must be a Warning subclass, not '" + Py.typeName(category) + "'");
            }
            int line = i.callerLine((int) Math.max(1, stacklevel));
            i.warnings().warnAt(type, instance, Ops.str(i, message), line > 0 ? i.filename() : "sys",
                    line > 0 ? line : 1, line > 0 ? "__main__" : "sys");
            return Py.NONE;
        }).function("simplefilter", (i, a, k) -> {
            Args.range("simplefilter", a, 1, 4);
            Args.onlyKeywords("simplefilter", k, "action", "category", "lineno", "append");
            Object[] v = bind(a, k, new String[] {"action", "category", "lineno", "append"},
                    new Object[] {null, PyType.WARNING, 0L, false});
            i.warnings().addFilter(filter(v[0], null, v[1], null, v[2]), Ops.truthy(i, v[3]));
            return Py.NONE;
        }).function("filterwarnings", (i, a, k) -> {
            Args.range("filterwarnings", a, 1, 6);
            Args.onlyKeywords("filterwarnings", k, "action", "message", "category", "module", "lineno", "append");
            Object[] v = bind(a, k, new String[] {"action", "message", "category", "module", "lineno", "append"},
                    new Object[] {null, "", PyType.WARNING, "", 0L, false});
            if (!(v[1] instanceof String)) {
                throw assertion("message must be a string");
            }
            if (!(v[3] instanceof String)) {
                throw assertion("module must be a string");
            }
            i.warnings().addFilter(filter(v[0], v[1], v[2], v[3], v[4]), Ops.truthy(i, v[5]));
            return Py.NONE;
        }).function("resetwarnings", (i, a, k) -> {
            Args.exactly("resetwarnings", a, 0);
            Args.noKeywords("resetwarnings", k);
            i.warnings().reset();
            return Py.NONE;
        }).function("catch_warnings", (i, a, k) -> {
            if (a.length > 0) {
                throw PyException.typeError("catch_warnings.__init__() takes 1 positional argument but "
                        + (a.length + 1) + " were given");
            }
            Args.onlyKeywords("catch_warnings", k, "record", "module", "action", "category", "lineno", "append");
            Object[] v = bind(a, k, new String[] {"record", "module", "action", "category", "lineno", "append"},
                    new Object[] {false, Py.NONE, Py.NONE, PyType.WARNING, 0L, false});
            Filter filter = v[2] == Py.NONE ? null : filter(v[2], null, v[3], null, v[4]);
            return new CatchWarnings(Ops.truthy(i, v[0]), filter, Ops.truthy(i, v[5]));
        });
    }

    /** Each parameter's value: positional, then by keyword, then its default (null when it has none). */
    private static Object[] bind(Object[] args, Map<String, Object> kwargs, String[] names, Object[] defaults) {
        Object[] values = new Object[names.length];
        for (int n = 0; n < names.length; n++) {
            values[n] = n < args.length ? args[n] : Args.keyword(kwargs, names[n], defaults[n]);
        }
        if (values[0] == null) {
            throw PyException.typeError("missing required argument '" + names[0] + "'");
        }
        return values;
    }

    /** A filter from the arguments, with the checks (and AssertionError texts) of Lib/warnings.py. */
    private static Filter filter(Object action, Object message, Object category, Object module, Object lineno) {
        if (!(action instanceof String a) || !ACTIONS.contains(a)) {
            throw assertion("invalid action: " + (action instanceof String s ? Ops.strRepr(s) : String.valueOf(action)));
        }
        if (!(category instanceof PyType type)) {
            throw assertion("category must be a class");
        }
        if (!type.isSubtypeOf(PyType.WARNING)) {
            throw assertion("category must be a Warning subclass");
        }
        if (!(lineno instanceof Long ln) || ln < 0) {
            throw assertion("lineno must be an int >= 0");
        }
        String messageRegex = message == null || ((String) message).isEmpty() ? null : (String) message;
        String moduleRegex = module == null || ((String) module).isEmpty() ? null : (String) module;
        for (String regex : new String[] {messageRegex, moduleRegex}) {
            if (regex != null) {
                try {
                    Pattern.compile(regex);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw PyException.valueError("invalid regular expression: " + Ops.strRepr(regex));
                }
            }
        }
        return new Filter(a, messageRegex, type, moduleRegex, false, ln);
    }

    private static PyException assertion(String message) {
        return PyException.of(PyType.ASSERTION_ERROR, message);
    }
}
