package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Runs programs with pylite and the torch modules ({@link TorchBridge}), on the interpreter's thread with a
 * large explicit stack; the interpreter's cancellation is what stops busy loops and, through the budget's
 * checkpoints, long tensor kernels. {@code torch.save}/{@code torch.load} use the program's workspace folder.
 * The interpreter runs each program on a thread of its own, so that thread's CPU time is the program's.
 * The counterpart of {@code python3 main.py}.
 */
public final class PyliteExecutor implements ProgramExecutor {

    @Override
    public Execution start(Program program, Limits limits, ProgramOutput output) {
        Storage storage = program.files();
        TorchBridge.Run run = TorchBridge.start(program.source(), program.filename(), limits, new RunListener() {
            @Override
            public void stdout(String chunk) {
                output.stdout(chunk);
            }

            @Override
            public void stderr(String chunk) {
                output.stderr(chunk);
            }

            @Override
            public void warning(String category, String message, String text) {
                output.warning(text);
            }

            @Override
            public void finished(RunResult result) {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                if (threads.isCurrentThreadCpuTimeSupported()) {
                    output.cpuTime(Duration.ofNanos(threads.getCurrentThreadCpuTime()));
                }
                output.finished(result);
            }
        }, storage, new TorchEvents() {
            @Override
            public void metric(String series, long step, double value) {
                output.metric(series, step, value);
            }
        }, program.sweep());
        return run::cancel;
    }
}
