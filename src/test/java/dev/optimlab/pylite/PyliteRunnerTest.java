package dev.optimlab.pylite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Modules;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyIterator;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The runner")
class PyliteRunnerTest {
    private static RunResult run(String source) {
        return PyliteRunner.run(source, "main.py", Limits.defaults(), RunListener.NONE);
    }

    private static RunResult run(String source, Limits limits) {
        return PyliteRunner.run(source, "main.py", limits, RunListener.NONE);
    }

    @Nested
    @DisplayName("Results and events")
    class Events {
        @Test
        @DisplayName("streams printed chunks to the listener, then the final result")
        void listener() {
            List<String> events = new ArrayList<>();
            RunResult result = PyliteRunner.run("print('a')\nprint('b', end='')\n", "main.py", Limits.defaults(),
                    new RunListener() {
                        @Override
                        public void stdout(String chunk) {
                            events.add("out:" + chunk);
                        }

                        @Override
                        public void finished(RunResult r) {
                            events.add("done:" + r.status());
                        }
                    });
            assertThat(events).containsExactly("out:a\n", "out:b", "done:OK");
            assertThat(result.stdout()).isEqualTo("a\nb");
            assertThat(result.duration()).isPositive();
        }

        @Test
        @DisplayName("reports a syntax error with CPython's location lines and caret")
        void syntaxError() {
            RunResult result = run("total = 0\nfor i in range(3)\n    total += i\n");
            assertThat(result.status()).isEqualTo(RunResult.Status.PYTHON_ERROR);
            assertThat(result.stderr()).isEqualTo("""
                      File "main.py", line 2
                        for i in range(3)
                                         ^
                    SyntaxError: expected ':'
                    """);
            assertThat(result.errorLine()).isEqualTo(2);
        }

        @Test
        @DisplayName("names the line and function of every frame in a runtime traceback, marking the failing subscript")
        void traceback() {
            RunResult result = run("def f(x):\n    return x[3]\n\nf([1])\n");
            assertThat(result.stderr()).isEqualTo("""
                    Traceback (most recent call last):
                      File "main.py", line 4, in <module>
                        f([1])
                      File "main.py", line 2, in f
                        return x[3]
                               ~^^^
                    IndexError: list index out of range
                    """);
            assertThat(result.errorType()).isEqualTo("IndexError");
            assertThat(result.errorLine()).isEqualTo(2);
        }

        @Test
        @DisplayName("refuses builtins that would reach the host with a plain explanation")
        void forbiddenBuiltins() {
            assertThat(run("eval('1')\n").stderr()).endsWith("NameError: eval() is not available in OptimLab\n");
            assertThat(run("import os\n").stderr()).contains("ModuleNotFoundError: No module named 'os'");
        }
    }

    @Nested
    @DisplayName("Limits")
    class LimitsTests {
        @Test
        @DisplayName("stops a program at its step limit")
        void steps() {
            RunResult result = run("while True:\n    pass\n", Limits.defaults().withMaxSteps(10_000));
            assertThat(result.status()).isEqualTo(RunResult.Status.LIMIT_EXCEEDED);
            assertThat(result.errorType()).isEqualTo("STEPS");
            assertThat(result.stderr()).startsWith("LimitError: Your program took more than the 10,000-step limit");
        }

        @Test
        @DisplayName("stops a program at its output limit and keeps what came before")
        void output() {
            RunResult result = run("for i in range(1000):\n    print('0123456789')\n",
                    Limits.defaults().withMaxOutputBytes(100));
            assertThat(result.errorType()).isEqualTo("OUTPUT");
            assertThat(result.stdout()).hasSizeLessThanOrEqualTo(100).startsWith("0123456789\n");
        }

        @Test
        @DisplayName("forgives memory the program has dropped: churning through 80 MB within 8 MiB succeeds")
        void churn() {
            RunResult result = run("for i in range(100):\n    block = [i] * 100000\nprint(len(block))\n",
                    Limits.defaults().withMaxBytes(8L << 20));
            assertThat(result.status()).as(result.stderr()).isEqualTo(RunResult.Status.OK);
            assertThat(result.stdout()).isEqualTo("100000\n");
        }

