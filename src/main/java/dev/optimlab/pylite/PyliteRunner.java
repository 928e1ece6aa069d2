package dev.optimlab.pylite;

import dev.optimlab.pylite.runtime.Budget;
import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.LimitExceeded;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.pylite.syntax.Node;
import dev.optimlab.pylite.syntax.Parser;
import dev.optimlab.pylite.syntax.PySyntaxError;
import dev.optimlab.pylite.syntax.Spans;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program under limits on a thread of its own with a large explicit stack, so that deep Python
 * recursion meets the depth limit long before the JVM's stack ends. The counterpart of running
 * {@code python3 main.py}: stdout and stderr as CPython would print them, and a status.
 */
public final class PyliteRunner {
    private static final long STACK_BYTES = 256L << 20;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private PyliteRunner() {
    }

    /** A run in progress: it can be cancelled from any thread and awaited. */
    public static final class Run {
        private final CountDownLatch done = new CountDownLatch(1);
        private final Limits limits;
        private final long startNanos = System.nanoTime();
        private final long pausedAtStart;
        private volatile Budget budget;
        private volatile boolean cancelRequested;
        private volatile RunResult result;

        private Run(Limits limits) {
            this.limits = limits;
            this.pausedAtStart = limits.gate().pausedNanos();
        }

        /** Asks the program to stop; it ends at its next step with status CANCELLED. */
        public void cancel() {
            cancelRequested = true;
            Budget b = budget;
            if (b != null) {
                b.cancel();
            }
        }

        /**
         * Waits for the run to end (at most the wall limit plus a grace period, not counting time paused at its
         * gate) and returns its result.
         */
        public RunResult await() {
            try {
                long left;
                while ((left = startNanos + limits.wallTime().plus(GRACE).toNanos() + pausedSinceStart()
                        - System.nanoTime()) > 0 && !done.await(left, TimeUnit.NANOSECONDS)) {
                    // A pause meanwhile moved the deadline on: look again.
                }
                if (done.getCount() > 0) {
                    cancel();
                    return new RunResult(RunResult.Status.LIMIT_EXCEEDED, "", "LimitError: Your program ran longer "
                            + "than the time limit and did not stop\n", "TIME", 0, elapsed(), 0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            }
            return result;
        }

        /** Time the program has run, not counting time paused at its gate. */
        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos - pausedSinceStart());
        }

        private long pausedSinceStart() {
            return limits.gate().pausedNanos() - pausedAtStart;
        }
    }

    /** Runs a program to its end and returns what happened. */
    public static RunResult run(String source, String filename, Limits limits, RunListener listener) {
        return start(source, filename, limits, listener).await();
    }

