package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in interpreter whose programs are Java scripts: they write to the output, then wait on a gate
 * until released or cancelled, so tests control exactly when each program ends.
 */
final class ScriptedExecutor implements ProgramExecutor {
    private final Consumer<ProgramOutput> script;
    private final boolean ignoresCancel;
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();

    ScriptedExecutor(Consumer<ProgramOutput> script, boolean ignoresCancel) {
        this.script = script;
        this.ignoresCancel = ignoresCancel;
    }

    /** Programs that print their source and wait for the gate. */
    static ScriptedExecutor waiting() {
        return new ScriptedExecutor(output -> { }, false);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public Execution start(Program program, Limits limits, ProgramOutput output) {
        CountDownLatch cancelled = new CountDownLatch(1);
        started.incrementAndGet();
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        Thread.ofPlatform().daemon().start(() -> {
            long start = System.nanoTime();
            output.stdout(program.source());
            script.accept(output);
            RunResult.Status status = RunResult.Status.OK;
            try {
                while (gate.getCount() > 0) {
                    if (!ignoresCancel && cancelled.await(5, TimeUnit.MILLISECONDS)) {
                        status = RunResult.Status.CANCELLED;
                        break;
                    }
                    gate.await(5, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            output.finished(new RunResult(status, program.source(), "", null, 0,
                    Duration.ofNanos(System.nanoTime() - start), 1));
        });
        return cancelled::countDown;
    }
}
