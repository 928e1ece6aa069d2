package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.PyliteRunner;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.runtime.Modules;
import dev.optimlab.pylite.runtime.PyModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs learners' PyTorch programs: registers the {@code torch} modules with pylite and starts runs that
 * carry a workspace and an events listener. The counterpart of {@code import torch} in CPython.
 *
 * <pre>{@code
 * TorchBridge.Run run = TorchBridge.start(source, "main.py", limits, listener, storage, events);
 * RunResult result = run.await();      // or run.cancel()
 * List<TraceEntry> trace = run.trace();
 * }</pre>
 */
public final class TorchBridge {
    private static final Map<String, Function<BridgeRun, PyModule>> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("torch", TorchBridge::torch);
        MODULES.put("torch.nn", run -> submodule(run, "torch", "nn"));
        MODULES.put("torch.nn.functional", run -> submodule(run, "torch.nn", "functional"));
        MODULES.put("torch.nn.init", run -> submodule(run, "torch.nn", "init"));
        MODULES.put("torch.nn.utils", run -> submodule(run, "torch.nn", "utils"));
        MODULES.put("torch.optim", run -> submodule(run, "torch", "optim"));
        MODULES.put("torch.optim.lr_scheduler", run -> submodule(run, "torch.optim", "lr_scheduler"));
        MODULES.put("torch.cuda", run -> submodule(run, "torch", "cuda"));
        MODULES.put("torch.cuda.amp", run -> submodule(run, "torch.cuda", "amp"));
        MODULES.put("torch.amp", run -> submodule(run, "torch", "amp"));
        MODULES.put("torch.utils", run -> submodule(run, "torch", "utils"));
        MODULES.put("torch.utils.data", run -> submodule(run, "torch.utils", "data"));
        MODULES.put("torch.utils.tensorboard", run -> submodule(run, "torch.utils", "tensorboard"));
        MODULES.put("numpy", run -> NumpyModule.create());
        MODULES.forEach((name, factory) -> Modules.register(name, in -> BridgeRun.current().module(name, factory)));
    }

    private TorchBridge() {
    }

    /** Makes the torch modules importable by every pylite program (idempotent). */
    public static void register() {
        // the static initialiser does the work; calling this method triggers it
    }

    private static PyModule submodule(BridgeRun run, String parent, String name) {
        return (PyModule) run.module(parent, MODULES.get(parent)).getAttr(null, name);
    }

    private static PyModule torch(BridgeRun run) {
        PyModule torch = TorchModule.create(run);
        PyModule nn = NnModule.create(run);
        torch.define("nn", nn);
        torch.define("optim", OptimObjects.optim());
        torch.define("cuda", CudaModule.create());
        torch.define("amp", AmpModule.amp());
        torch.define("utils", DataModule.utils(run));
        torch.define("save", SaveLoad.save(run));
        torch.define("load", SaveLoad.load(run));
        torch.define("from_numpy", Host.function("from_numpy", (in, a, k) -> NumpyModule.fromNumpy(
                Host.bind("from_numpy", a, k, "ndarray")[0])));
        return torch;
    }

    /** A run in progress, with the calls it has traced so far. */
    public static final class Run {
        private final PyliteRunner.Run run;
        private final List<TraceEntry> trace;

        private Run(PyliteRunner.Run run, List<TraceEntry> trace) {
            this.run = run;
            this.trace = trace;
        }

        public void cancel() {
            run.cancel();
        }

        public RunResult await() {
            return run.await();
        }

        /** The traced calls in order; complete once {@link #await()} has returned. */
        public List<TraceEntry> trace() {
            synchronized (trace) {
                return List.copyOf(trace);
            }
        }
    }

    /** Starts a program that may import torch, with its workspace and its events. */
    public static Run start(String source, String filename, Limits limits, RunListener listener, Storage storage,
            TorchEvents events) {
        return start(source, filename, limits, listener, storage, events, null);
    }

    /**
     * Starts a program as {@link #start(String, String, Limits, RunListener, Storage, TorchEvents)} does, as a
     * learning-rate range test when {@code sweep} is not null: the sweep overrides every optimizer's lr and ends
     * the program when it is done (see {@link LrSweep}).
     */
    public static Run start(String source, String filename, Limits limits, RunListener listener, Storage storage,
            TorchEvents events, LrSweep sweep) {
        register();
        List<TraceEntry> trace = new java.util.ArrayList<>();
        TorchEvents recording = new TorchEvents() {
            @Override
            public void metric(String series, long step, double value) {
                events.metric(series, step, value);
            }

            @Override
            public void call(TraceEntry entry) {
                synchronized (trace) {
                    trace.add(entry);
                }
                events.call(entry);
            }
        };
        BridgeRun.PENDING.set(new BridgeRun.Settings(storage, recording, limits.maxBytes(), sweep));
        try {
            return new Run(PyliteRunner.start(source, filename, limits, reportingWarnings(listener, events)), trace);
        } finally {
            BridgeRun.PENDING.remove();
        }
    }

    /** The listener, with each shown warning also reported as a {@link TorchEvents#warning} event. */
    private static RunListener reportingWarnings(RunListener listener, TorchEvents events) {
        return new RunListener() {
            @Override
            public void stdout(String chunk) {
                listener.stdout(chunk);
            }

            @Override
            public void stderr(String chunk) {
                listener.stderr(chunk);
            }

            @Override
            public void warning(String category, String message, String text) {
                listener.warning(category, message, text);
                events.warning(category, message);
            }

            @Override
            public void finished(RunResult result) {
                listener.finished(result);
            }
        };
    }

    /** Runs a program to its end; see {@link #start}. */
    public static RunResult run(String source, String filename, Limits limits, RunListener listener, Storage storage,
            TorchEvents events) {
        return start(source, filename, limits, listener, storage, events).await();
    }
}
