package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The grader")
class GraderTest {

    private static final Grader GRADER = new Grader();
    private static final String IMPORT = "from optimlab_checks import check, ns, trace, metrics, solution, close\n";
    private static final String FEEDBACK = "feedback={'en': 'look again', 'zh': '再看看'}";
    private static final String LOOP = """
            import torch
            w = torch.tensor([1.0, -2.0], requires_grad=True)
            optimizer = torch.optim.SGD([w], lr=0.1)
            for step in range(3):
                %s
                loss = (w * w).sum()
                loss.backward()
                optimizer.step()
            """;

    private static Exercise exercise(String solution, String checks) {
        return exercise(solution, checks, Duration.ofSeconds(2));
    }

    private static Exercise exercise(String solution, String checks, Duration wall) {
        LocalizedText text = new LocalizedText("t", "题");
        return new Exercise("test-" + Integer.toHexString((solution + checks).hashCode()), "01-training-loop",
                Exercise.Kind.FIX_BUG, 1, text, text, List.of(text, text), List.of(), 3, wall, 0, "",
                solution, IMPORT + checks, Integer.toHexString((solution + checks).hashCode()));
    }

    private static Verdict grade(String solution, String checks, String attempt) {
        return GRADER.grade(exercise(solution, checks), attempt, Lang.EN);
    }

    @Nested
    @DisplayName("scores checks")
    class Scoring {

        @Test
        @DisplayName("score is the share of points won, and each check reports its points")
        void partialScore() {
            Verdict v = grade("x = 1", "check('one', ns['x'] == 1, " + FEEDBACK + ", points=3)\n"
                    + "check('two', ns['x'] == 2, " + FEEDBACK + ")\n", "x = 1");
            assertThat(v.gradable()).isTrue();
            assertThat(v.points()).isEqualTo(3);
            assertThat(v.maxPoints()).isEqualTo(4);
            assertThat(v.score()).isEqualTo(0.75);
            assertThat(v.checks()).extracting(Verdict.Check::name, Verdict.Check::passed, Verdict.Check::feedback)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("one", true, ""),
                            org.assertj.core.groups.Tuple.tuple("two", false, "look again"));
        }

        @Test
        @DisplayName("diagnostic checks worth 0 points never move max_points")
        void diagnosticsDoNotCount() {
            Verdict v = grade("x = 1", "check('main', ns['x'] == 1, " + FEEDBACK + ")\n"
                    + "check('why', False, " + FEEDBACK + ", points=0)\n", "x = 1");
            assertThat(v.maxPoints()).isEqualTo(1);
            assertThat(v.score()).isEqualTo(1.0);
            assertThat(v.checks()).hasSize(2);
        }

