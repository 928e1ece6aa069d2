package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when and where learners' programs run: a queue served fairly by the CPU each learner's programs
 * use ({@link FairQueue}), a fixed pool of workers of which some are kept for learners who used little, one
 * Run and one Submit per learner, a global queue cap, a memory guard that admits a program only when its
 * budget fits the heap share, cancellation, and batched event delivery. Built without Spring, so that the
 * command line runs programs through the same path as the server. No PyTorch counterpart: the part of a
 * shell or job scheduler that starts {@code python3 main.py}.
 */
public final class RunService implements AutoCloseable {
    /** What the interpreter itself needs beside the program's data: parse tree, frames, buffers. */
    static final long INTERPRETER_OVERHEAD_BYTES = 8L << 20;
    /** Workers only wait for the program, which runs on the interpreter's own large-stack thread. */
    private static final long WORKER_STACK_BYTES = 512L << 10;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Idle workers look again this often, since a waiting heavy learner turns light as their usage decays. */
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RunSettings settings;
    private final ProgramExecutor executor;
    private final RunMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final FairQueue queue;
    private final Map<String, RunHandle> activeRuns = new HashMap<>();
    private final Map<String, RunHandle> pendingSubmits = new HashMap<>();
    private final Map<String, Integer> guestRunsByAddress = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Set<RunHandle> streaming = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private long reservedBytes;
    private int running;
    private int runningHeavy;
    private boolean shutDown;

