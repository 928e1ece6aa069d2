package dev.optimlab.explore;

import dev.optimlab.torch.Generator;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.catalogue.ReferenceData;
import dev.optimlab.torch.catalogue.Surface;
import dev.optimlab.torch.nn.Functional;
import dev.optimlab.torch.nn.Module;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.Optimizers;
import dev.optimlab.torch.optim.SGD;
import dev.optimlab.torch.utils.data.TensorDataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the course's figures show, computed on the torch core: optimizer paths on a catalogue surface, a
 * scheduler's learning rate step by step, and the learning-rate range test. Each is the loop a learner
 * would write in PyTorch, so the figure is the truth about the core, not a drawing.
 */
public final class WidgetCurves {

    /** The most steps a figure computes, so that a content typo cannot stall a page. */
    public static final int MAX_STEPS = 5000;

    /** A named sequence of points. */
    public record Series(String label, double[] xs, double[] ys) {
    }

    private WidgetCurves() {
    }

    /**
     * The path of each optimizer from {@code start} (the surface's own starting point when null) over
     * {@code steps} steps; each optimizer spec is {@code {"name": "SGD", "lr": 0.1, ...}}.
     */
    public static List<Series> paths(String surfaceId, List<Map<String, Object>> optimizers, double[] start, int steps) {
        checkSteps(steps);
        List<Series> paths = new ArrayList<>();
        for (Map<String, Object> spec : optimizers) {
            Map<String, Object> options = new LinkedHashMap<>(spec);
            Object name = options.remove("name");
            if (!(name instanceof String optimizerName)) {
                throw new IllegalArgumentException("each optimizer needs a \"name\", such as \"SGD\"");
            }
            // the noisy surface draws from its own seeded generator, so every figure is reproducible
            Surface surface = Surface.of(surfaceId, new Generator().manualSeed(0));
            double[] from = start != null ? start : surface.start();
            Tensor point = Torch.tensor(List.of(from[0], from[1])).requiresGrad_(true);
            Optimizer optimizer = Optimizers.create(optimizerName, List.of(point), options);
            double[] xs = new double[steps + 1];
            double[] ys = new double[steps + 1];
            xs[0] = from[0];
            ys[0] = from[1];
            for (int step = 1; step <= steps; step++) {
                optimizer.step(() -> {
                    optimizer.zeroGrad();
                    Tensor loss = surface.value(point);
                    loss.backward();
                    return loss;
                });
                xs[step] = point.select(0, 0).itemDouble();
                ys[step] = point.select(0, 1).itemDouble();
            }
            paths.add(new Series(label(optimizerName, options), xs, ys));
        }
        return paths;
    }

    /**
     * The learning rate a scheduler sets at each of {@code steps} steps, on an SGD optimizer with learning
     * rate {@code baseLr} (schedulers such as OneCycleLR set their own); ReduceLROnPlateau watches
     * {@link ScheduleExplorer.PlateauMetric#DEFAULT}.
     */
    public static Series schedule(String scheduler, Map<String, Object> args, int steps, double baseLr) {
        return ScheduleExplorer.lrs(ScheduleExplorer.spec(scheduler, args), steps, baseLr, ScheduleExplorer.PlateauMetric.DEFAULT);
    }

    /**
     * The learning-rate range test: one full-batch SGD step per learning rate, the rate growing
     * geometrically from {@code startLr} to {@code endLr}; stops early once the loss is four times the best
     * seen or not finite. Points are (log10 of the learning rate, loss before the step).
     */
    public static Series lrFinder(String modelId, double startLr, double endLr, int steps) {
        checkSteps(steps);
        if (!(startLr > 0 && endLr > startLr)) {
            throw new IllegalArgumentException("need 0 < start_lr < end_lr");
        }
        Torch.manualSeed(0);
        Generator data = new Generator().manualSeed(0);
        TensorDataset dataset = ReferenceData.dataset(modelId, data);
        Tensor inputs = dataset.tensors().get(0);
        Tensor targets = dataset.tensors().get(1);
        Module model = ReferenceData.model(modelId);
        Optimizer optimizer = new SGD(model.parameters(), startLr);
        boolean regression = targets.dtype().isFloatingPoint();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int step = 0; step < steps; step++) {
            double lr = startLr * Math.pow(endLr / startLr, steps == 1 ? 0 : (double) step / (steps - 1));
            optimizer.paramGroups().get(0).setLr(lr);
            optimizer.zeroGrad();
            Tensor output = model.call(inputs);
            Tensor loss = regression ? Functional.mseLoss(output, targets) : Functional.crossEntropy(output, targets);
            double value = loss.itemDouble();
            if (!Double.isFinite(value) || value > 4 * best) {
                break;
            }
            best = Math.min(best, value);
            xs.add(Math.log10(lr));
            ys.add(value);
            loss.backward();
            optimizer.step();
        }
        return new Series("loss (" + modelId + ")", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void checkSteps(int steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
    }

    /** A call as Python would write it, e.g. {@code SGD(lr=0.1, nesterov=True)}. */
    static String label(String name, Map<String, ?> options) {
        StringJoiner args = new StringJoiner(", ", name + "(", ")");
        options.forEach((key, value) -> args.add(key + "=" + PathExplorer.py(value)));
        return args.toString();
    }
}
