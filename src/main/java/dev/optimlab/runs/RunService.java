package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.runtime.LimitExceeded;
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
import java.util.function.Supplier;

/**
 * Decides when and where learners' programs run: a queue served fairly by the CPU each learner's programs
 * use ({@link FairQueue}), a fixed pool of workers of which some are kept for learners who used little, time
 * slices (a program that runs past its slice while a learner who used less waits is paused at its next check
 * and queued again, and its wall limit counts only its running time), one Run and one Submit per learner,
 * a global queue cap, a memory guard that admits a program only when its budget fits the heap share
 * ({@link MemoryGuard}), cancellation, and batched event delivery. Built without Spring, so that the command
 * line runs programs through the same path as the server. No PyTorch counterpart: the part of a shell or job
 * scheduler that starts {@code python3 main.py}.
 */
public final class RunService implements AutoCloseable {
    /** Workers only wait for the program, which runs on the interpreter's own large-stack thread. */
    private static final long WORKER_STACK_BYTES = 512L << 10;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Idle workers look again this often, since a waiting heavy learner turns light as their usage decays. */
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long a worker waits for a program to reach its next check and park before it lets it run on. */
    private static final long PARK_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long PARK_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** A program waiting and paused in turns ends after this many times its wall limit in the service. */
    static final int TIME_IN_SERVICE_FACTOR = 10;
    /**
     * A learner whose program was stopped by its memory limit within about a half-life gets this fraction of
     * the memory budget: a memory bomb then fills a quarter of the heap it would, and the guard books a quarter.
     */
    static final int MEMORY_LIMIT_BUDGET_DIVISOR = 4;

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
    private final MemoryGuard memory;
    private int running;
    private int runningHeavy;
    private boolean shutDown;
    /** Asked at each guest submission (under the lock, so it must answer from memory); the settings' at first. */
    private volatile Supplier<GuestAccess> guestAccess;

