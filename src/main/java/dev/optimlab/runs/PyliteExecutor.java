package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.PyliteRunner;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;

/**
 * Runs programs with {@link PyliteRunner}, on its thread with a large explicit stack; the interpreter's
 * cancellation is what stops busy loops and, through the budget's checkpoints, long host operations. The
 * counterpart of {@code python3 main.py}.
 */
public final class PyliteExecutor implements ProgramExecutor {

    @Override
    public Execution start(Program program, Limits limits, ProgramOutput output) {
        PyliteRunner.Run run = PyliteRunner.start(program.source(), program.filename(), limits, new RunListener() {
            @Override
            public void stdout(String chunk) {
                output.stdout(chunk);
            }

            @Override
            public void stderr(String chunk) {
                output.stderr(chunk);
            }

            @Override
            public void finished(RunResult result) {
                output.finished(result);
            }
        });
        return run::cancel;
    }
}
