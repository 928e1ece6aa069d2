package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.Interpreter;
import dev.optimlab.pylite.runtime.Ops;
import dev.optimlab.pylite.runtime.Py;
import dev.optimlab.pylite.runtime.PyException;
import dev.optimlab.pylite.runtime.PyList;
import dev.optimlab.pylite.runtime.PyModule;
import dev.optimlab.pylite.runtime.PyObject;
import dev.optimlab.pylite.runtime.PyTuple;
import dev.optimlab.pylite.runtime.PyType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.amp.GradScaler;
import dev.optimlab.torch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code torch.amp} and {@code torch.cuda.amp} with their {@code GradScaler} over the core's
 * {@link GradScaler}, as in PyTorch 2.x's {@code torch/amp/grad_scaler.py}. OptimLab has no GPU, so a scaler
 * for the default device {@code "cuda"} disables itself with PyTorch's warning, and {@code GradScaler("cpu")}
 * is the one that scales. {@code scale}, {@code unscale_}, {@code step} and {@code update} are traced as
 * {@code scaler.scale} and so on, and a step the scaler lets through is also traced as {@code optimizer.step}.
 */
final class AmpModule {
    private static final String[] PARAMS = {"device", "init_scale", "growth_factor", "backoff_factor",
        "growth_interval", "enabled"};
    static final PyType GRAD_SCALER = PyType.hostClass("GradScaler", null, "torch.amp.grad_scaler");
    static final PyType CUDA_GRAD_SCALER = PyType.hostClass("GradScaler", GRAD_SCALER, "torch.cuda.amp.grad_scaler");

    static {
        GRAD_SCALER.setConstructor((in, cls, args, kwargs) -> create(in, GRAD_SCALER,
                Host.bind("GradScaler.__init__", args, kwargs, PARAMS)));
        CUDA_GRAD_SCALER.setConstructor((in, cls, args, kwargs) -> {
            Object[] b = Host.bind("GradScaler.__init__", args, kwargs, "init_scale", "growth_factor",
                    "backoff_factor", "growth_interval", "enabled");
            BridgeRun.current().warn("FutureWarning", "`torch.cuda.amp.GradScaler(args...)` is deprecated. Please use "
                    + "`torch.amp.GradScaler('cuda', args...)` instead.");
            Object[] withDevice = new Object[PARAMS.length];
            withDevice[0] = "cuda";
            System.arraycopy(b, 0, withDevice, 1, b.length);
            return create(in, CUDA_GRAD_SCALER, withDevice);
        });
    }

    private AmpModule() {
    }

    /** {@code torch.amp}. */
    static PyModule amp() {
        return new PyModule("torch.amp").define("GradScaler", GRAD_SCALER);
    }

    /** {@code torch.cuda.amp}. */
    static PyModule cudaAmp() {
        return new PyModule("torch.cuda.amp").define("GradScaler", CUDA_GRAD_SCALER);
    }

