package dev.optimlab.bench;

import dev.optimlab.pylite.Limits;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.Program;
import dev.optimlab.runs.PyliteExecutor;
import dev.optimlab.runs.RunEvent;
import dev.optimlab.runs.RunHandle;
import dev.optimlab.runs.RunKind;
import dev.optimlab.runs.RunMetrics;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.RunSettings;
import dev.optimlab.runs.SubmitResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The latencies a learner feels: from pressing Run to the page's first event and first printed line, and
 * from pressing Stop on a busy loop to the worker being free for the next program.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RunServiceBench {
    private static final Learner LEARNER = Learner.member("bench");
    private static final Program HELLO = Program.of("print('hello')\n");
    private static final Program BUSY = Program.of("while True:\n    pass\n");

    private RunService service;
    private RunHandle handle;

    @Setup(Level.Trial)
    public void startService() {
        Limits limits = Limits.defaults().withWallTime(Duration.ofSeconds(30));
        service = new RunService(RunSettings.defaults().withWorkers(1).withLimits(limits, limits),
                new PyliteExecutor(), RunMetrics.NONE);
    }

    @TearDown(Level.Trial)
    public void stopService() {
        service.close();
    }

    @TearDown(Level.Invocation)
    public void awaitEnd() throws Exception {
        if (handle != null) {
            handle.outcome().get(30, TimeUnit.SECONDS);
        }
    }

    @Benchmark
    public RunEvent submitToFirstEvent() throws Exception {
        return firstEvent(false);
    }

    @Benchmark
    public RunEvent submitToFirstOutput() throws Exception {
        return firstEvent(true);
    }

    private RunEvent firstEvent(boolean output) throws Exception {
        handle = ((SubmitResult.Accepted) service.submit(LEARNER, HELLO, RunKind.RUN)).handle();
        CompletableFuture<RunEvent> first = new CompletableFuture<>();
        handle.subscribe(batch -> batch.stream().filter(e -> !output || e instanceof RunEvent.Output).findFirst()
                .ifPresent(first::complete));
        return first.get(30, TimeUnit.SECONDS);
    }

    @State(Scope.Thread)
    public static class Busy {
        RunHandle busy;

        @Setup(Level.Invocation)
        public void startBusyLoop(RunServiceBench bench) throws InterruptedException {
            busy = ((SubmitResult.Accepted) bench.service.submit(LEARNER, BUSY, RunKind.RUN)).handle();
            while (busy.state() != RunHandle.State.RUNNING) {
                Thread.onSpinWait();
            }
            Thread.sleep(5);
        }
    }

    @Benchmark
    public Object cancelToFree(Busy busy) throws Exception {
        busy.busy.cancel();
        return busy.busy.outcome().get(30, TimeUnit.SECONDS);
    }
}
