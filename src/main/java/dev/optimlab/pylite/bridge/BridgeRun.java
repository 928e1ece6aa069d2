package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The torch state of one program run: its events, its storage, the ids of traced objects and the
 * counters behind automatic metrics. PyTorch keeps the equivalent in process globals; here each run has
 * its own, kept on the run's interpreter (the torch modules themselves are shared by all runs).
 */
final class BridgeRun {
    /** What the caller of {@link TorchBridge#start} chose; inherited by the run's thread when it is created. */
    record Settings(Storage storage, TorchEvents events, long maxBytes, LrSweep sweep) {
        static final Settings DEFAULT = new Settings(Storage.NONE, TorchEvents.NONE,
                dev.optimlab.pylite.Limits.defaults().maxBytes(), null);
    }

    static final InheritableThreadLocal<Settings> PENDING = new InheritableThreadLocal<>();

    final Interpreter interpreter;
    final Storage storage;
    final TorchEvents events;
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    private final Map<Object, Long> stepCounts = new IdentityHashMap<>();
    private final List<TraceEntry> trace = new ArrayList<>();
    private final Map<Object, ModuleObject> moduleWrappers = new IdentityHashMap<>();
    private final Map<Tensor, dev.optimlab.torch.nn.Parameter> parameters = new IdentityHashMap<>();
    private long backwardCount;
    private final long maxTensorBytes;
    /** The tensors the program has been handed, weakly, so that storage it dropped stops counting. */
    private final Map<Tensor, Boolean> liveTensors = new java.util.WeakHashMap<>();
    private long tensorBytes;
    /** The range test's sweep, or null for an ordinary run. */
    private final LrSweep sweep;
    private long sweepStep;
    private double sweepBest = Double.POSITIVE_INFINITY;
    /** The last scalar loss given to {@code backward()} since the previous step, or null if none was. */
    private Double lossBeforeStep;

    private BridgeRun(Interpreter interpreter, Settings settings) {
        this.interpreter = interpreter;
        this.storage = settings.storage();
        this.events = settings.events();
        this.maxTensorBytes = settings.maxBytes();
        this.sweep = settings.sweep();
        ComputeContext.current().setGuard(work -> interpreter.budget().checkpoint());
        // the run's thread ends with the run, so torch.nn's warnings need no scope to close
        dev.optimlab.torch.nn.Warnings.install(message -> warn("UserWarning", message));
    }

    /** The run on this thread, created when the program first imports torch. */
    static BridgeRun current() {
        return of(Interpreter.current());
    }

    /** The run the interpreter is running, created when the program first imports torch. */
    static BridgeRun of(Interpreter in) {
        if (in.hostState() instanceof BridgeRun run) {
            return run;
        }
        Settings settings = PENDING.get();
        BridgeRun run = new BridgeRun(in, settings == null ? Settings.DEFAULT : settings);
        in.setHostState(run);
        return run;
    }

    /**
     * Counts a tensor the program receives against the memory limit. The interpreter's own measurement does
     * not see tensor storage, so tensors are counted here; when the count passes the limit, a garbage
     * collection drops the tensors the program no longer holds, and only if the rest is still over the limit
     * does the run stop, as the interpreter does for its own data.
     */
    void track(Tensor tensor) {
        if (liveTensors.put(tensor, Boolean.TRUE) != null) {
            return;
        }
        tensorBytes += (long) tensor.numel() * tensor.elementSize();
        if (tensorBytes > maxTensorBytes) {
            System.gc();
            long live = 0;
            for (Tensor t : liveTensors.keySet()) {
                live += (long) t.numel() * t.elementSize();
            }
            tensorBytes = live;
            if (live > maxTensorBytes - maxTensorBytes / 16) {
                throw new dev.optimlab.pylite.runtime.LimitExceeded(dev.optimlab.pylite.runtime.LimitExceeded.Kind.MEMORY,
                        "Your program tried to use more than the " + (maxTensorBytes % (1 << 20) == 0
                                ? maxTensorBytes / (1 << 20) + " MiB" : maxTensorBytes / 1024 + " KiB") + " memory limit");
            }
        }
    }

    /** Records a call for the grader and passes it on. */
    void trace(String call, Object target) {
        TraceEntry entry = new TraceEntry(trace.size(), call, target == null ? "" : typeName(target), id(target),
                interpreter.currentLine());
        trace.add(entry);
        events.call(entry);
    }