        @Test
        @DisplayName("a failed hidden check shows only that a hidden check failed")
        void hiddenChecks() {
            Verdict v = grade("x = 1", "check('secret name', ns['x'] == 1, " + FEEDBACK + ", hidden=True)\n", "x = 2");
            assertThat(v.checks()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("hidden");
                assertThat(c.feedback()).isEqualTo("a hidden check failed");
                assertThat(c.hidden()).isTrue();
            });
            assertThat(v.toJson()).doesNotContain("secret name").doesNotContain("look again");
        }

        @Test
        @DisplayName("feedback and messages come in the requested language")
        void chineseFeedback() {
            Verdict v = GRADER.grade(exercise("x = 1", "check('one', ns['x'] == 1, " + FEEDBACK + ")\n"), "x = 2", Lang.ZH);
            assertThat(v.checks().get(0).feedback()).isEqualTo("再看看");
            assertThat(v.message()).contains("尚未通过");
        }

        @Test
        @DisplayName("the verdict JSON has the keys of DESIGN.md")
        void json() {
            String json = grade("x = 1", "check('one', True, " + FEEDBACK + ")\n", "print('hi')").toJson();
            assertThat(json).contains("\"gradable\" : true", "\"score\" : 1.0", "\"max_points\" : 1", "\"checks\" : [",
                    "\"output\" : \"hi\\n\"", "\"duration_ms\"", "\"hidden\" : false");
        }
    }

    @Nested
    @DisplayName("gives checks.py the learner's run")
    class CheckApi {

        @Test
        @DisplayName("trace.order holds only when every step is preceded by zero_grad and backward")
        void traceOrder() {
            String checks = "check('order', trace.order('optimizer.zero_grad', 'tensor.backward', 'optimizer.step'), "
                    + FEEDBACK + ")\ncheck('calls', len(trace.calls('optimizer.step')) == 3 and "
                    + "trace.calls('optimizer.step')[0]['type'] == 'SGD', " + FEEDBACK + ")\n"
                    + "check('lines', [c['line'] for c in trace.calls('optimizer.step')] == [8, 8, 8], " + FEEDBACK + ")\n";
            String good = LOOP.formatted("optimizer.zero_grad()");
            assertThat(grade(good, checks, good).score()).isEqualTo(1.0);
            String missing = LOOP.formatted("pass");
            assertThat(grade(good, checks, missing).checks()).extracting(Verdict.Check::passed).containsExactly(false, true, true);
        }

        @Test
        @DisplayName("metrics hold the loss of every backward, and solution() gives the reference run")
        void metricsAndSolution() {
            String good = LOOP.formatted("optimizer.zero_grad()");
            String checks = "ref = solution()\n"
                    + "check('loss', len(metrics['loss']) == 3 and close(metrics['loss'], ref['metrics']['loss']), " + FEEDBACK + ")\n"
                    + "check('w', close(ns['w'], ref['ns']['w']), " + FEEDBACK + ")\n";
            assertThat(grade(good, checks, good).score()).isEqualTo(1.0);
            assertThat(grade(good, checks, LOOP.formatted("pass")).score()).isEqualTo(0.0);
        }

        @Test
        @DisplayName("solution() runs the reference once per exercise version and reuses it")
        void solutionCached() {
            // an unseeded random draw tells the runs apart; the check's name carries the value out
            String solution = "import random\ndraw = random.random()\n";
            Exercise exercise = exercise(solution, "check(repr(solution()['ns']['draw']), True, " + FEEDBACK + ")\n");
            String first = GRADER.grade(exercise, "x = 1", Lang.EN).checks().get(0).name();
            String second = GRADER.grade(exercise, "x = 2", Lang.ZH).checks().get(0).name();
            assertThat(second).isEqualTo(first);
            String fresh = new Grader().grade(exercise, "x = 1", Lang.EN).checks().get(0).name();
            assertThat(fresh).isNotEqualTo(first);
        }

        @Test
        @DisplayName("ns holds detached copies of data, not the live objects or modules and functions")
        void namespaceCopies() {
            String program = LOOP.formatted("optimizer.zero_grad()") + "def f():\n    pass\nitems = [w, {'k': 2}]\n";
            String checks = "check('no grad', not ns['w'].requires_grad, " + FEEDBACK + ")\n"
                    + "check('no module', 'torch' not in ns and 'f' not in ns and 'optimizer' not in ns, " + FEEDBACK + ")\n"
                    + "ns['items'][0].add_(100.0)\n"
                    + "check('deep copy', close(ns['items'][0], ns['w'] + 100.0) and ns['items'][1]['k'] == 2, " + FEEDBACK + ")\n";
            Verdict v = grade(program, checks, program);
            assertThat(v.score()).as(v.toJson()).isEqualTo(1.0);
        }
    }

    @Nested
    @DisplayName("gives every graded run a workspace of its own")
    class Workspaces {

        private static final String SAVE_AND_LOAD = """
                import torch
                w = torch.tensor([1.5, -2.0])
                torch.save({"w": w, "epoch": 3}, "checkpoint.pt")
                loaded = torch.load("checkpoint.pt")
                epoch = loaded["epoch"]
                """;

        @Test
        @DisplayName("torch.save and torch.load work in the learner's run and in the reference run")
        void saveAndLoad() {
            String checks = "ref = solution()\n"
                    + "check('loaded', ns['epoch'] == 3 and close(ns['loaded']['w'], ns['w']), " + FEEDBACK + ")\n"
                    + "check('reference', ref['ns']['epoch'] == 3, " + FEEDBACK + ")\n"
                    + "check('traced', len(trace.calls('torch.save')) == 1 and len(trace.calls('torch.load')) == 1, "
                    + FEEDBACK + ")\n";
            Verdict v = grade(SAVE_AND_LOAD, checks, SAVE_AND_LOAD);
            assertThat(v.score()).as(v.toJson()).isEqualTo(1.0);
        }

        @Test
        @DisplayName("a run starts empty: a file saved by an earlier run is not there")
        void freshFolderPerRun() {
            Exercise exercise = exercise(SAVE_AND_LOAD, "check('one', True, " + FEEDBACK + ")\n");
            assertThat(GRADER.grade(exercise, SAVE_AND_LOAD, Lang.EN).score()).isEqualTo(1.0);
            Verdict v = GRADER.grade(exercise, "import torch\nloaded = torch.load('checkpoint.pt')\n", Lang.EN);
            assertThat(v.gradable()).isTrue();
            assertThat(v.score()).isZero();
            assertThat(v.output()).contains("No such file or directory: 'checkpoint.pt'");
        }

        @Test
        @DisplayName("saving more than the cap fails in the learner's program with a clear message")
        void capped() {
            String big = "import torch\ntorch.save(torch.zeros(3_000_000), 'big.pt')\n";
            // writing 24 MB may take a while on a busy machine; the limit under test is the size, not the time
            Verdict v = GRADER.grade(exercise("x = 1", "check('one', True, " + FEEDBACK + ")\n", Duration.ofSeconds(30)),
                    big, Lang.EN);
            assertThat(v.gradable()).isTrue();
            assertThat(v.score()).isZero();
            assertThat(v.output()).contains("could not save 'big.pt'", "at most 16 MiB");
        }

        @Test
        @DisplayName("the folder counts a file saved twice once, is deleted when the run is over and takes no later writes")
        void deletedAfterwards() throws Exception {
            Path root;
            try (GradingWorkspace workspace = GradingWorkspace.create()) {
                root = workspace.root();
                byte[] half = new byte[(int) (GradingWorkspace.CAP / 2 + 1)];
                workspace.write("a/ckpt.pt", half);
                workspace.write("a/ckpt.pt", half);
                assertThat(workspace.read("a/ckpt.pt")).hasSize(half.length);
                assertThatThrownBy(() -> workspace.write("other.pt", half)).isInstanceOf(IOException.class)
                        .hasMessageContaining("at most 16 MiB");
                assertThat(root.resolve("a/ckpt.pt")).exists();
                workspace.close();
                assertThatThrownBy(() -> workspace.write("late.pt", new byte[1])).isInstanceOf(IOException.class)
                        .hasMessageContaining("over");
            }
            assertThat(root).doesNotExist();
        }
    }

    @Nested
    @DisplayName("keeps the learner's failures and the checks' faults apart")
    class Failures {

        @Test
        @DisplayName("a learner's exception gives a gradable verdict with the traceback and no points")
        void learnerException() {
            Verdict v = grade("x = 1", "check('one', True, " + FEEDBACK + ")\n", "x = 1\ny = x / 0\n");
            assertThat(v.gradable()).isTrue();
            assertThat(v.score()).isZero();
            assertThat(v.message()).contains("ZeroDivisionError", "line 2");
            assertThat(v.output()).contains("Traceback (most recent call last)", "ZeroDivisionError: division by zero");
        }

        @Test
        @DisplayName("a learner's program stopped by a limit gives a gradable verdict that names the limit")
        void learnerLimit() {
            Verdict v = grade("x = 1", "check('one', True, " + FEEDBACK + ")\n", "while True:\n    pass\n");
            assertThat(v.gradable()).isTrue();
            assertThat(v.score()).isZero();
            assertThat(v.message()).contains("limit");
            assertThat(v.output()).contains("LimitError");
        }

        @Test
        @DisplayName("an exception in checks.py makes the attempt not gradable")
        void faultyChecks() {
            Verdict v = grade("x = 1", "check('one', ns['missing'] == 1, " + FEEDBACK + ")\n", "x = 1");
            assertThat(v.gradable()).isFalse();
            assertThat(v.message()).contains("KeyError", "does not count");
        }

        @Test
        @DisplayName("a check whose ok is not a bool is a fault of the checks")
        void nonBoolOk() {
            Verdict v = grade("x = 1", "check('one', 1, " + FEEDBACK + ")\n", "x = 1");
            assertThat(v.gradable()).isFalse();
            assertThat(v.message()).contains("ok must be True or False");
        }

        @Test
        @DisplayName("feedback missing a language is a fault of the checks")
        void missingLanguage() {
            Verdict v = GRADER.grade(exercise("x = 1", "check('one', True, feedback={'en': 'only English'})\n"), "x = 1",
                    Lang.ZH);
            assertThat(v.gradable()).isFalse();
            assertThat(v.message()).contains("feedback needs a 'zh' text", "不计入成绩");
        }

        @Test
        @DisplayName("the learner's program cannot import the check API")
        void learnerCannotImportApi() {
            Verdict v = grade("x = 1", "check('one', True, " + FEEDBACK + ")\n", "from optimlab_checks import check\n");
            assertThat(v.gradable()).isTrue();
            assertThat(v.output()).contains("ModuleNotFoundError");
        }
    }

    @Nested
    @DisplayName("cannot be fooled")
    class Cheating {

        @Test
        @DisplayName("an object whose __eq__ always returns True does not reach the checks")
        void alwaysEqual() {
            String attempt = "class Anything:\n    def __eq__(self, other):\n        return True\n"
                    + "answer = Anything()\nw = Anything()\n";
            String checks = "ref = solution()\n"
                    + "check('answer', ns.get('answer') == ref['ns']['answer'], " + FEEDBACK + ")\n"
                    + "check('w', 'w' in ns and close(ns['w'], ref['ns']['w']), " + FEEDBACK + ")\n"
                    + "check('reverse', ref['ns']['answer'] == ns.get('answer'), " + FEEDBACK + ")\n";
            String solution = "import torch\nanswer = 'b'\nw = torch.tensor([1.0])\n";
            assertThat(grade(solution, checks, solution).score()).isEqualTo(1.0);
            Verdict v = grade(solution, checks, attempt);
            assertThat(v.gradable()).isTrue();
            assertThat(v.score()).isZero();
        }

        @Test
        @DisplayName("rebinding torch.optim.SGD.step is refused, so the attempt earns nothing")
        void rebindStep() {
            String good = LOOP.formatted("optimizer.zero_grad()");
            String attempt = "import torch\ntorch.optim.SGD.step = lambda self: None\n" + good;
            String checks = "check('steps', len(trace.calls('optimizer.step')) == 3, " + FEEDBACK + ")\n"
                    + "check('w', close(ns['w'], solution()['ns']['w']), " + FEEDBACK + ")\n";
            Verdict v = grade(good, checks, attempt);
            assertThat(v.gradable()).isTrue();
            assertThat(v.score()).isZero();
            assertThat(v.output()).contains("cannot set 'step' attribute of immutable type 'SGD'");
        }
    }
}
