package dev.optimlab.pylite;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs one file from the command line while developing: {@code java ... PyliteMain file.py}. */
final class PyliteMain {
    private PyliteMain() {
    }

    public static void main(String[] args) throws Exception {
        String source = Files.readString(Path.of(args[0]));
        RunResult r = PyliteRunner.run(source, "main.py", Limits.defaults(), RunListener.NONE);
        System.out.print(r.stdout());
        System.err.print(r.stderr());
        System.exit(r.status() == RunResult.Status.OK ? 0 : r.status() == RunResult.Status.PYTHON_ERROR ? 1 : 2);
    }
}
