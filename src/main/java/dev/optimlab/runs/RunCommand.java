package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code optimlab run FILE.py}: runs one program through a {@link RunService} created without Spring, the
 * path the server takes, and exits as {@code python3 FILE.py} would (0 success, 1 Python error, 2 a limit).
 */
public final class RunCommand {
    public static final int USAGE_ERROR = 64;

    public static final String SUMMARY = "run a Python program as the server would: run FILE.py [--workspace DIR] "
            + "[--time-limit SECONDS] [--events jsonl]";

    static final String HELP = """
            usage: java -jar optimlab.jar run FILE.py [--workspace DIR] [--time-limit SECONDS] [--events jsonl]
            Runs FILE.py under the server's default limits, without starting the web app.
              --workspace DIR        folder for torch.save/torch.load (default: a fresh temporary folder)
              --time-limit SECONDS   wall limit instead of the default 10 s
              --events jsonl         write every event (stdout, stderr, warning, metric, finished) as one JSON
                                     line to stdout instead of the program's own output; stderr stays empty
            Without --events: the program's output on stdout, tracebacks, limit messages and warnings on stderr.
            Exit status: 0 success, 1 Python error (SyntaxError included), 2 a limit or cancellation,
            64 a usage error or unreadable file.
            """;

    private RunCommand() {
    }

    /** Runs the command and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path workspace = null;
        Duration timeLimit = null;
        boolean jsonl = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (arg) {
                case "-h", "--help" -> {
                    out.print(HELP);
                    return 0;
                }
                case "--workspace" -> {
                    if (!hasValue) {
                        return usage(err, "--workspace needs a folder");
                    }
                    workspace = Path.of(args[++i]);
                }
                case "--time-limit" -> {
                    if (!hasValue) {
                        return usage(err, "--time-limit needs a number of seconds");
                    }
                    try {
                        double seconds = Double.parseDouble(args[++i]);
                        if (!(seconds > 0) || seconds > 3600) {
                            return usage(err, "--time-limit takes seconds between 0 and 3600, not " + args[i]);
                        }
                        timeLimit = Duration.ofNanos((long) (seconds * 1e9));
                    } catch (NumberFormatException e) {
                        return usage(err, "--time-limit takes a number of seconds, not '" + args[i] + "'");
                    }
                }
                case "--events" -> {
                    if (!hasValue || !args[++i].equals("jsonl")) {
                        return usage(err, "--events takes the format jsonl");
                    }
                    jsonl = true;
                }
                default -> {
                    if (arg.startsWith("-") || file != null) {
                        return usage(err, "unexpected argument '" + arg + "'");
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            return usage(err, "which program? give FILE.py");
        }
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
            workspace = workspace != null ? Files.createDirectories(workspace)
                    : Files.createTempDirectory("optimlab-workspace-");
        } catch (IOException | RuntimeException e) {
            err.println("optimlab run: cannot read " + file + " or prepare the workspace: " + e.getMessage());
            return USAGE_ERROR;
        }
        return execute(new Program(source, file.getFileName().toString(), workspace), timeLimit, jsonl, out, err);
    }

    private static int execute(Program program, Duration timeLimit, boolean jsonl, PrintStream out, PrintStream err) {
        RunSettings defaults = RunSettings.defaults();
        Limits limits = timeLimit == null ? defaults.runLimits() : defaults.runLimits().withWallTime(timeLimit);
        RunSettings settings = defaults.withWorkers(1).withQueueCapacity(1);
        CountDownLatch delivered = new CountDownLatch(1);
        RunResult.Status[] status = new RunResult.Status[1];
        try (RunService service = new RunService(settings, new PyliteExecutor(), RunMetrics.NONE)) {
            SubmitResult submitted = service.submit(Learner.member("command-line"), program, RunKind.RUN, limits);
            if (!(submitted instanceof SubmitResult.Accepted(RunHandle handle))) {
                err.println("optimlab run: " + ((SubmitResult.Rejected) submitted).message());
                return 2;
            }
            handle.subscribe(batch -> {
                for (RunEvent event : batch) {
                    if (jsonl) {
                        out.println(json(event));
                    } else {
                        print(event, out, err);
                    }
                    if (event instanceof RunEvent.Finished finished) {
                        status[0] = finished.status();
                        out.flush();
                        err.flush();
                        delivered.countDown();
                    }
                }
            });
            delivered.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        return switch (status[0]) {
            case OK -> 0;
            case PYTHON_ERROR -> 1;
            case LIMIT_EXCEEDED, CANCELLED -> 2;
        };
    }

    private static void print(RunEvent event, PrintStream out, PrintStream err) {
        switch (event) {
            case RunEvent.Output(RunEvent.Stream stream, String text) ->
                    (stream == RunEvent.Stream.STDOUT ? out : err).print(text);
            case RunEvent.Warning(String text) -> err.print(text.endsWith("\n") ? text : text + "\n");
            case RunEvent.Skipped(long count) -> err.println("[" + count + " events not shown]");
            case RunEvent.Started started -> { }
            case RunEvent.Paused paused -> { }
            case RunEvent.Resumed resumed -> { }
            case RunEvent.Metric metric -> { }
            case RunEvent.Finished finished -> { }
        }
    }

    /** One event as a JSON object on one line. */
    static String json(RunEvent event) {
        return switch (event) {
            case RunEvent.Started(Duration waited) -> "{\"type\":\"started\",\"waitedMs\":" + millis(waited) + "}";
            case RunEvent.Paused() -> "{\"type\":\"paused\"}";
            case RunEvent.Resumed() -> "{\"type\":\"resumed\"}";
            case RunEvent.Output(RunEvent.Stream stream, String text) -> "{\"type\":\""
                    + stream.name().toLowerCase(Locale.ROOT) + "\",\"text\":" + quote(text) + "}";
            case RunEvent.Warning(String text) -> "{\"type\":\"warning\",\"text\":" + quote(text) + "}";
            case RunEvent.Metric(String series, long step, double value) -> "{\"type\":\"metric\",\"series\":"
                    + quote(series) + ",\"step\":" + step + ",\"value\":" + number(value) + "}";
            case RunEvent.Skipped(long count) -> "{\"type\":\"skipped\",\"count\":" + count + "}";
            case RunEvent.Finished f -> "{\"type\":\"finished\",\"status\":\"" + f.status().name().toLowerCase(Locale.ROOT)
                    + "\",\"errorType\":" + (f.errorType() == null ? "null" : quote(f.errorType())) + ",\"line\":"
                    + f.errorLine() + ",\"message\":" + quote(f.message()) + ",\"durationMs\":" + millis(f.duration())
                    + "}";
        };
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e6);
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : quote(Double.toString(value));
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("optimlab run: " + problem);
        err.print(HELP);
        return USAGE_ERROR;
    }
}
