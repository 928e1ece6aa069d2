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
    /** The modules, built once per JVM: they hold no run's state and programs cannot rebind them. */
    private static final Map<String, PyModule> MODULES = build();

    static {
        // the run's torch state (budget guard, nn warnings, traces) starts at its first torch or numpy import
        MODULES.forEach((name, module) -> Modules.register(name, in -> {
            BridgeRun.of(in);
            return module;
        }));
    }

    private TorchBridge() {
    }

    /** Makes the torch modules importable by every pylite program (idempotent). */
    public static void register() {
        // the static initialiser does the work; calling this method triggers it
    }

    private static Map<String, PyModule> build() {
        Map<String, PyModule> modules = new LinkedHashMap<>();
        modules.put("torch", torch());
        for (String name : List.of("torch.nn", "torch.nn.functional", "torch.nn.init", "torch.nn.utils", "torch.optim",
                "torch.optim.lr_scheduler", "torch.cuda", "torch.cuda.amp", "torch.amp", "torch.utils",
                "torch.utils.data", "torch.utils.tensorboard")) {
            int dot = name.lastIndexOf('.');
            modules.put(name, (PyModule) modules.get(name.substring(0, dot)).getAttr(null, name.substring(dot + 1)));
        }
        modules.put("numpy", NumpyModule.create());
        return java.util.Collections.unmodifiableMap(modules);
    }

    private static PyModule torch() {
        PyModule torch = TorchModule.create();
        PyModule nn = NnModule.create();
        torch.define("nn", nn);
        torch.define("optim", OptimObjects.optim());
        torch.define("cuda", CudaModule.create());
        torch.define("amp", AmpModule.amp());
        torch.define("utils", DataModule.utils());
        torch.define("save", SaveLoad.save());
        torch.define("load", SaveLoad.load());
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