    public RunService(RunSettings settings, ProgramExecutor executor, RunMetrics metrics) {
        this.settings = settings;
        this.executor = executor;
        this.metrics = metrics;
        this.queue = new FairQueue(settings.fairShare(), System::nanoTime);
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = Thread.ofPlatform().name("run-worker-" + i).daemon().stackSize(WORKER_STACK_BYTES)
                    .unstarted(this::work);
            workers.add(worker);
            worker.start();
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("run-events").daemon().factory());
        long interval = settings.batchInterval().toNanos();
        ticker.scheduleAtFixedRate(this::deliverAll, interval, interval, TimeUnit.NANOSECONDS);
        metrics.queueLength(this::queueLength);
    }

    public RunSettings settings() {
        return settings;
    }

    /** Queues a program with the default limits of its kind. */
    public SubmitResult submit(Learner learner, Program program, RunKind kind) {
        return submit(learner, program, kind, null);
    }

    /**
     * Queues a program and answers at once. A Run replaces the learner's queued or running Run; a Submit is
     * refused while the learner's previous Submit is unfinished; anything is refused when the queue is full.
     *
     * @param limits the exercise's limits, or null for the defaults of {@code kind}
     */
    public SubmitResult submit(Learner learner, Program program, RunKind kind, Limits limits) {
        return submit(learner, (effective, output) -> executor.start(program, effective, output), kind, limits);
    }

    /**
     * Queues a job under the same rules as a program: a graded attempt, for instance, that runs the learner's
     * program and then the checks in one worker's turn.
     *
     * @param limits the job's limits (its wall time bounds the whole job), or null for the defaults of {@code kind}
     */
    public SubmitResult submit(Learner learner, Job job, RunKind kind, Limits limits) {
        Limits effective = limits != null ? limits : settings.limitsFor(kind);
        RunHandle replaced;
        RunHandle handle;
        boolean replacedWasQueued;
        lock.lock();
        try {
            SubmitResult.Reason refusal = refusal(learner, kind);
            if (refusal != null) {
                metrics.rejected(refusal);
                return refusal.rejected();
            }
            replaced = kind == RunKind.RUN ? activeRuns.get(learner.id()) : null;
            replacedWasQueued = replaced != null && queue.remove(replaced);
            if (replacedWasQueued) {
                replaced.state = RunHandle.State.DONE;
            }
            long reservation = Math.min(effective.maxBytes() + INTERPRETER_OVERHEAD_BYTES,
                    settings.memoryCapacityBytes());
            handle = new RunHandle(this, learner, kind, job, effective, settings.eventBuffer(), reservation);
            queue.add(handle);
            handle.queuePosition = queue.positionOf(handle);
            (kind == RunKind.RUN ? activeRuns : pendingSubmits).put(learner.id(), handle);
            if (learner.guest()) {
                guestRunsByAddress.merge(learner.address(), 1, Integer::sum);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (replaced != null) {
            metrics.cancelled(CancelCause.REPLACED);
            if (replacedWasQueued) {
                finishUnstarted(replaced, CancelCause.REPLACED);
            } else {
                requestCancel(replaced, CancelCause.REPLACED);
            }
        }
        return new SubmitResult.Accepted(handle);
    }

    private SubmitResult.Reason refusal(Learner learner, RunKind kind) {
        if (shutDown) {
            return SubmitResult.Reason.SHUT_DOWN;
        }
        if (learner.guest() && !settings.guestsEnabled()) {
            return SubmitResult.Reason.GUESTS_DISABLED;
        }
        if (kind == RunKind.SUBMIT && pendingSubmits.containsKey(learner.id())) {
            return SubmitResult.Reason.SUBMISSION_PENDING;
        }
        RunHandle replaced = kind == RunKind.RUN ? activeRuns.get(learner.id()) : null;
        boolean freesQueueSlot = replaced != null && replaced.state == RunHandle.State.QUEUED;
        if (queue.size() - (freesQueueSlot ? 1 : 0) >= settings.queueCapacity()) {
            return SubmitResult.Reason.SERVER_BUSY;
        }
        if (learner.guest() && guestRunsByAddress.getOrDefault(learner.address(), 0) - (replaced != null ? 1 : 0)
                >= settings.guestRunsPerAddress()) {
            return SubmitResult.Reason.ADDRESS_CAP;
        }
        return null;
    }

    /** Cancels the learner's Run, as when their tab closes or their session ends; a Submit is still graded. */
    public void cancelAllFor(Learner learner) {
        RunHandle run;
        lock.lock();
        try {
            run = activeRuns.get(learner.id());
        } finally {
            lock.unlock();
        }
        if (run != null) {
            cancel(run, CancelCause.SESSION_ENDED);
        }
    }

    void cancel(RunHandle handle, CancelCause cause) {
        boolean wasQueued;
        lock.lock();
        try {
            if (handle.state == RunHandle.State.DONE || handle.cancelCause != null) {
                return;
            }
            wasQueued = queue.remove(handle);
            if (wasQueued) {
                handle.state = RunHandle.State.DONE;
            }
        } finally {
            lock.unlock();
        }
        metrics.cancelled(cause);
        if (wasQueued) {
            finishUnstarted(handle, cause);
        } else {
            requestCancel(handle, cause);
        }
    }

    private void requestCancel(RunHandle handle, CancelCause cause) {
        handle.cancelCause = cause;
        handle.cancelledAtNanos = System.nanoTime();
        ProgramExecutor.Execution execution = handle.execution;
        if (execution != null) {
            execution.cancel();
        }
    }

    private void finishUnstarted(RunHandle handle, CancelCause cause) {
        handle.cancelCause = cause;
        String text = "Cancelled: " + cause.reason() + " before it started\n";
        finish(handle, new RunResult(RunResult.Status.CANCELLED, "", text, "CANCELLED", 0, Duration.ZERO, 0),
                waitedSince(handle));
    }

    /** Programs waiting for a worker. */
    public int queueLength() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Programs on a worker now. */
    public int runningCount() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** The memory budgets of programs whose threads have not ended yet. */
    public long reservedBytes() {
        lock.lock();
        try {
            return reservedBytes;
        } finally {
            lock.unlock();
        }
    }

    public int workersAlive() {
        return (int) workers.stream().filter(Thread::isAlive).count();
    }

    int positionOf(RunHandle handle) {
        lock.lock();
        try {
            return queue.positionOf(handle);
        } finally {
            lock.unlock();
        }
    }

    /** The learner's CPU use as the scheduler sees it: the recent sum, halving every {@code halfLife}. */
    public Duration recentCpu(Learner learner) {
        lock.lock();
        try {
            return Duration.ofNanos(queue.recentCpuNanos(learner.id()));
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            RunHandle handle = null;
            lock.lock();
            try {
                while (!shutDown && (handle = queue.poll(heavyAllowed(), this::fitsMemory)) == null) {
                    try {
                        changed.awaitNanos(RECHECK_NANOS);
                    } catch (InterruptedException e) {
                        // Workers stop only through close(); look at the queue again.
                    }
                }
                if (shutDown) {
                    return;
                }
                handle.state = RunHandle.State.RUNNING;
                handle.heavy = !queue.isLight(handle.learner().id());
                reservedBytes += handle.reservedBytes;
                running++;
                runningHeavy += handle.heavy ? 1 : 0;
            } finally {
                lock.unlock();
            }
            try {
                execute(handle);
            } finally {
                lock.lock();
                try {
                    running--;
                    runningHeavy -= handle.heavy ? 1 : 0;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Learners over the light-CPU threshold may start a program only while an unreserved worker is free. */
    private boolean heavyAllowed() {
        return runningHeavy < settings.workers() - settings.reservedWorkers();
    }

    private boolean fitsMemory(RunHandle handle) {
        return reservedBytes + handle.reservedBytes <= settings.memoryCapacityBytes();
    }

    private void execute(RunHandle handle) {
        Duration waited = waitedSince(handle);
        metrics.waited(handle.kind(), waited);
        handle.log.add(new RunEvent.Started(waited));
        deliverNow(handle);
        long started = System.nanoTime();
        handle.startedNanos = started;
        try {
            handle.execution = handle.job().start(handle.limits(), new LoggingOutput(handle));
        } catch (RuntimeException e) {
            releaseMemory(handle);
            String text = "SystemError: OptimLab could not start this program (internal "
                    + e.getClass().getSimpleName() + "); please report it\n";
            finish(handle, new RunResult(RunResult.Status.PYTHON_ERROR, "", text, "SystemError", 0,
                    Duration.ZERO, 0), waited);
            return;
        }
        if (handle.cancelCause != null) {
            handle.execution.cancel();
        }
        finish(handle, awaitProgram(handle, started), waited);
    }

    /** Waits for the program, but frees the worker if it outlives its wall limit or a cancel by the grace. */
    private RunResult awaitProgram(RunHandle handle, long started) {
        long grace = settings.cancelGrace().toNanos();
        long wallDeadline = started + handle.limits().wallTime().toNanos() + grace;
        while (true) {
            long cancelledAt = handle.cancelledAtNanos;
            long deadline = cancelledAt != 0 ? Math.min(wallDeadline, cancelledAt + grace) : wallDeadline;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                return handle.programEnded.get(Math.min(remaining, POLL_NANOS), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Look again at the deadline: a cancel may have shortened it.
            } catch (ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        handle.execution.cancel();
        Duration ran = Duration.ofNanos(System.nanoTime() - started);
        CancelCause cause = handle.cancelCause;
        if (cause != null) {
            return new RunResult(RunResult.Status.CANCELLED, "", "Cancelled: " + cause.reason() + "\n", "CANCELLED",
                    0, ran, 0);
        }
        return new RunResult(RunResult.Status.LIMIT_EXCEEDED, "", "LimitError: Your program ran longer than the "
                + "time limit and did not stop\n", "TIME", 0, ran, 0);
    }

    private void finish(RunHandle handle, RunResult result, Duration waited) {
        String message = result.stderr();
        if (result.status() == RunResult.Status.CANCELLED && handle.cancelCause != null
                && !message.startsWith("Cancelled: " + handle.cancelCause.reason())) {
            message = "Cancelled: " + handle.cancelCause.reason() + "\n";
        }
        handle.log.finish(new RunEvent.Finished(result.status(), result.errorType(), result.errorLine(), message,
                result.duration()), result.stderr());
        if (result.duration().compareTo(Duration.ZERO) > 0) {
            metrics.ran(handle.kind(), result);
        }
        boolean started = handle.state == RunHandle.State.RUNNING;
        long held = started ? System.nanoTime() - handle.startedNanos : 0;
        if (started && handle.cpuNanos >= 0) {
            metrics.cpu(handle.kind(), Duration.ofNanos(handle.cpuNanos));
        }
        lock.lock();
        try {
            if (started) {
                // Billed before the outcome is complete, so the learner's next program already waits its turn.
                // A worker held longer than the CPU used (a host whose cores are shared) is billed as held.
                queue.charge(handle.learner().id(), Math.max(handle.cpuNanos, held));
            }
            handle.state = RunHandle.State.DONE;
            activeRuns.remove(handle.learner().id(), handle);
            pendingSubmits.remove(handle.learner().id(), handle);
            if (handle.learner().guest()) {
                guestRunsByAddress.computeIfPresent(handle.learner().address(), (a, n) -> n > 1 ? n - 1 : null);
            }
        } finally {
            lock.unlock();
        }
        handle.complete(new RunOutcome(result, waited, handle.log.cut()));
        deliverNow(handle);
    }

    private void releaseMemory(RunHandle handle) {
        if (handle.memoryReleased.compareAndSet(false, true)) {
            lock.lock();
            try {
                reservedBytes -= handle.reservedBytes;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static Duration waitedSince(RunHandle handle) {
        return Duration.ofNanos(System.nanoTime() - handle.submittedNanos());
    }

    /** Writes what the program produces into its log; never blocks on subscribers. */
    private final class LoggingOutput implements ProgramOutput {
        private final RunHandle handle;
        private final AtomicBoolean metricSeen = new AtomicBoolean();

        LoggingOutput(RunHandle handle) {
            this.handle = handle;
        }

        @Override
        public void stdout(String text) {
            handle.log.output(RunEvent.Stream.STDOUT, text);
        }

        @Override
        public void stderr(String text) {
            handle.log.output(RunEvent.Stream.STDERR, text);
        }

        @Override
        public void warning(String text) {
            handle.log.warning(text);
        }

        @Override
        public void metric(String series, long step, double value) {
            handle.log.add(new RunEvent.Metric(series, step, value));
            // The first chart point is what a learner watching the chart waits for; later ones wait for the tick.
            if (metricSeen.compareAndSet(false, true)) {
                deliverNow(handle);
            }
        }

        @Override
        public void cpuTime(Duration used) {
            handle.cpuNanos = used.toNanos();
        }

        @Override
        public void finished(RunResult result) {
            releaseMemory(handle);
            handle.programEnded.complete(result);
        }
    }

    AutoCloseable subscribe(RunHandle handle, RunSubscriber subscriber) {
        RunHandle.Subscription[] self = new RunHandle.Subscription[1];
        self[0] = new RunHandle.Subscription(subscriber, () -> handle.subscriptions.remove(self[0]));
        handle.subscriptions.add(self[0]);
        deliverNow(handle);
        return self[0];
    }

    private void deliverNow(RunHandle handle) {
        if (handle.subscriptions.isEmpty()) {
            return;
        }
        streaming.add(handle);
        for (RunHandle.Subscription subscription : handle.subscriptions) {
            deliver(handle, subscription);
        }
    }

    private void deliverAll() {
        for (RunHandle handle : streaming) {
            boolean drained = true;
            for (RunHandle.Subscription subscription : handle.subscriptions) {
                deliver(handle, subscription);
                drained &= subscription.closed || handle.log.drainedAt(subscription.cursor);
            }
            if (drained && handle.done()) {
                streaming.remove(handle);
            }
        }
    }

    /** Hands the subscriber its next batch on a delivery thread, unless it is still busy with the last one. */
    private void deliver(RunHandle handle, RunHandle.Subscription subscription) {
        if (subscription.closed || !subscription.delivering.compareAndSet(false, true)) {
            return;
        }
        EventLog.Batch batch = handle.log.readFrom(subscription.cursor);
        if (batch.events().isEmpty()) {
            subscription.delivering.set(false);
            return;
        }
        subscription.cursor = batch.next();
        try {
            deliveries.execute(() -> {
                try {
                    subscription.subscriber.onEvents(batch.events());
                } catch (RuntimeException e) {
                    subscription.close();
                } finally {
                    subscription.delivering.set(false);
                }
                // The end of a run should not wait for the next tick.
                if (handle.done() && !handle.log.drainedAt(subscription.cursor)) {
                    deliver(handle, subscription);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            subscription.delivering.set(false);
        }
    }

    /** Cancels everything, waits briefly for the last events to go out, and stops the workers. */
    @Override
    public void close() {
        List<RunHandle> all = new ArrayList<>();
        lock.lock();
        try {
            shutDown = true;
            all.addAll(queue.all());
            all.addAll(activeRuns.values());
            all.addAll(pendingSubmits.values());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        all.forEach(handle -> cancel(handle, CancelCause.SHUTDOWN));
        long deadline = System.nanoTime() + settings.cancelGrace().toNanos() * 2;
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deliverAll();
        ticker.shutdown();
        deliveries.shutdown();
        try {
            deliveries.awaitTermination(settings.cancelGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
