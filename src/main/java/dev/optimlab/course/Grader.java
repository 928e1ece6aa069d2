package dev.optimlab.course;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import dev.optimlab.pylite.bridge.TraceEntry;
import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Modules;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyBuiltinFunction;
import dev.optimlab.pylite.runtime.PyDict;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Grades an attempt: runs the learner's program on the torch bridge, then runs the exercise's {@code checks.py}
 * in a fresh interpreter that imports the check API from {@code optimlab_checks} (after Otter-Grader's and
 * pythonwhat's check functions). The learner's variables reach the checks only as copies of plain data
 * (tensors, numbers, strings, lists, tuples, dicts), so nothing the learner defines can answer for a check.
 */
public final class Grader {

    /** The module checks.py imports its API from. */
    static final String CHECKS_MODULE = "optimlab_checks";
    /** The module the grader appends to a program to copy its variables once it has ended. */
    private static final String SNAPSHOT_MODULE = "__optimlab_snapshot__";
    private static final String SNAPSHOT_CALL = "\nimport " + SNAPSHOT_MODULE + "\n" + SNAPSHOT_MODULE + ".snapshot()\n";
    private static final int OUTPUT_CAP = 10_000;
    private static final Duration CHECKS_WALL = Duration.ofSeconds(5);
    /** What checks.py may allocate: it compares copies of small values and reruns small models, never more. */
    static final long CHECKS_BYTES = 64L << 20;
    private static final InheritableThreadLocal<Session> SESSION = new InheritableThreadLocal<>();

    static {
        Modules.register(SNAPSHOT_MODULE, in -> {
            Session session = SESSION.get();
            return session == null ? null : new PyModule(SNAPSHOT_MODULE).function("snapshot", (i, a, k) -> {
                session.namespace = snapshot(i);
                return Py.NONE;
            });
        });
        Modules.register(CHECKS_MODULE, in -> {
            Session session = SESSION.get();
            return session == null || session.api == null ? null : session.api.module();
        });
    }

    /** What one program run left behind for the checks. */
    private record Outcome(RunResult result, Map<String, Object> namespace, Map<String, List<Double>> metrics,
                           List<TraceEntry> trace) {
    }

    /** The state shared with the pylite modules of one run, found through the run's thread. */
    private static final class Session {
        Map<String, Object> namespace;
        CheckApi api;
    }

    /**
     * How the programs of one grade run: their limits (the wall time is the exercise's), who hears the learner's
     * program as it runs, and who is told the CPU time each program's thread used.
     */
    public record Environment(Limits limits, RunListener learnerOutput, LongConsumer cpuNanos) {
        public static final Environment DEFAULT = new Environment(Limits.defaults(), RunListener.NONE, nanos -> { });
    }

    private final Map<String, Outcome> solutions = new ConcurrentHashMap<>();

    /** Grades {@code code} against {@code exercise}, with feedback in {@code lang}. */
    public Verdict grade(Exercise exercise, String code, Lang lang) {
        return grade(exercise, code, lang, Environment.DEFAULT);
    }

    /** Grades {@code code} against {@code exercise}, with feedback in {@code lang}, in {@code env}. */
    public Verdict grade(Exercise exercise, String code, Lang lang, Environment env) {
        long start = System.nanoTime();
        Outcome learner = runProgram(code, "main.py", exercise.wallTime(), env, env.learnerOutput());
        String output = cap(learner.result().stdout() + learner.result().stderr());
        if (!learner.result().ok() || learner.namespace() == null) {
            String message = learner.result().ok()
                    ? text(lang, "Your program stopped before its end (exit() or SystemExit), so it could not be checked.",
                            "你的程序没有运行到结尾（调用了 exit() 或 SystemExit），因此无法检查。")
                    : failureMessage(learner.result(), lang);
            return new Verdict(true, 0, 0, 0, message, List.of(), output, millis(start));
        }
        Outcome reference = exercise.checks().contains("solution(")
                ? solutions.computeIfAbsent(exercise.contentHash(), h -> runProgram(exercise.solution(), "solution.py",
                        exercise.wallTime(), env, RunListener.NONE))
                : null;
        if (reference != null && (!reference.result().ok() || reference.namespace() == null)) {
            return notGradable("the reference solution failed: " + reference.result().stderr(), output, start, lang);
        }
        CheckApi api = new CheckApi(learner, reference, lang);
        Session session = new Session();
        session.api = api;
        SESSION.set(session);
        RunResult checks;
        try {
            checks = TorchBridge.run(exercise.checks(), "checks.py", env.limits().withWallTime(CHECKS_WALL)
                    .withMaxBytes(Math.min(env.limits().maxBytes(), CHECKS_BYTES)),
                    metered(RunListener.NONE, env), Storage.NONE, TorchEvents.NONE);
        } finally {
            SESSION.remove();
        }
        if (!checks.ok()) {
            return notGradable("checks.py failed: " + checks.stderr(), output, start, lang);
        }
        int points = 0;
        int maxPoints = 0;
        int failed = 0;
        for (Verdict.Check check : api.results) {
            points += check.points();
            maxPoints += check.maxPoints();
            if (!check.passed() && check.maxPoints() > 0) {
                failed++;
            }
        }
        if (maxPoints == 0) {
            return notGradable("checks.py made no scored check", output, start, lang);
        }
        String message = failed == 0
                ? text(lang, "All checks passed.", "全部检查通过。")
                : text(lang, failed + " of the scored checks did not pass yet: read the feedback below.",
                        "有 " + failed + " 项计分检查尚未通过：请阅读下面的反馈。");
        return new Verdict(true, (double) points / maxPoints, points, maxPoints, message, api.results, output,
                millis(start));
    }

    private static Verdict notGradable(String problem, String output, long start, Lang lang) {
        return new Verdict(false, 0, 0, 0, text(lang, "This exercise could not be graded (" + problem.strip()
                + "). Your attempt does not count; please report it.", "这道练习暂时无法评分（" + problem.strip()
                + "）。本次提交不计入成绩；请报告这个问题。"), List.of(), output, millis(start));
    }

    private static String failureMessage(RunResult result, Lang lang) {
        String where = result.errorLine() > 0 ? text(lang, " on line " + result.errorLine(), "（第 " + result.errorLine() + " 行）") : "";
        return switch (result.status()) {
            case LIMIT_EXCEEDED, CANCELLED -> text(lang, "Your program was stopped by a limit (" + result.errorType() + ")"
                    + where + ", so no check could run. See the output below.",
                    "你的程序因超出限制（" + result.errorType() + "）而被停止" + where + "，因此无法运行检查。请查看下面的输出。");
            default -> text(lang, "Your program raised " + result.errorType() + where
                    + ", so no check could run. The traceback is in the output below.",
                    "你的程序抛出了 " + result.errorType() + where + "，因此无法运行检查。回溯信息见下面的输出。");
        };
    }

    /** Reports the CPU time of the run's own thread when it ends, as the interpreter gives each run one. */
    private static RunListener metered(RunListener listener, Environment env) {
        return new RunListener() {
            @Override
            public void stdout(String chunk) {
                listener.stdout(chunk);
            }

            @Override
            public void stderr(String chunk) {
                listener.stderr(chunk);
            }

            @Override
            public void finished(RunResult result) {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                if (threads.isCurrentThreadCpuTimeSupported()) {
                    env.cpuNanos().accept(threads.getCurrentThreadCpuTime());
                }
                listener.finished(result);
            }
        };
    }

    private static Outcome runProgram(String code, String filename, Duration wall, Environment env,
                                      RunListener output) {
        Session session = new Session();
        Map<String, List<Double>> metrics = new LinkedHashMap<>();
        TorchEvents events = new TorchEvents() {
            @Override
            public void metric(String series, long step, double value) {
                synchronized (metrics) {
                    metrics.computeIfAbsent(series, s -> new ArrayList<>()).add(value);
                }
            }
        };
        try (GradingWorkspace workspace = GradingWorkspace.create()) {
            SESSION.set(session);
            TorchBridge.Run run;
            try {
                run = TorchBridge.start(code + SNAPSHOT_CALL, filename, env.limits().withWallTime(wall),
                        metered(output, env), workspace, events);
            } finally {
                SESSION.remove();
            }
            RunResult result = run.await();
            synchronized (metrics) {
                return new Outcome(result, session.namespace, Map.copyOf(metrics), run.trace());
            }
        }
    }

    /** Copies of the program's plain-data globals, taken on the program's own thread. */
    private static Map<String, Object> snapshot(Interpreter in) {
        Map<String, Object> globals = in.globalsView();
        Map<String, Object> copies = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : globals.entrySet()) {
            if (e.getKey().startsWith("__")) {
                continue;
            }
            Object copy = copy(in, e.getValue(), 0);
            if (copy != null) {
                copies.put(e.getKey(), copy);
            }
        }
        return copies;
    }

    /** A deep copy of plain data, or null for anything else (modules, functions, classes, instances). */
    static Object copy(Interpreter in, Object value, int depth) {
        if (depth > 20) {
            return null;
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof BigInteger || value instanceof Double
                || value instanceof String || value == Py.NONE) {
            return value;
        }
        if (isTensor(value)) {
            Object detached = in.call(Ops.getAttr(in, value, "detach"), new Object[0], null);
            return in.call(Ops.getAttr(in, detached, "clone"), new Object[0], null);
        }
        if (value instanceof PyList list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list.items()) {
                Object c = copy(in, item, depth + 1);
                if (c == null) {
                    return null;
                }
                items.add(c);
            }
            return new PyList(items);
        }
        if (value instanceof PyTuple tuple) {
            Object[] items = new Object[tuple.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = copy(in, tuple.items()[i], depth + 1);
                if (items[i] == null) {
                    return null;
                }
            }
            return new PyTuple(items);
        }
        if (value instanceof PyDict dict) {
            PyDict result = new PyDict();
            for (Object key : Ops.toList(in, dict)) {
                Object k = copy(in, key, depth + 1);
                Object v = copy(in, dict.get(in, key), depth + 1);
                if (k == null || v == null) {
                    return null;
                }
                result.put(in, k, v);
            }
            return result;
        }
        return null;
    }

    /** A torch tensor made by the bridge, never a learner's class that calls itself Tensor. */
    static boolean isTensor(Object value) {
        return value instanceof PyObject o && o.getClass().getPackageName().equals("dev.optimlab.pylite.bridge")
                && (o.pyType().name().equals("Tensor") || o.pyType().name().equals("Parameter"));
    }

    /** Flattens a number, a tensor or nested lists/tuples of numbers; null for anything else. */
    static List<Double> numbers(Interpreter in, Object value) {
        List<Double> out = new ArrayList<>();
        return collect(in, value, out, 0) ? out : null;
    }

    private static boolean collect(Interpreter in, Object value, List<Double> out, int depth) {
        if (depth > 20) {
            return false;
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            out.add(Ops.toDouble(value));
            return true;
        }
        if (isTensor(value)) {
            Object flat = in.call(Ops.getAttr(in, in.call(Ops.getAttr(in, value, "detach"), new Object[0], null),
                    "flatten"), new Object[0], null);
            Object list = in.call(Ops.getAttr(in, flat, "tolist"), new Object[0], null);
            return collect(in, list, out, depth + 1);
        }
        List<Object> items = value instanceof PyList l ? l.items()
                : value instanceof PyTuple t ? List.of(t.items()) : null;
        if (items == null) {
            return false;
        }
        for (Object item : items) {
            if (!collect(in, item, out, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static String cap(String text) {
        return text.length() <= OUTPUT_CAP ? text : text.substring(0, OUTPUT_CAP) + "\n[output cut at " + OUTPUT_CAP
                + " characters]\n";
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String text(Lang lang, String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }

    /** The functions and values checks.py imports, bound to one attempt. */
    private static final class CheckApi {
        private final Outcome learner;
        private final Outcome reference;
        private final Lang lang;
        final List<Verdict.Check> results = new ArrayList<>();

        CheckApi(Outcome learner, Outcome reference, Lang lang) {
            this.learner = learner;
            this.reference = reference;
            this.lang = lang;
        }

        PyModule module() {
            PyModule m = new PyModule(CHECKS_MODULE);
            m.function("check", this::check);
            m.define("ns", namespace(learner.namespace()));
            m.define("metrics", metrics(learner.metrics()));
            m.define("trace", trace(learner.trace()));
            m.function("close", Grader.CheckApi::close);
            m.function("solution", (in, a, k) -> {
                if (reference == null) {
                    throw PyException.of(PyType.RUNTIME_ERROR, "solution() is not available");
                }
                PyDict copies = new PyDict();
                for (Map.Entry<String, Object> e : reference.namespace().entrySet()) {
                    copies.put(e.getKey(), copy(in, e.getValue(), 0));
                }
                PyDict result = new PyDict();
                result.put("ns", copies);
                result.put("metrics", metrics(reference.metrics()));
                return result;
            });
            return m;
        }

        private static PyDict namespace(Map<String, Object> values) {
            PyDict dict = new PyDict();
            values.forEach(dict::put);
            return dict;
        }

        private static PyDict metrics(Map<String, List<Double>> series) {
            PyDict dict = new PyDict();
            series.forEach((name, values) -> dict.put(name, new PyList(new ArrayList<>(values))));
            return dict;
        }

        private static PyModule trace(List<TraceEntry> entries) {
            PyModule trace = new PyModule("trace");
            trace.function("calls", (in, a, k) -> {
                String name = stringArg(a, 0, "trace.calls");
                List<Object> found = new ArrayList<>();
                for (TraceEntry e : entries) {
                    if (e.call().equals(name)) {
                        PyDict entry = new PyDict();
                        entry.put("line", (long) e.line());
                        entry.put("order", (long) e.order());
                        entry.put("call", e.call());
                        entry.put("type", e.objectType());
                        entry.put("id", (long) e.objectId());
                        found.add(entry);
                    }
                }
                return new PyList(found);
            });
            trace.function("order", (in, a, k) -> order(entries, a));
            return trace;
        }

        /**
         * True when the last name was called at least once and every call of it was preceded, since its previous
         * call, by the other names in the given order: "zero_grad, backward, step" in every iteration.
         */
        private static Object order(List<TraceEntry> entries, Object[] args) {
            if (args.length < 2) {
                throw PyException.of(PyType.TYPE_ERROR, "trace.order() needs at least two call names");
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                names.add(stringArg(args, i, "trace.order"));
            }
            String last = names.get(names.size() - 1);
            int next = 0;
            int segments = 0;
            for (TraceEntry e : entries) {
                if (e.call().equals(last)) {
                    if (next < names.size() - 1) {
                        return false;
                    }
                    segments++;
                    next = 0;
                } else if (next < names.size() - 1 && e.call().equals(names.get(next))) {
                    next++;
                }
            }
            return segments > 0;
        }

        private Object check(Interpreter in, Object[] args, Map<String, Object> kwargs) {
            Map<String, Object> given = new LinkedHashMap<>();
            String[] params = {"name", "ok", "feedback", "points", "hidden"};
            for (int i = 0; i < args.length; i++) {
                if (i >= params.length) {
                    throw PyException.of(PyType.TYPE_ERROR, "check() takes at most 5 arguments");
                }
                given.put(params[i], args[i]);
            }
            if (kwargs != null) {
                for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                    if (!List.of(params).contains(e.getKey()) || given.put(e.getKey(), e.getValue()) != null) {
                        throw PyException.of(PyType.TYPE_ERROR, "check() got an unexpected or repeated argument '"
                                + e.getKey() + "'");
                    }
                }
            }
            if (!(given.get("name") instanceof String name) || name.isBlank()) {
                throw PyException.of(PyType.TYPE_ERROR, "check() needs a name")
                ;
            }
            if (results.stream().anyMatch(r -> r.name().equals(name))) {
                throw PyException.of(PyType.VALUE_ERROR, "two checks are named '" + name + "'");
            }
            if (!(given.get("ok") instanceof Boolean ok)) {
                throw PyException.of(PyType.TYPE_ERROR, "check('" + name + "'): ok must be True or False, not "
                        + Ops.repr(in, given.get("ok")) + "; wrap it in bool(...) or use close(...)");
            }
            Object pointsArg = given.getOrDefault("points", 1L);
            if (!(pointsArg instanceof Long points) || points < 0 || points > 100) {
                throw PyException.of(PyType.VALUE_ERROR, "check('" + name + "'): points must be a whole number 0..100");
            }
            Object hiddenArg = given.getOrDefault("hidden", Boolean.FALSE);
            if (!(hiddenArg instanceof Boolean hidden)) {
                throw PyException.of(PyType.TYPE_ERROR, "check('" + name + "'): hidden must be True or False");
            }
            String feedback = feedback(in, name, given.get("feedback"));
            int max = points.intValue();
            String shown = ok ? "" : hidden ? text(lang, "a hidden check failed", "一项隐藏检查未通过") : feedback;
            results.add(new Verdict.Check(hidden ? "hidden" : name, ok ? max : 0, max, ok, shown, hidden));
            return ok;
        }

        private String feedback(Interpreter in, String name, Object value) {
            if (!(value instanceof PyDict dict)) {
                throw PyException.of(PyType.TYPE_ERROR, "check('" + name + "'): feedback must be {\"en\": ..., \"zh\": ...}");
            }
            String result = null;
            for (Lang l : Lang.values()) {
                Object text = dict.get(in, l.code());
                if (!(text instanceof String s) || s.isBlank()) {
                    throw PyException.of(PyType.VALUE_ERROR, "check('" + name + "'): feedback needs a '" + l.code() + "' text");
                }
                if (l == lang) {
                    result = s;
                }
            }
            return result;
        }

        private static Object close(Interpreter in, Object[] args, Map<String, Object> kwargs) {
            if (args.length != 2) {
                throw PyException.of(PyType.TYPE_ERROR, "close(a, b, rtol=1e-5, atol=1e-8) takes two values");
            }
            double rtol = tolerance(kwargs, "rtol", 1e-5);
            double atol = tolerance(kwargs, "atol", 1e-8);
            List<Double> a = numbers(in, args[0]);
            List<Double> b = numbers(in, args[1]);
            if (a == null || b == null || a.size() != b.size() || a.isEmpty()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                double x = a.get(i);
                double y = b.get(i);
                if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) {
                    return false;
                }
            }
            return true;
        }

        private static double tolerance(Map<String, Object> kwargs, String name, double fallback) {
            if (kwargs == null || !kwargs.containsKey(name)) {
                return fallback;
            }
            Object v = kwargs.get(name);
            if (!(v instanceof Double || v instanceof Long)) {
                throw PyException.of(PyType.TYPE_ERROR, "close(): " + name + " must be a number");
            }
            return Ops.toDouble(v);
        }

        private static String stringArg(Object[] args, int i, String function) {
            if (args.length <= i || !(args[i] instanceof String s)) {
                throw PyException.of(PyType.TYPE_ERROR, function + "() takes call names such as \"optimizer.step\"");
            }
            return s;
        }
    }
}
