package dev.optimlab.explore;

import dev.optimlab.torch.Generator;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.SGD;
import dev.optimlab.torch.optim.lr_scheduler.ChainedScheduler;
import dev.optimlab.torch.optim.lr_scheduler.LambdaLR;
import dev.optimlab.torch.optim.lr_scheduler.MultiplicativeLR;
import dev.optimlab.torch.optim.lr_scheduler.LRScheduler;
import dev.optimlab.torch.optim.lr_scheduler.LRSchedulers;
import dev.optimlab.torch.optim.lr_scheduler.ReduceLROnPlateau;
import dev.optimlab.torch.optim.lr_scheduler.SequentialLR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the schedule explorer shows: the learning rate a torch.optim.lr_scheduler sets at each step of a loop
 * {@code optimizer.step(); scheduler.step()} on SGD, for any scheduler of the core, SequentialLR and
 * ChainedScheduler compositions, and ReduceLROnPlateau fed a synthetic validation loss; and the PyTorch
 * program that prints the same rates.
 */
public final class ScheduleExplorer {

    /** The schedulers whose arguments are plain values, in the order of PyTorch's documentation. */
    public static final List<String> SCHEDULERS = List.of("LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR", "LinearLR",
            "ExponentialLR", "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR",
            "OneCycleLR", "ReduceLROnPlateau");

    /** A scheduler to build: one by name, or a composition of such. */
    public sealed interface Spec {
    }

    /** {@code name(optimizer, **args)}. */
    public record Single(String name, Map<String, Object> args) implements Spec {
    }

    /** {@code SequentialLR(optimizer, schedulers=[...], milestones=[...])}. */
    public record Sequential(List<Single> schedulers, List<Integer> milestones) implements Spec {
    }

    /** {@code ChainedScheduler([...])}. */
    public record Chained(List<Single> schedulers) implements Spec {
    }

    /**
     * The validation loss ReduceLROnPlateau watches: {@code 0.5 + 1 / (1 + 0.1 step)} (it levels off) plus
     * {@code noise * torch.randn(1)} drawn after {@code torch.manual_seed(seed)}.
     */
    public record PlateauMetric(long seed, double noise) {
        public static final PlateauMetric DEFAULT = new PlateauMetric(0, 0.02);

        public double[] values(int steps) {
            Generator generator = new Generator().manualSeed(seed);
            double[] values = new double[steps];
            float[] draw = new float[1];
            for (int step = 0; step < steps; step++) {
                generator.normal(draw, 0, 1, 0, 1);
                values[step] = 0.5 + 1.0 / (1 + 0.1 * step) + noise * draw[0];
            }
            return values;
        }
    }

    /** The argument of LambdaLR and MultiplicativeLR that is Python source, not a literal. */
    public static final String LR_LAMBDA = "lr_lambda";

    private ScheduleExplorer() {
    }

    /** Whether the scheduler takes an {@code lr_lambda} function. */
    public static boolean takesLambda(String scheduler) {
        return scheduler.equals("LambdaLR") || scheduler.equals("MultiplicativeLR");
    }

    /** Arguments that show each scheduler's shape over about a hundred steps, as Python literals. */
    public static Map<String, String> defaultArgs(String scheduler) {
        Map<String, String> args = new LinkedHashMap<>();
        switch (scheduler) {
            case "LambdaLR" -> args.put(LR_LAMBDA, "lambda epoch: 0.95 ** epoch");
            case "MultiplicativeLR" -> args.put(LR_LAMBDA, "lambda epoch: 0.95");
            case "StepLR" -> {
                args.put("step_size", "30");
                args.put("gamma", "0.1");
            }
            case "MultiStepLR" -> {
                args.put("milestones", "[30, 80]");
                args.put("gamma", "0.1");
            }
            case "ConstantLR" -> {
                args.put("factor", "0.5");
                args.put("total_iters", "20");
            }
            case "LinearLR" -> {
                args.put("start_factor", "0.1");
                args.put("end_factor", "1.0");
                args.put("total_iters", "20");
            }
            case "ExponentialLR" -> args.put("gamma", "0.97");
            case "PolynomialLR" -> {
                args.put("total_iters", "80");
                args.put("power", "2.0");
            }
            case "CosineAnnealingLR" -> {
                args.put("T_max", "100");
                args.put("eta_min", "0.001");
            }
            case "CosineAnnealingWarmRestarts" -> {
                args.put("T_0", "10");
                args.put("T_mult", "2");
                args.put("eta_min", "0.001");
            }
            case "CyclicLR" -> {
                args.put("base_lr", "0.01");
                args.put("max_lr", "0.1");
                args.put("step_size_up", "20");
            }
            case "OneCycleLR" -> {
                args.put("max_lr", "0.1");
                args.put("total_steps", "100");
            }
            case "ReduceLROnPlateau" -> {
                args.put("factor", "0.5");
                args.put("patience", "5");
            }
            default -> throw new IllegalArgumentException("unknown scheduler '" + scheduler + "'");
        }
        return args;
    }

