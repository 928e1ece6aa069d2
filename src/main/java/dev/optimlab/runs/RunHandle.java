package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.PauseGate;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.runtime.LimitExceeded;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A submitted program: its id and queue position, its events for subscribers, a Stop, and its outcome.
 * No PyTorch counterpart: what a shell's job control gives for a background {@code python3 main.py}.
 */
public final class RunHandle {

    /** Where a run stands. */
    public enum State {
        QUEUED,
        RUNNING,
        /** Started, then paused for a learner who used less; waits in the queue again and keeps its memory. */
        PAUSED,
        DONE
    }

    private final String id = UUID.randomUUID().toString();
    private final RunService service;
    private final Learner learner;
    private final RunKind kind;
    private final Job job;
    private final Limits limits;
    private final long submittedNanos = System.nanoTime();
    final EventLog log;
    final long reservedBytes;
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    final CompletableFuture<RunResult> programEnded = new CompletableFuture<>();
    final AtomicBoolean memoryReleased = new AtomicBoolean();
    /** How the service pauses, continues or ends the job's programs at their checks. */
    final PauseGate gate = new PauseGate();
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    volatile State state = State.QUEUED;
    volatile ProgramExecutor.Execution execution;
    volatile CancelCause cancelCause;
    volatile long cancelledAtNanos;
    /** How long it waited before it first started, or null until it starts. */
    volatile Duration waited;
    /** When its current slice on a worker began. */
    volatile long sliceStartedNanos;
    /** Running time of the slices before the current one. */
    long ranNanos;
    /** Up to when its running time has been billed to the learner, and how much was billed. */
    long billedUpToNanos;
    long billedNanos;
    /** The memory the service counts as held by this program while it is paused; under the service's lock. */
    long pausedHoldBytes;
    /** The memory budget a paused program gives back while paused and needs again to resume; 0 otherwise. */
    long pausedReservation;
    /** The limit of its own that stopped the learner's program, or null. */
    volatile LimitExceeded.Kind limitHit;
    /** CPU the job reported for itself, or -1 until it does. */
    volatile long cpuNanos = -1;
    /** Whether its learner was over the light-CPU threshold when it started, so it holds an unreserved worker. */
    boolean heavy;
    /** Set under the service's lock before the handle is handed out. */
    int queuePosition;

    RunHandle(RunService service, Learner learner, RunKind kind, Job job, Limits limits, int eventBuffer,
              long reservedBytes) {
        this.service = service;
        this.learner = learner;
        this.kind = kind;
        this.job = job;
        this.limits = limits;
        this.log = new EventLog(eventBuffer, limits.maxOutputBytes());
        this.reservedBytes = reservedBytes;
    }

    public String id() {
        return id;
    }

    public Learner learner() {
        return learner;
    }

    public RunKind kind() {
        return kind;
    }

    public Limits limits() {
        return limits;
    }

    Job job() {
        return job;
    }

    long submittedNanos() {
        return submittedNanos;
    }

    /**
     * Programs expected to start before this one when it was submitted (0: it starts as soon as a worker is
     * free); an estimate, since the order follows the CPU learners use.
     */
    public int queuePosition() {
        return queuePosition;
    }

    /** Programs expected to start before this one now, or -1 once it has left the queue. */
    public int currentQueuePosition() {
        return service.positionOf(this);
    }

    public State state() {
        return state;
    }

    /**
     * Sends this run's events to {@code subscriber}, from the first one (a late subscriber gets what it
     * missed, as far as the buffer reaches); closing the subscription stops the delivery.
     */
    public AutoCloseable subscribe(RunSubscriber subscriber) {
        return service.subscribe(this, subscriber);
    }

    /** The learner's Stop: ends the run, queued or running, with status CANCELLED. */
    public void cancel() {
        service.cancel(this, CancelCause.STOPPED);
    }

    /** Completes when the run has ended and its last event is in the log. */
    public CompletableFuture<RunOutcome> outcome() {
        return outcome.copy();
    }

    void complete(RunOutcome result) {
        outcome.complete(result);
    }

    boolean done() {
        return outcome.isDone();
    }

    /** One subscriber's place in the log; at most one delivery runs at a time. */
    static final class Subscription implements AutoCloseable {
        final RunSubscriber subscriber;
        final AtomicBoolean delivering = new AtomicBoolean();
        volatile long cursor;
        volatile boolean closed;
        private final Runnable onClose;

        Subscription(RunSubscriber subscriber, Runnable onClose) {
            this.subscriber = subscriber;
            this.onClose = onClose;
        }

        @Override
        public void close() {
            closed = true;
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return kind + " " + id + " of " + learner.id() + " (" + state + ")";
    }
}