    private static GradScalerObject create(Interpreter in, PyType type, Object[] b) {
        String device = Host.given(b[0]) ? deviceName(b[0]) : "cuda";
        boolean enabled = !Host.given(b[5]) || Ops.truthy(in, b[5]);
        if (device.equals("cuda") && enabled) {
            BridgeRun.of(in).warn("UserWarning",
                    "torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling.");
            enabled = false;
        } else if (!device.equals("cuda") && !device.equals("cpu")) {
            throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "OptimLab runs on the CPU: use GradScaler(\"cpu\"), not '"
                    + device + "'");
        }
        double initScale = Host.given(b[1]) ? Host.toDouble(b[1]) : 65536.0;
        double growthFactor = Host.given(b[2]) ? Host.toDouble(b[2]) : 2.0;
        double backoffFactor = Host.given(b[3]) ? Host.toDouble(b[3]) : 0.5;
        int growthInterval = Host.given(b[4]) ? (int) Ops.index(b[4]) : 2000;
        boolean on = enabled;
        return new GradScalerObject(type, asserted(() -> new GradScaler(initScale, growthFactor, backoffFactor,
                growthInterval, on)));
    }

    private static String deviceName(Object device) {
        if (device instanceof String s) {
            return s;
        }
        if (device instanceof DeviceObject) {
            return "cpu";
        }
        throw PyException.typeError("GradScaler(device) expects a str such as \"cpu\", not " + Py.typeName(device));
    }

    /** Runs core code whose IllegalStateException stands for a failed {@code assert} in PyTorch's Python code. */
    private static <T> T asserted(Supplier<T> code) {
        try {
            return Host.guarded(code);
        } catch (IllegalStateException e) {
            throw PyException.of(PyType.ASSERTION_ERROR, e.getMessage());
        }
    }

    private static Optimizer optimizer(Object v) {
        if (v instanceof OptimObjects.OptimizerObject o) {
            return o.optimizer();
        }
        throw PyException.typeError(Py.typeName(v) + " is not an Optimizer");
    }

    /** A {@code GradScaler} as Python sees it. */
    static final class GradScalerObject implements PyObject {
        private final PyType type;
        private final GradScaler scaler;

        GradScalerObject(PyType type, GradScaler scaler) {
            this.type = type;
            this.scaler = scaler;
        }

        @Override
        public PyType pyType() {
            return type;
        }

        @Override
        public Object getAttr(Interpreter in, String name) {
            return switch (name) {
                case "__class__" -> type;
                case "scale" -> Host.function("scale", (i, a, k) -> {
                    Object outputs = Host.bind("scale", a, k, "outputs")[0];
                    BridgeRun.current().trace("scaler.scale", this);
                    return scale(i, outputs);
                });
                case "unscale_" -> Host.function("unscale_", (i, a, k) -> {
                    Optimizer optimizer = optimizer(Host.bind("unscale_", a, k, "optimizer")[0]);
                    BridgeRun.current().trace("scaler.unscale_", this);
                    asserted(() -> {
                        scaler.unscale_(optimizer);
                        return null;
                    });
                    return Py.NONE;
                });
                case "step" -> Host.function("step", this::step);
                case "update" -> Host.function("update", (i, a, k) -> {
                    Object newScale = Host.bind("update", a, k, "new_scale")[0];
                    BridgeRun.current().trace("scaler.update", this);
                    asserted(() -> {
                        if (Host.given(newScale)) {
                            scaler.update(newScale instanceof TensorObject t ? t.tensor().itemDouble()
                                    : Host.toDouble(newScale));
                        } else {
                            scaler.update();
                        }
                        return null;
                    });
                    return Py.NONE;
                });
                case "get_scale" -> Host.function("get_scale", (i, a, k) -> scaler.getScale());
                case "get_growth_factor" -> Host.function("get_growth_factor", (i, a, k) -> scaler.getGrowthFactor());
                case "get_backoff_factor" -> Host.function("get_backoff_factor", (i, a, k) -> scaler.getBackoffFactor());
                case "get_growth_interval" -> Host.function("get_growth_interval",
                        (i, a, k) -> (long) scaler.getGrowthInterval());
                case "_get_growth_tracker" -> Host.function("_get_growth_tracker",
                        (i, a, k) -> (long) scaler.getGrowthTracker());
                case "is_enabled" -> Host.function("is_enabled", (i, a, k) -> scaler.isEnabled());
                case "state_dict" -> Host.function("state_dict", (i, a, k) -> Host.toPython(scaler.stateDict()));
                case "load_state_dict" -> Host.function("load_state_dict", (i, a, k) -> {
                    Map<String, Object> state = OptimObjects.javaStateDict(i, Host.bind("load_state_dict", a, k,
                            "state_dict")[0]);
                    scaler.loadStateDict(state);
                    return Py.NONE;
                });
                default -> null;
            };
        }

        private Object scale(Interpreter in, Object outputs) {
            if (outputs instanceof TensorObject t) {
                return TensorObject.of(scaler.scale(t.tensor()));
            }
            if (outputs instanceof PyList || outputs instanceof PyTuple) {
                List<Object> scaled = new ArrayList<>();
                for (Object item : Ops.toList(in, outputs)) {
                    scaled.add(scale(in, item));
                }
                return outputs instanceof PyList ? new PyList(scaled) : new PyTuple(scaled.toArray());
            }
            throw PyException.valueError("outputs must be a Tensor or an iterable of Tensors");
        }

        /** {@code scaler.step(optimizer)}: the optimizer steps only when no gradient was inf or NaN. */
        private Object step(Interpreter in, Object[] args, Map<String, Object> kwargs) {
            if (args.length < 1) {
                throw PyException.typeError("step() missing 1 required positional argument: 'optimizer'");
            }
            OptimObjects.OptimizerObject target = args[0] instanceof OptimObjects.OptimizerObject o ? o : null;
            Optimizer optimizer = optimizer(args[0]);
            BridgeRun run = BridgeRun.of(in);
            run.trace("scaler.step", this);
            if (!scaler.isEnabled()) {
                // as PyTorch's disabled scaler: optimizer.step(*args, **kwargs), traced as the optimizer's own step
                Object[] rest = Arrays.copyOfRange(args, 1, args.length);
                return in.call(target.getAttr(in, "step"), rest, kwargs);
            }
            if (kwargs != null && kwargs.containsKey("closure")) {
                throw PyException.of(PyType.RUNTIME_ERROR, "Closure use is not currently supported if GradScaler is enabled.");
            }
            if (args.length > 1 || (kwargs != null && !kwargs.isEmpty())) {
                throw PyException.of(PyType.NOT_IMPLEMENTED_ERROR, "OptimLab's GradScaler.step(optimizer) passes no "
                        + "further arguments to optimizer.step()");
            }
            int before = optimizer.stepCount();
            asserted(() -> scaler.step(optimizer));
            if (optimizer.stepCount() > before) {
                target.recordStep(run);
            }
            return Py.NONE;
        }

        @Override
        public String repr(Interpreter in) {
            return "<" + type.module() + ".GradScaler object at " + in.fakeAddress(this) + ">";
        }
    }
}