    public RunService(RunSettings settings, ProgramExecutor executor, RunMetrics metrics) {
        this.settings = settings;
        this.executor = executor;
        this.metrics = metrics;
        GuestAccess configured = new GuestAccess(settings.guestsEnabled(), settings.guestRunsPerAddress());
        this.guestAccess = () -> configured;
        this.queue = new FairQueue(settings.fairShare(), System::nanoTime);
        this.memory = new MemoryGuard(settings.memoryCapacityBytes());
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = Thread.ofPlatform().name("run-worker-" + i).daemon().stackSize(WORKER_STACK_BYTES)
                    .unstarted(this::work);
            workers.add(worker);
            worker.start();
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("run-events").daemon().factory());
        long interval = settings.batchInterval().toNanos();
        ticker.scheduleAtFixedRate(this::deliverAll, interval, interval, TimeUnit.NANOSECONDS);
        ticker.scheduleWithFixedDelay(this::endStarved, 1, 1, TimeUnit.SECONDS);
        metrics.queueLength(this::queueLength);
    }

    public RunSettings settings() {
        return settings;
    }

    /** Reads guests' access from {@code source} from now on, e.g. a site setting an admin changes at run time. */
    public void readGuestAccessFrom(Supplier<GuestAccess> source) {
        guestAccess = source;
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
        Limits requested = limits != null ? limits : settings.limitsFor(kind);
        RunHandle replaced;
        RunHandle handle;
        boolean replacedWasQueued;
        boolean replacedWasPaused;
        lock.lock();
        try {
            SubmitResult.Reason refusal = refusal(learner, kind);
            if (refusal != null) {
                metrics.rejected(refusal);
                return refusal.rejected();
            }
            replaced = kind == RunKind.RUN ? activeRuns.get(learner.id()) : null;
            replacedWasPaused = replaced != null && replaced.state == RunHandle.State.PAUSED;
            replacedWasQueued = replaced != null && queue.remove(replaced);
            if (replacedWasPaused) {
                memory.unpause(replaced);
            }
            if (replacedWasQueued) {
                replaced.state = RunHandle.State.DONE;
            }
            Limits effective = queue.hitMemoryLimitRecently(learner.id())
                    ? requested.withMaxBytes(requested.maxBytes() / MEMORY_LIMIT_BUDGET_DIVISOR) : requested;
            handle = new RunHandle(this, learner, kind, job, effective, settings.eventBuffer(),
                    memory.reservationFor(effective));
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
            if (replacedWasPaused) {
                finishPaused(replaced, CancelCause.REPLACED);
            } else if (replacedWasQueued) {
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
        GuestAccess guests = learner.guest() ? guestAccess.get() : null;
        if (guests != null && !guests.enabled()) {
            return SubmitResult.Reason.GUESTS_DISABLED;
        }
        if (kind == RunKind.SUBMIT && pendingSubmits.containsKey(learner.id())) {
            return SubmitResult.Reason.SUBMISSION_PENDING;
        }
        RunHandle replaced = kind == RunKind.RUN ? activeRuns.get(learner.id()) : null;
        boolean freesQueueSlot = replaced != null && (replaced.state == RunHandle.State.QUEUED
                || replaced.state == RunHandle.State.PAUSED);
        if (queue.size() - (freesQueueSlot ? 1 : 0) >= settings.queueCapacity()) {
            return SubmitResult.Reason.SERVER_BUSY;
        }
        if (guests != null && guestRunsByAddress.getOrDefault(learner.address(), 0) - (replaced != null ? 1 : 0)
                >= guests.runsPerAddress()) {
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
        boolean wasPaused;
        lock.lock();
        try {
            if (handle.state == RunHandle.State.DONE || handle.cancelCause != null) {
                return;
            }
            wasPaused = handle.state == RunHandle.State.PAUSED;
            wasQueued = queue.remove(handle);
            if (wasPaused) {
                memory.unpause(handle);
            }
            if (wasQueued) {
                handle.state = RunHandle.State.DONE;
            }
        } finally {
            lock.unlock();
        }
        metrics.cancelled(cause);
        if (wasPaused) {
            finishPaused(handle, cause);
        } else if (wasQueued) {
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

    /** Ends a paused program taken out of the queue: its thread wakes to stop and then frees its memory. */
    private void finishPaused(RunHandle handle, CancelCause cause) {
        handle.cancelCause = cause;
        endPaused(handle, new RunResult(RunResult.Status.CANCELLED, "", "Cancelled: " + cause.reason() + "\n",
                "CANCELLED", 0, Duration.ofNanos(handle.ranNanos), 0));
    }

    private void endPaused(RunHandle handle, RunResult result) {
        handle.gate.stop();
        handle.execution.cancel();
        finish(handle, result, handle.waited);
    }

    /**
     * Ends the programs that have been in the service (waiting, or paused between slices) for more than
     * {@value #TIME_IN_SERVICE_FACTOR} times their wall limit, so a starved program gets a clear answer.
     */
    private void endStarved() {
        long now = System.nanoTime();
        List<RunHandle> starved = new ArrayList<>();
        List<Boolean> paused = new ArrayList<>();
        lock.lock();
        try {
            for (RunHandle handle : queue.all()) {
                if (now - handle.submittedNanos() > timeInServiceCap(handle).toNanos() && queue.remove(handle)) {
                    starved.add(handle);
                    paused.add(handle.state == RunHandle.State.PAUSED);
                    if (handle.state == RunHandle.State.PAUSED) {
                        memory.unpause(handle);
                    }
                    handle.state = RunHandle.State.DONE;
                }
            }
        } finally {
            lock.unlock();
        }
        for (int i = 0; i < starved.size(); i++) {
            RunHandle handle = starved.get(i);
            String text = "LimitError: The server was too busy to finish your program within "
                    + timeInServiceCap(handle).toSeconds() + " s; please run it again in a moment\n";
            RunResult result = new RunResult(RunResult.Status.LIMIT_EXCEEDED, "", text, "TIME", 0,
                    Duration.ofNanos(handle.ranNanos), 0);
            if (paused.get(i)) {
                endPaused(handle, result);
            } else {
                finish(handle, result, waitedSince(handle));
            }
        }
    }

    private static Duration timeInServiceCap(RunHandle handle) {
        return handle.limits().wallTime().multipliedBy(TIME_IN_SERVICE_FACTOR);
    }

    /** Programs waiting for a worker, paused ones included. */
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
            return memory.reservedBytes();
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
            boolean resuming;
            lock.lock();
            try {
                while (!shutDown && (handle = queue.poll(heavyAllowed(), memory::fits)) == null) {
                    try {
                        changed.awaitNanos(RECHECK_NANOS);
                    } catch (InterruptedException e) {
                        // Workers stop only through close(); look at the queue again.
                    }
                }
                if (shutDown) {
                    return;
                }
                resuming = handle.state == RunHandle.State.PAUSED;
                handle.state = RunHandle.State.RUNNING;
                handle.heavy = !queue.isLight(handle.learner().id());
                if (resuming) {
                    memory.unpause(handle);
                } else {
                    memory.reserve(handle);
                }
                running++;
                runningHeavy += handle.heavy ? 1 : 0;
            } finally {
                lock.unlock();
            }
            try {
                if (resuming) {
                    resume(handle);
                } else {
                    execute(handle);
                }
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

    private void execute(RunHandle handle) {
        Duration waited = waitedSince(handle);
        metrics.waited(handle.kind(), waited);
        handle.log.add(new RunEvent.Started(waited));
        deliverNow(handle);
        long started = System.nanoTime();
        handle.waited = waited;
        handle.sliceStartedNanos = started;
        handle.billedUpToNanos = started;
        try {
            handle.execution = handle.job().start(handle.limits().withGate(handle.gate), new LoggingOutput(handle));
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
        runSlices(handle);
    }

    /** Continues a paused program where it stopped. */
    private void resume(RunHandle handle) {
        long now = System.nanoTime();
        handle.sliceStartedNanos = now;
        handle.billedUpToNanos = now;
        handle.log.add(new RunEvent.Resumed());
        deliverNow(handle);
        handle.gate.open();
        runSlices(handle);
    }

    /** Runs the program on this worker until it ends, or until it is paused and back in the queue. */
    private void runSlices(RunHandle handle) {
        RunResult result = awaitProgram(handle);
        if (result != null) {
            finish(handle, result, handle.waited);
        }
    }

    /**
     * Waits for the program, billing it slice by slice and pausing it for a lighter learner (then answering
     * null), but frees the worker if it outlives its wall limit (in running time) or a cancel by the grace.
     */
    private RunResult awaitProgram(RunHandle handle) {
        long grace = settings.cancelGrace().toNanos();
        long slice = settings.fairShare().slice().toNanos();
        long sliceStarted = handle.sliceStartedNanos;
        long wallDeadline = sliceStarted + handle.limits().wallTime().toNanos() - handle.ranNanos + grace;
        long sliceEnd = sliceStarted + slice;
        while (true) {
            long now = System.nanoTime();
            long cancelledAt = handle.cancelledAtNanos;
            long deadline = cancelledAt != 0 ? Math.min(wallDeadline, cancelledAt + grace) : wallDeadline;
            if (deadline - now <= 0) {
                break;
            }
            if (now - sliceEnd >= 0) {
                if (cancelledAt == 0 && endSlice(handle, now)) {
                    return null;
                }
                sliceEnd = now + slice;
            }
            try {
                return handle.programEnded.get(Math.min(Math.min(deadline, sliceEnd) - now, POLL_NANOS),
                        TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Look again at the deadline and the slice: a cancel may have shortened the one, the other may end.
            } catch (ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        handle.execution.cancel();
        // A job whose own cancel cannot reach its programs (a graded attempt) is stopped through its gate.
        handle.gate.stop();
        Duration ran = Duration.ofNanos(handle.ranNanos + System.nanoTime() - sliceStarted);
        CancelCause cause = handle.cancelCause;
        if (cause != null) {
            return new RunResult(RunResult.Status.CANCELLED, "", "Cancelled: " + cause.reason() + "\n", "CANCELLED",
                    0, ran, 0);
        }
        handle.limitHit = LimitExceeded.Kind.TIME;
        return new RunResult(RunResult.Status.LIMIT_EXCEEDED, "", "LimitError: Your program ran longer than the "
                + "time limit and did not stop\n", "TIME", 0, ran, 0);
    }

    /**
     * Bills the slice that just ended and, if a learner who used less recently has a program that could start
     * now, pauses this one at its next check and puts it back in the queue; true if it was paused.
     */
    private boolean endSlice(RunHandle handle, long now) {
        boolean lighterWaiting;
        lock.lock();
        try {
            long held = now - handle.billedUpToNanos;
            queue.charge(handle.learner().id(), held);
            handle.billedNanos += held;
            handle.billedUpToNanos = now;
            boolean heavyAllowedHere = runningHeavy - (handle.heavy ? 1 : 0)
                    < settings.workers() - settings.reservedWorkers();
            lighterWaiting = queue.lighterWaiting(handle.learner().id(), heavyAllowedHere,
                    next -> memory.fits(next, MemoryGuard.heldBy(handle)));
        } finally {
            lock.unlock();
        }
        if (!lighterWaiting) {
            return false;
        }
        handle.gate.close();
        if (!awaitParked(handle)) {
            handle.gate.open();
            return false;
        }
        lock.lock();
        try {
            if (handle.cancelCause != null || shutDown) {
                handle.gate.open();
                return false;
            }
            long pausedAt = System.nanoTime();
            handle.ranNanos += pausedAt - handle.sliceStartedNanos;
            handle.billedNanos += pausedAt - handle.billedUpToNanos;
            queue.charge(handle.learner().id(), pausedAt - handle.billedUpToNanos);
            handle.billedUpToNanos = pausedAt;
            handle.state = RunHandle.State.PAUSED;
            memory.pause(handle, handle.gate.parkedBytes());
            handle.log.add(new RunEvent.Paused());
            queue.requeue(handle);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        deliverNow(handle);
        return true;
    }

    /** Waits until the program parks at its closed gate; false if it ended or kept running past the wait. */
    private static boolean awaitParked(RunHandle handle) {
        long until = System.nanoTime() + PARK_WAIT_NANOS;
        while (until - System.nanoTime() > 0) {
            if (handle.gate.awaitParked(PARK_POLL_NANOS)) {
                return true;
            }
            if (handle.programEnded.isDone()) {
                return false;
            }
        }
        return false;
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
        boolean started = handle.waited != null;
        long ran = handle.ranNanos
                + (handle.state == RunHandle.State.RUNNING ? System.nanoTime() - handle.sliceStartedNanos : 0);
        if (started && handle.cpuNanos >= 0) {
            metrics.cpu(handle.kind(), Duration.ofNanos(handle.cpuNanos));
        }
        lock.lock();
        try {
            if (started) {
                // Billed before the outcome is complete, so the learner's next program already waits its turn.
                // A worker held longer than the CPU used (a host whose cores are shared) is billed as held; the
                // slices billed while it ran are deducted.
                queue.charge(handle.learner().id(), Math.max(0, billable(handle, ran) - handle.billedNanos));
                if (handle.limitHit == LimitExceeded.Kind.MEMORY) {
                    queue.endedOnMemoryLimit(handle.learner().id());
                }
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
        handle.complete(new RunOutcome(result, waited, handle.log.cut(), handle.limitHit));
        deliverNow(handle);
    }

    /**
     * What a finished program costs its learner: the CPU it used or the time it held its worker, and at least
     * {@link FairShare#memoryLimitCharge()} when its memory limit stopped it, so that a learner whose programs
     * fill their budgets turns heavy however quickly they end (a program stopped by its time limit has already
     * held its worker for that limit).
     */
    private long billable(RunHandle handle, long ranNanos) {
        long used = Math.max(handle.cpuNanos, ranNanos);
        if (handle.limitHit == LimitExceeded.Kind.MEMORY) {
            return Math.max(used, settings.fairShare().memoryLimitCharge().toNanos());
        }
        return used;
    }

    private void releaseMemory(RunHandle handle) {
        if (handle.memoryReleased.compareAndSet(false, true)) {
            lock.lock();
            try {
                memory.release(handle);
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
        public void endedOnLimit(LimitExceeded.Kind kind) {
            handle.limitHit = kind;
        }

        @Override
        public void finished(RunResult result) {
            if (handle.limitHit == null) {
                handle.limitHit = result.limit();
            }
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
