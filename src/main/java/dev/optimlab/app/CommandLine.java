package dev.optimlab.app;

import dev.optimlab.runs.RunCommand;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dispatches {@code java -jar optimlab.jar COMMAND ...}. Arguments that are not a command (none, or Spring
 * options such as {@code --server.port=9090}) start the web app instead.
 */
final class CommandLine {

    /** A command that runs without the web app; returns the process exit code. */
    interface Command {
        String summary();

        int run(String[] args, PrintStream out, PrintStream err);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command> commands = new TreeMap<>();

    CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        commands.put("help", new Command() {
            @Override
            public String summary() {
                return "show this list of commands";
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                printUsage(out);
                return 0;
            }
        });
        commands.put("grade", new Command() {
            @Override
            public String summary() {
                return GradeCommand.SUMMARY;
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                return GradeCommand.run(args, out, err);
            }
        });
        commands.put("lint-content", new Command() {
            @Override
            public String summary() {
                return LintContentCommand.SUMMARY;
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                return LintContentCommand.run(args, out, err);
            }
        });
        commands.put("backup", new Command() {
            @Override
            public String summary() {
                return BackupCommand.BACKUP_SUMMARY;
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                return BackupCommand.backup(args, System.getenv(), out, err);
            }
        });
        commands.put("restore", new Command() {
            @Override
            public String summary() {
                return BackupCommand.RESTORE_SUMMARY;
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                return BackupCommand.restore(args, out, err);
            }
        });
        commands.put("users", new Command() {
            @Override
            public String summary() {
                return UsersCommand.SUMMARY;
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                return UsersCommand.run(args, out, err);
            }
        });
        commands.put("run", new Command() {
            @Override
            public String summary() {
                return RunCommand.SUMMARY;
            }

            @Override
            public int run(String[] args, PrintStream out, PrintStream err) {
                return RunCommand.run(args, out, err);
            }
        });
    }

    boolean handles(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    int run(String[] args) {
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("optimlab: unknown command '" + args[0] + "'");
            printUsage(err);
            return 2;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return command.run(rest, out, err);
    }

    private void printUsage(PrintStream stream) {
        stream.println("usage: java -jar optimlab.jar [COMMAND [ARGS...]]");
        stream.println("Without a command, starts the OptimLab web app (Spring options such as --server.port=9090 apply).");
        stream.println("Commands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.forEach((name, command) -> stream.printf("  %-" + width + "s  %s%n", name, command.summary()));
    }
}