    /**
     * The learning rate of the optimizer's only group before each of {@code steps} steps: SGD with {@code lr=baseLr}
     * and momentum 0.9 on one parameter, {@code optimizer.step()} then {@code scheduler.step()} (with the
     * metric for ReduceLROnPlateau).
     */
    public static WidgetCurves.Series lrs(Spec spec, int steps, double baseLr, PlateauMetric metric) {
        if (steps < 1 || steps > WidgetCurves.MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between 1 and " + WidgetCurves.MAX_STEPS + ", got " + steps);
        }
        if (!(baseLr > 0) || !Double.isFinite(baseLr)) {
            throw new IllegalArgumentException("the optimizer's lr must be a positive number, got " + baseLr);
        }
        Optimizer optimizer = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), Map.of("lr", baseLr, "momentum", 0.9));
        // scheduler.step() runs once per step after the constructor's own step: lambdas see epochs 0..steps
        LRScheduler scheduler = build(spec, optimizer, steps + 1);
        double[] metrics = metric.values(steps);
        double[] xs = new double[steps];
        double[] lrs = new double[steps];
        for (int step = 0; step < steps; step++) {
            xs[step] = step;
            lrs[step] = optimizer.paramGroups().get(0).lr();
            optimizer.step();
            if (scheduler instanceof ReduceLROnPlateau plateau) {
                plateau.step(metrics[step]);
            } else {
                scheduler.step();
            }
        }
        return new WidgetCurves.Series(label(spec), xs, lrs);
    }

    /**
     * A spec from a widget block's form: a scheduler name and its arguments, where SequentialLR and
     * ChainedScheduler take {@code "schedulers": [{"scheduler", "args"}, ...]} (and SequentialLR {@code "milestones"}).
     */
    @SuppressWarnings("unchecked")
    public static Spec spec(String name, Map<String, Object> args) {
        if (!name.equals("ChainedScheduler") && !name.equals("SequentialLR")) {
            return single(name, args);
        }
        if (!(args.get("schedulers") instanceof List<?> specs) || specs.isEmpty()) {
            throw new IllegalArgumentException(name + " needs \"schedulers\": a list of {\"scheduler\", \"args\"}");
        }
        List<Single> parts = new ArrayList<>();
        for (Object part : specs) {
            if (!(part instanceof Map<?, ?> map) || !(map.get("scheduler") instanceof String partName)) {
                throw new IllegalArgumentException("each of " + name + "'s schedulers needs a \"scheduler\" name");
            }
            parts.add(single(partName, map.get("args") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of()));
        }
        if (name.equals("ChainedScheduler")) {
            return new Chained(parts);
        }
        if (!(args.get("milestones") instanceof List<?> milestones) || !milestones.stream().allMatch(m -> m instanceof Integer)) {
            throw new IllegalArgumentException("SequentialLR needs \"milestones\": a list of step numbers");
        }
        return new Sequential(parts, milestones.stream().map(m -> (Integer) m).toList());
    }

    /** A single scheduler; a lambda scheduler's {@code lr_lambda} given as a string is its Python source. */
    private static Single single(String name, Map<String, Object> args) {
        if (takesLambda(name) && args.get(LR_LAMBDA) instanceof String source) {
            Map<String, Object> withLambda = new LinkedHashMap<>(args);
            withLambda.put(LR_LAMBDA, new LrLambda(source));
            return new Single(name, withLambda);
        }
        return new Single(name, args);
    }

    private static LRScheduler build(Spec spec, Optimizer optimizer, int epochs) {
        return switch (spec) {
            case Single single when takesLambda(single.name()) -> lambdaScheduler(single, optimizer, epochs);
            case Single single -> LRSchedulers.create(single.name(), optimizer, single.args());
            case Sequential sequential -> {
                if (sequential.schedulers().size() != sequential.milestones().size() + 1) {
                    throw new IllegalArgumentException("SequentialLR needs one milestone fewer than schedulers, got "
                            + sequential.schedulers().size() + " schedulers and " + sequential.milestones().size() + " milestones");
                }
                yield new SequentialLR(optimizer, parts(sequential.schedulers(), optimizer, epochs), sequential.milestones(), -1);
            }
            case Chained chained -> new ChainedScheduler(parts(chained.schedulers(), optimizer, epochs));
        };
    }

    /** LambdaLR or MultiplicativeLR with the learner's lambda evaluated, in the sandbox, for every epoch it will see. */
    private static LRScheduler lambdaScheduler(Single single, Optimizer optimizer, int epochs) {
        for (String key : single.args().keySet()) {
            if (!key.equals(LR_LAMBDA)) {
                throw new IllegalArgumentException(single.name() + " got an unexpected keyword argument '" + key + "'");
            }
        }
        if (!(single.args().get(LR_LAMBDA) instanceof LrLambda lambda)) {
            throw new IllegalArgumentException(single.name() + " needs lr_lambda, a function such as lambda epoch: 0.95");
        }
        double[] factors = lambda.values(epochs);
        return single.name().equals("LambdaLR") ? new LambdaLR(optimizer, epoch -> factors[epoch])
                : new MultiplicativeLR(optimizer, epoch -> factors[epoch]);
    }

    private static List<LRScheduler> parts(List<Single> singles, Optimizer optimizer, int epochs) {
        List<LRScheduler> parts = new ArrayList<>();
        for (Single single : singles) {
            if (single.name().equals("ReduceLROnPlateau")) {
                throw new IllegalArgumentException("ReduceLROnPlateau needs a metric and cannot be part of a composition");
            }
            parts.add(build(single, optimizer, epochs));
        }
        return parts;
    }

    public static String label(Spec spec) {
        return switch (spec) {
            case Single single -> {
                StringJoiner call = new StringJoiner(", ", single.name() + "(", ")");
                single.args().forEach((key, value) -> call.add(key + "=" + literal(value)));
                yield call.toString();
            }
            case Sequential sequential -> "SequentialLR(" + String.join(", ", sequential.schedulers().stream().map(ScheduleExplorer::label).toList())
                    + ", milestones=" + literal(sequential.milestones()) + ")";
            case Chained chained -> "ChainedScheduler(" + String.join(", ", chained.schedulers().stream().map(ScheduleExplorer::label).toList()) + ")";
        };
    }

    /** A PyTorch program that collects the same rates in a list {@code lrs} and prints them. */
    public static String pytorchCode(Spec spec, int steps, double baseLr, PlateauMetric metric) {
        StringBuilder code = new StringBuilder("""
                import torch
                from torch.optim import lr_scheduler

                p = torch.zeros(1, requires_grad=True)
                """);
        String constructor = constructor(spec, "");
        if (constructor.contains("math.")) {
            code.insert(0, "import math\n");
        }
        code.append("optimizer = torch.optim.SGD([p], lr=").append(PathExplorer.py(baseLr)).append(", momentum=0.9)\n");
        code.append("scheduler = ").append(constructor).append("\n");
        boolean plateau = spec instanceof Single single && single.name().equals("ReduceLROnPlateau");
        if (plateau) {
            code.append("torch.manual_seed(").append(metric.seed()).append(")\n");
        }
        code.append("lrs = []\nfor step in range(").append(steps).append("):\n");
        code.append("    lrs.append(optimizer.param_groups[0][\"lr\"])\n");
        code.append("    optimizer.step()\n");
        if (plateau) {
            code.append("    # a validation loss that levels off, seen through noise\n");
            code.append("    metric = 0.5 + 1 / (1 + 0.1 * step) + ").append(PathExplorer.py(metric.noise()))
                    .append(" * torch.randn(1).item()\n");
            code.append("    scheduler.step(metric)\n");
        } else {
            code.append("    scheduler.step()\n");
        }
        code.append("print(lrs[:5], \"...\", lrs[-1])\n");
        return code.toString();
    }

    private static String constructor(Spec spec, String indent) {
        return switch (spec) {
            case Single single -> {
                StringJoiner call = new StringJoiner(", ", "lr_scheduler." + single.name() + "(", ")");
                call.add("optimizer");
                single.args().forEach((key, value) -> call.add(key + "=" + literal(value)));
                yield call.toString();
            }
            case Sequential sequential -> "lr_scheduler.SequentialLR(optimizer, schedulers=[\n"
                    + partsCode(sequential.schedulers(), indent + "    ") + indent + "], milestones="
                    + literal(sequential.milestones()) + ")";
            case Chained chained -> "lr_scheduler.ChainedScheduler([\n" + partsCode(chained.schedulers(), indent + "    ")
                    + indent + "])";
        };
    }

    private static String partsCode(List<Single> parts, String indent) {
        StringBuilder code = new StringBuilder();
        for (Single part : parts) {
            code.append(indent).append(constructor(part, indent)).append(",\n");
        }
        return code.toString();
    }

    /** A value as a Python literal; lists stay lists, as the PyTorch documentation writes milestones. */
    public static String literal(Object value) {
        if (value instanceof LrLambda lambda) {
            return lambda.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(literal(item)));
            return items.toString();
        }
        return PathExplorer.py(value);
    }
}