        @Test
        @DisplayName("counts time.sleep against the wall limit")
        void sleep() {
            RunResult result = run("import time\ntime.sleep(5)\n", Limits.defaults().withWallTime(Duration.ofMillis(300)));
            assertThat(result.errorType()).isEqualTo("TIME");
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(3));
        }

        @Test
        @DisplayName("stops deep recursion at the depth limit without a Java stack overflow")
        void recursion() {
            RunResult result = run("def f(n):\n    return 1 if n == 0 else 1 + f(n - 1)\nprint(f(150))\nprint(f(10000))\n");
            assertThat(result.stdout()).isEqualTo("151\n");
            assertThat(result.errorType()).isEqualTo("RECURSION");
            assertThat(result.stderr()).contains("more than 200 deep");
        }
    }

    /** A host object written in Java, as the torch bridge will write tensors and modules. */
    static final class Counter implements PyObject {
        static final PyType TYPE = PyType.hostClass("Counter", null, "counting");
        private long value;

        @Override
        public PyType pyType() {
            return TYPE;
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return name.equals("value") ? (Object) value : null;
        }

        @Override
        public boolean setAttr(Interpreter in, String name, Object v) {
            if (!name.equals("value")) {
                return false;
            }
            value = Ops.index(v);
            return true;
        }

        @Override
        public Object call(Interpreter in, Object[] args, Map<String, Object> kwargs) {
            long step = kwargs != null && kwargs.containsKey("step") ? Ops.index(kwargs.get("step")) : 1;
            value += step;
            return this;
        }

        @Override
        public Object getItem(Interpreter in, Object key) {
            return value * Ops.index(key);
        }

        @Override
        public Object binaryOp(Interpreter in, String dunder, Object other) {
            return switch (dunder) {
                case "__add__", "__radd__" -> value + Ops.index(other);
                default -> Py.NOT_IMPLEMENTED;
            };
        }

        @Override
        public PyIterator iter(Interpreter in) {
            return new PyIterator() {
                private long i;

                @Override
                public Object next(Interpreter in) {
                    return i < value ? (Object) i++ : null;
                }
            };
        }

        @Override
        public String repr(Interpreter in) {
            return "Counter(" + value + ")";
        }
    }

    @Test
    @DisplayName("lets Java host objects take part in attributes, calls, keywords, subscripts, operators and loops")
    void hostObjects() {
        Modules.register("counting", in -> new PyModule("counting").function("Counter", (i, a, k) -> new Counter()));
        RunResult result = run("""
                from counting import Counter
                c = Counter()
                c(); c(step=2)
                c.value += 1
                print(c, c.value, c[10], c + 1, 1 + c, list(c), type(c).__name__)
                try:
                    c.other = 1
                except AttributeError as e:
                    print(e)
                """);
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("Counter(4) 4 40 5 5 [0, 1, 2, 3] Counter\n"
                + "'Counter' object has no attribute 'other'\n");
    }

    @Test
    @DisplayName("raises only catchable Python exceptions when builtins and methods get wrong arguments")
    void robustness() throws Exception {
        String source = new String(PyliteRunnerTest.class.getResourceAsStream("/pylite_robustness.py").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        RunResult result = run(source, Limits.defaults().withMaxOutputBytes(64L << 20)
                .withWallTime(Duration.ofSeconds(60)));
        String[] lines = result.stdout().split("\n");
        assertThat(result.stderr()).as("after " + lines[lines.length - 1]).isEmpty();
        assertThat(lines[lines.length - 1]).startsWith("survived");
    }

    @Test
    @DisplayName("turns an exception raised by Java code into a Python exception the program can catch")
    void javaRaisedExceptions() {
        Modules.register("failing", in -> new PyModule("failing").function("boom", (i, a, k) -> {
            throw PyException.valueError("from Java");
        }));
        RunResult result = run("import failing\ntry:\n    failing.boom()\nexcept ValueError as e:\n    print('caught', e)\n");
        assertThat(result.stdout()).isEqualTo("caught from Java\n");
    }
}
