package dev.optimlab.explore;

import dev.optimlab.torch.Generator;
import dev.optimlab.torch.PythonFloatFormat;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.catalogue.Surface;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the optimizer-path tool needs beside the paths themselves ({@link WidgetCurves#paths}): the region of
 * each catalogue surface worth looking at, the surface sampled on a grid for the heat map, the tool's seven
 * standard optimizers built from shared settings, and the PyTorch program that computes the same paths.
 */
public final class PathExplorer {

    /** The surfaces the tool offers, the instructive ones first. */
    public static final List<String> SURFACES = List.of("valley", "rosenbrock", "saddle", "noisy-bowl", "bowl");

    /** The region of the plane drawn for a surface. */
    public record Bounds(double xMin, double xMax, double yMin, double yMax) {
        public boolean contains(double x, double y) {
            return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
        }
    }

    /** A surface's values on a {@code columns} x {@code rows} grid over its bounds, row by row from yMin up. */
    public record SurfaceGrid(Bounds bounds, int columns, int rows, double[] values) {
    }

    /** The tool's optimizers: torch.optim classes, SGD three ways. */
    public enum Choice {
        SGD, MOMENTUM, NESTEROV, RMSPROP, ADAGRAD, ADAM, ADAMW;

        /** The keyword arguments of this optimizer under the shared settings, with its class name under "name". */
        public Map<String, Object> spec(Settings settings) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", switch (this) {
                case SGD, MOMENTUM, NESTEROV -> "SGD";
                case RMSPROP -> "RMSprop";
                case ADAGRAD -> "Adagrad";
                case ADAM -> "Adam";
                case ADAMW -> "AdamW";
            });
            spec.put("lr", settings.lr());
            switch (this) {
                case MOMENTUM -> spec.put("momentum", settings.momentum());
                case NESTEROV -> {
                    spec.put("momentum", settings.momentum());
                    spec.put("nesterov", true);
                }
                case ADAM, ADAMW -> spec.put("betas", List.of(settings.beta1(), settings.beta2()));
                default -> {
                }
            }
            return spec;
        }
    }

    /** The shared hyperparameters the tool's controls set. */
    public record Settings(double lr, double momentum, double beta1, double beta2) {
    }

    private PathExplorer() {
    }

    public static Bounds bounds(String surfaceId) {
        return switch (surfaceId) {
            case "bowl", "noisy-bowl" -> new Bounds(-4, 4, -3, 3);
            case "valley" -> new Bounds(-5, 5, -2.5, 2.5);
            case "rosenbrock" -> new Bounds(-2, 2, -1, 3);
            case "saddle" -> new Bounds(-3, 3, -2, 2);
            default -> throw unknownSurface(surfaceId);
        };
    }

    /** A learning rate and a number of steps that show the surface's character with the standard optimizers. */
    public static Settings defaultSettings(String surfaceId) {
        return switch (surfaceId) {
            case "rosenbrock" -> new Settings(0.002, 0.9, 0.9, 0.999);
            case "noisy-bowl", "saddle" -> new Settings(0.05, 0.9, 0.9, 0.999);
            default -> new Settings(0.1, 0.9, 0.9, 0.999);
        };
    }

    public static int defaultSteps(String surfaceId) {
        return surfaceId.equals("rosenbrock") ? 300 : 150;
    }

    /**
     * The surface's values on a grid, computed by the surface itself on the core; the noisy bowl is drawn
     * as the bowl it is in expectation.
     */
    public static SurfaceGrid grid(String surfaceId, int columns, int rows) {
        Bounds b = bounds(surfaceId);
        Surface surface = Surface.of(surfaceId.equals("noisy-bowl") ? "bowl" : surfaceId, new Generator().manualSeed(0));
        double[] values = new double[columns * rows];
        for (int r = 0; r < rows; r++) {
            double y = b.yMin() + (b.yMax() - b.yMin()) * r / (rows - 1);
            for (int c = 0; c < columns; c++) {
                double x = b.xMin() + (b.xMax() - b.xMin()) * c / (columns - 1);
                values[r * columns + c] = surface.value(Torch.tensor(List.of(x, y))).itemDouble();
            }
        }
        return new SurfaceGrid(b, columns, rows, values);
    }

    /** The surface's value at each point of a path; for the noisy bowl its expected value, the bowl's. */
    public static double[] losses(String surfaceId, WidgetCurves.Series path) {
        Surface surface = Surface.of(surfaceId.equals("noisy-bowl") ? "bowl" : surfaceId, new Generator().manualSeed(0));
        double[] values = new double[path.xs().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = surface.value(Torch.tensor(List.of(path.xs()[i], path.ys()[i]))).itemDouble();
        }
        return values;
    }

    /**
     * A path cut where it leaves any sane region (not finite, or a hundred times the bounds away), so a
     * diverging optimizer is drawn until it flies off rather than breaking the plot.
     */
    public static WidgetCurves.Series untilDiverged(WidgetCurves.Series path, Bounds bounds) {
        double limit = 100 * Math.max(bounds.xMax() - bounds.xMin(), bounds.yMax() - bounds.yMin());
        int kept = 0;
        while (kept < path.xs().length && Double.isFinite(path.xs()[kept]) && Double.isFinite(path.ys()[kept])
                && Math.abs(path.xs()[kept]) < limit && Math.abs(path.ys()[kept]) < limit) {
            kept++;
        }
        if (kept == path.xs().length) {
            return path;
        }
        return new WidgetCurves.Series(path.label() + " ↗", java.util.Arrays.copyOf(path.xs(), kept),
                java.util.Arrays.copyOf(path.ys(), kept));
    }

    /**
     * A PyTorch program that walks each optimizer from {@code start} for {@code steps} steps on the surface, the
     * same loop {@link WidgetCurves#paths} runs, and leaves the paths in a dict {@code paths}.
     */
    public static String pytorchCode(String surfaceId, List<Map<String, Object>> optimizers, double[] start, int steps) {
        StringBuilder code = new StringBuilder("import torch\n\n\n");
        code.append(surfaceFunction(surfaceId)).append("\n\n");
        code.append("def walk(make_optimizer, start=(").append(py(start[0])).append(", ").append(py(start[1]))
                .append("), steps=").append(steps).append("):\n");
        if (surfaceId.equals("noisy-bowl")) {
            code.append("    torch.manual_seed(0)  # the same noise for every optimizer\n");
        }
        code.append("""
                    p = torch.tensor(start, requires_grad=True)
                    optimizer = make_optimizer([p])
                    path = [p.tolist()]
                    for step in range(steps):
                        optimizer.zero_grad()
                        loss = f(p)
                        loss.backward()
                        optimizer.step()
                        path.append(p.tolist())
                    return path


                paths = {
                """);
        for (Map<String, Object> spec : optimizers) {
            Map<String, Object> options = new LinkedHashMap<>(spec);
            Object name = options.remove("name");
            StringJoiner call = new StringJoiner(", ", "torch.optim." + name + "(params, ", ")");
            options.forEach((key, value) -> call.add(key + "=" + py(value)));
            code.append("    ").append(py(WidgetCurves.label(String.valueOf(name), options)))
                    .append(": walk(lambda params: ").append(call).append("),\n");
        }
        code.append("""
                }
                for name, path in paths.items():
                    x, y = path[-1]
                    print(f"{name}: ({x:.4f}, {y:.4f}) after {len(path) - 1} steps")
                """);
        return code.toString();
    }

    private static String surfaceFunction(String surfaceId) {
        return switch (surfaceId) {
            case "bowl" -> "def f(p):\n    return (p ** 2).sum()\n";
            case "valley" -> "def f(p):\n    return (p ** 2 * torch.tensor([0.1, 2.0])).sum()\n";
            case "rosenbrock" -> "def f(p):\n    x, y = p[0], p[1]\n    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2\n";
            case "saddle" -> "def f(p):\n    return (p ** 2 * torch.tensor([1.0, -1.0])).sum()\n";
            case "noisy-bowl" -> """
                    def f(p):
                        # the bowl seen through a noisy mini-batch: the gradient is off by a fresh N(0, 1) draw
                        noise = torch.randn(2)
                        return (p ** 2).sum() + (p * noise).sum()
                    """;
            default -> throw unknownSurface(surfaceId);
        };
    }

    /** A Java value as a Python literal. */
    static String py(Object value) {
        return switch (value) {
            case Boolean b -> b ? "True" : "False";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Number n -> PythonFloatFormat.repr(n.doubleValue());
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case List<?> list -> {
                StringJoiner tuple = new StringJoiner(", ", "(", list.size() == 1 ? ",)" : ")");
                list.forEach(item -> tuple.add(py(item)));
                yield tuple.toString();
            }
            case double[] array -> py(java.util.Arrays.stream(array).boxed().toList());
            case Map<?, ?> map -> {
                StringJoiner dict = new StringJoiner(", ", "{", "}");
                map.forEach((key, item) -> dict.add(py(key) + ": " + py(item)));
                yield dict.toString();
            }
            default -> throw new IllegalArgumentException("no Python literal for " + value);
        };
    }

    private static IllegalArgumentException unknownSurface(String surfaceId) {
        return new IllegalArgumentException("unknown surface '" + surfaceId
                + "' (the catalogue has bowl, valley, rosenbrock, saddle, noisy-bowl)");
    }
}
