package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String source, String... options) throws IOException {
        Path file = dir.resolve("main.py");
        Files.writeString(file, source);
        List<String> args = new ArrayList<>(List.of(file.toString()));
        args.addAll(List.of(options));
        return RunCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("Exit codes and streams")
    class Streams {

        @Test
        @DisplayName("a program that succeeds prints on stdout and exits 0")
        void success() throws IOException {
            assertThat(run("print('hello, world')\n")).isZero();
            assertThat(stdout()).isEqualTo("hello, world\n");
            assertThat(stderr()).isEmpty();
        }

        @Test
        @DisplayName("a Python error puts the traceback on stderr and exits 1")
        void pythonError() throws IOException {
            assertThat(run("print('before')\nraise ValueError('bad lr')\n")).isEqualTo(1);
            assertThat(stdout()).isEqualTo("before\n");
            assertThat(stderr()).isEqualTo("""
                    Traceback (most recent call last):
                      File "main.py", line 2, in <module>
                        raise ValueError('bad lr')
                    ValueError: bad lr
                    """);
        }

        @Test
        @DisplayName("warnings go to stderr as CPython prints them, the program's with its place, PyTorch's with their text")
        void warnings() throws IOException {
            assertThat(run("""
                    import warnings
                    import torch
                    print('start')
                    warnings.warn('lr looks large')
                    opt = torch.optim.SGD([torch.nn.Parameter(torch.ones(1))], lr=0.1)
                    torch.optim.lr_scheduler.StepLR(opt, step_size=1).step()
                    """)).isZero();
            assertThat(stdout()).isEqualTo("start\n");
            // CPython 3.11's line for the program's warning; PyTorch 1.13's text for its own, without its source path
            assertThat(stderr()).isEqualTo("""
                    main.py:4: UserWarning: lr looks large
                      warnings.warn('lr looks large')
                    UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 \
                    and later, you should call them in the opposite order: `optimizer.step()` before \
                    `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the \
                    learning rate schedule. See more details at \
                    https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate
                    """);
        }

        @Test
        @DisplayName("a syntax error is a Python error too, exit 1")
        void syntaxError() throws IOException {
            assertThat(run("def f(:\n")).isEqualTo(1);
            assertThat(stderr()).contains("SyntaxError");
        }

        @Test
        @DisplayName("a program stopped by --time-limit names the limit on stderr and exits 2")
        void timeLimit() throws IOException {
            assertThat(run("while True:\n    pass\n", "--time-limit", "0.2")).isEqualTo(2);
            assertThat(stderr()).startsWith("LimitError:").contains("time limit");
        }

        @Test
        @DisplayName("--events jsonl writes every event as one JSON line on stdout and nothing on stderr")
        void jsonLines() throws IOException {
            assertThat(run("print('a\"b')\n1/0\n", "--events", "jsonl")).isEqualTo(1);
            assertThat(stderr()).isEmpty();
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> events = new ArrayList<>();
            for (String line : stdout().split("\n")) {
                events.add(json.readTree(line));
            }
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("started", "stdout", "stderr", "finished");
            assertThat(events.get(1).get("text").asText()).isEqualTo("a\"b\n");
            assertThat(events.get(2).get("text").asText()).endsWith("ZeroDivisionError: division by zero\n");
            JsonNode finished = events.get(3);
            assertThat(finished.get("status").asText()).isEqualTo("python_error");
            assertThat(finished.get("errorType").asText()).isEqualTo("ZeroDivisionError");
            assertThat(finished.get("line").asInt()).isEqualTo(2);
        }

        @Test
        @DisplayName("--workspace creates the folder the program's files go to")
        void workspace() throws IOException {
            Path workspace = dir.resolve("ws");
            assertThat(run("print(1)\n", "--workspace", workspace.toString())).isZero();
            assertThat(workspace).isDirectory();
        }
    }

    @Nested
    @DisplayName("Usage errors")
    class Usage {

        @Test
        @DisplayName("no file, an unknown option or a bad time limit exit 64 with the help on stderr")
        void badArguments() throws IOException {
            assertThat(RunCommand.run(new String[0], new PrintStream(out), new PrintStream(err)))
                    .isEqualTo(RunCommand.USAGE_ERROR);
            assertThat(run("print(1)\n", "--fast")).isEqualTo(RunCommand.USAGE_ERROR);
            assertThat(run("print(1)\n", "--time-limit", "soon")).isEqualTo(RunCommand.USAGE_ERROR);
            assertThat(run("print(1)\n", "--events", "xml")).isEqualTo(RunCommand.USAGE_ERROR);
            assertThat(stdout()).isEmpty();
            assertThat(stderr()).contains("which program?").contains("unexpected argument '--fast'")
                    .contains("not 'soon'").contains("--events takes the format jsonl").contains("Exit status:");
        }

        @Test
        @DisplayName("a file that cannot be read exits 64 and says which")
        void missingFile() {
            int code = RunCommand.run(new String[] {dir.resolve("nope.py").toString()}, new PrintStream(out),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(RunCommand.USAGE_ERROR);
            assertThat(stderr()).contains("cannot read").contains("nope.py");
        }

        @Test
        @DisplayName("--help prints what goes where and exits 0")
        void help() {
            assertThat(RunCommand.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err))).isZero();
            assertThat(stdout()).contains("--events jsonl").contains("stderr");
        }
    }
}