    private static String typeName(Object target) {
        return switch (target) {
            case TensorObject t -> "Tensor";
            case ModuleObject m -> m.pyType().name();
            case OptimObjects.OptimizerObject o -> o.optimizer().getClass().getSimpleName();
            case OptimObjects.SchedulerObject s -> s.scheduler().getClass().getSimpleName();
            case AmpModule.GradScalerObject g -> "GradScaler";
            default -> target.getClass().getSimpleName();
        };
    }

    /** A small number that stays the same for the same object during the run. */
    int id(Object target) {
        if (target == null) {
            return -1;
        }
        Object key = target instanceof TensorObject t ? t.tensor() : target;
        return ids.computeIfAbsent(key, k -> ids.size());
    }

    List<TraceEntry> trace() {
        return Collections.unmodifiableList(trace);
    }

    /** The automatic "loss" series: one point per scalar {@code backward()}. */
    void lossBackward(Tensor loss) {
        if (loss.numel() == 1 && loss.isFloatingPoint()) {
            lossBeforeStep = loss.itemDouble();
            events.metric("loss", backwardCount, lossBeforeStep);
        }
        backwardCount++;
    }

    /** Counts steps of one optimizer, for its "lr/group{i}" series. */
    long nextStep(Object optimizer) {
        long step = stepCounts.getOrDefault(optimizer, 0L);
        stepCounts.put(optimizer, step + 1);
        return step;
    }

    /**
     * During a range test, ends the program once the sweep has taken all its steps or the loss just computed
     * diverged, and otherwise sets every param group's lr to the sweep's lr for the coming step.
     */
    void beforeSweepStep(dev.optimlab.torch.optim.Optimizer optimizer) {
        if (sweep == null) {
            return;
        }
        if (sweepStep >= sweep.steps()) {
            throw endOfSweep();
        }
        endIfDiverged(lossBeforeStep);
        for (dev.optimlab.torch.optim.ParamGroup group : optimizer.paramGroups()) {
            group.setLr(sweep.lr(sweepStep));
        }
    }

    /**
     * During a range test, pairs the loss before the step just taken with its lr. A closure's loss is the one
     * {@code step(closure)} returned, since the closure ran the backward inside the step.
     */
    void afterSweepStep(Tensor closureLoss) {
        if (sweep == null) {
            return;
        }
        Double loss = closureLoss != null && closureLoss.numel() == 1 ? closureLoss.itemDouble() : lossBeforeStep;
        lossBeforeStep = null;
        if (loss != null) {
            endIfDiverged(loss);
            sweepBest = Math.min(sweepBest, loss);
            events.metric(LrSweep.LR_SERIES, sweepStep, sweep.lr(sweepStep));
            events.metric(LrSweep.LOSS_SERIES, sweepStep, loss);
        }
        sweepStep++;
    }

    private void endIfDiverged(Double loss) {
        if (loss != null && (!Double.isFinite(loss) || loss > LrSweep.DIVERGENCE * sweepBest)) {
            events.metric(LrSweep.DIVERGED_SERIES, sweepStep, sweep.lr(sweepStep));
            throw endOfSweep();
        }
    }

    /** {@code raise SystemExit}: the program ends as if it had finished, with nothing printed. */
    private static dev.optimlab.pylite.runtime.PyException endOfSweep() {
        return new dev.optimlab.pylite.runtime.PyException(dev.optimlab.pylite.runtime.PyBaseException.create(
                dev.optimlab.pylite.runtime.PyType.SYSTEM_EXIT, new Object[0]));
    }

    /** Remembers that a tensor is a Parameter, so that it prints as one wherever it shows up again. */
    void rememberParameter(dev.optimlab.torch.nn.Parameter parameter) {
        parameters.put(parameter.data(), parameter);
    }

    dev.optimlab.torch.nn.Parameter parameterOf(Tensor tensor) {
        return parameters.get(tensor);
    }

    Map<Object, ModuleObject> moduleWrappers() {
        return moduleWrappers;
    }

    /** A warning PyTorch raises from its own code: shown once per text, as PyTorch's fixed warning sites are. */
    void warn(String category, String message) {
        interpreter.warnings().warnHost(category, message);
    }
}