    /** Starts a program on its own thread. */
    public static Run start(String source, String filename, Limits limits, RunListener listener) {
        Run run = new Run(limits);
        Thread thread = new Thread(null, () -> {
            try {
                run.result = execute(run, source, filename, limits, listener);
            } catch (RuntimeException | Error e) {
                // a failure while reporting a failure: still one line, still a result
                run.result = new RunResult(RunResult.Status.PYTHON_ERROR, "", "SystemError: OptimLab could not run this "
                        + "program (internal " + e.getClass().getSimpleName() + "); please report it\n", "SystemError", 0,
                        run.elapsed(), 0);
            } finally {
                run.done.countDown();
            }
        }, "pylite-run", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    private static RunResult execute(Run run, String source, String filename, Limits limits, RunListener listener) {
        StringBuilder out = new StringBuilder();
        Budget budget = new Budget(limits.maxSteps(), limits.wallTime().toNanos(), limits.maxBytes(), limits.maxDepth(),
                limits.maxOutputBytes(), limits.gate());
        run.budget = budget;
        if (run.cancelRequested) {
            budget.cancel();
        }
        RunResult result;
        Interpreter in = null;
        Spans spans = new Spans();
        try {
            int size = source.getBytes(StandardCharsets.UTF_8).length;
            if (size > limits.maxProgramBytes()) {
                throw new LimitExceeded(LimitExceeded.Kind.PROGRAM_SIZE, "Your program is " + (size >> 10) + " KiB, "
                        + "more than the " + (limits.maxProgramBytes() >> 10) + " KiB limit for a program");
            }
            Node.Module module;
            try {
                module = Parser.parse(source, spans);
            } catch (PySyntaxError e) {
                String text = Tracebacks.syntaxError(e, filename, source);
                listener.stderr(text);
                result = new RunResult(RunResult.Status.PYTHON_ERROR, "", text, e.typeName(), e.line(), run.elapsed(),
                        0);
                listener.finished(result);
                return result;
            }
            in = new Interpreter(budget, filename, source, text -> {
                out.append(text);
                listener.stdout(text);
            });
            in.warnings().setSink(listener::warning);
            in.run(module);
            result = new RunResult(RunResult.Status.OK, out.toString(), "", null, 0, run.elapsed(), budget.steps());
        } catch (PyException e) {
            if (e.value().type().isSubtypeOf(PyType.SYSTEM_EXIT)) {
                result = systemExit(e, in, out, run, budget, listener);
                listener.finished(result);
                in.close();
                return result;
            }
            String text;
            try {
                text = Tracebacks.exception(e.value(), in, spans);
            } catch (LimitExceeded limit) {
                result = limit(limit.kind(), limit.getMessage(), limit.line(), out, run, budget, listener);
                listener.finished(result);
                in.close();
                return result;
            }
            listener.stderr(text);
            int line = e.value().traceback().isEmpty() ? 0
                    : e.value().traceback().get(e.value().traceback().size() - 1).line();
            result = new RunResult(RunResult.Status.PYTHON_ERROR, out.toString(), text,
                    Tracebacks.typeName(e.value().type()), line, run.elapsed(), budget.steps());
        } catch (LimitExceeded e) {
            result = limit(e.kind(), e.getMessage(), e.line(), out, run, budget, listener);
        } catch (StackOverflowError e) {
            result = limit(LimitExceeded.Kind.RECURSION, "Your program nested too deeply for OptimLab to follow", 0,
                    out, run, budget, listener);
        } catch (OutOfMemoryError e) {
            result = limit(LimitExceeded.Kind.MEMORY, "Your program used more memory than OptimLab allows", 0, out, run,
                    budget, listener);
        } catch (RuntimeException | Error e) {
            String text = "SystemError: OptimLab could not run this program (internal " + e.getClass().getSimpleName()
                    + "); please report it\n";
            listener.stderr(text);
            result = new RunResult(RunResult.Status.PYTHON_ERROR, out.toString(), text, "SystemError", 0, run.elapsed(),
                    budget.steps());
        } finally {
            if (in != null) {
                in.close();
            }
        }
        listener.finished(result);
        return result;
    }

    /** {@code raise SystemExit(code)} ends the program as CPython's exit does: silently for 0 or None. */
    private static RunResult systemExit(PyException e, Interpreter in, StringBuilder out, Run run, Budget budget,
                                        RunListener listener) {
        Object code = e.value().args().size() == 0 ? Py.NONE : e.value().args().get(0);
        if (code == Py.NONE || Long.valueOf(0).equals(code) || Boolean.FALSE.equals(code)) {
            return new RunResult(RunResult.Status.OK, out.toString(), "", null, 0, run.elapsed(), budget.steps());
        }
        String text = Py.isInt(code) ? "" : Ops.str(in, code) + "\n";
        listener.stderr(text);
        return new RunResult(RunResult.Status.PYTHON_ERROR, out.toString(), text, "SystemExit", 0, run.elapsed(),
                budget.steps());
    }

    private static RunResult limit(LimitExceeded.Kind kind, String message, int line, StringBuilder out, Run run,
                                   Budget budget, RunListener listener) {
        boolean cancelled = kind == LimitExceeded.Kind.CANCELLED;
        String where = line > 0 ? " (stopped at line " + line + ")" : "";
        String text = (cancelled ? "Cancelled: " : "LimitError: ") + message + where + "\n";
        listener.stderr(text);
        return new RunResult(cancelled ? RunResult.Status.CANCELLED : RunResult.Status.LIMIT_EXCEEDED, out.toString(),
                text, kind.name(), line, run.elapsed(), budget.steps());
    }
}
