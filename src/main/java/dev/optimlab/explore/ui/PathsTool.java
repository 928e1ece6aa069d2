package dev.optimlab.explore.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.optimlab.base.ui.ContourPlot;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.explore.PathExplorer;
import dev.optimlab.explore.PathExplorer.Choice;
import dev.optimlab.explore.PathExplorer.Settings;
import dev.optimlab.explore.WidgetCurves;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optimizer-path tool: a loss surface with the paths of several torch.optim optimizers computed on the
 * core, controls for their hyperparameters, a draggable start, play/pause/step, and the PyTorch program that
 * gives the same paths. In full form (the /tools/paths page) the reader picks the surface and the optimizers,
 * which share one lr, momentum and betas; in compact form (a chapter's widget) the author's optimizers are
 * kept and one slider scales all their learning rates.
 */
public class PathsTool extends Div {

    private static final int GRID_COLUMNS = 120;
    private static final int GRID_ROWS = 90;

    /** What a compact tool starts from: the author's surface, optimizers, start and number of steps. */
    public record Preset(String surface, List<Map<String, Object>> optimizers, double[] start, int steps) {
    }

    private final boolean compact;
    private final List<Map<String, Object>> authored;
    final Select<String> surface = new Select<>();
    final CheckboxGroup<Choice> optimizers = new CheckboxGroup<>();
    final DecimalSlider lr = new DecimalSlider();
    final DecimalSlider momentum = new DecimalSlider(0, 0.99);
    final DecimalSlider beta1 = new DecimalSlider(0, 0.99);
    final DecimalSlider beta2 = new DecimalSlider(0.9, 0.9999);
    final NumberField startX = new NumberField();
    final NumberField startY = new NumberField();
    final Button playPause = new Button();
    final Button stepButton = new Button();
    final Button rewind = new Button();
    final Span stepCounter = new Span();
    final ContourPlot plot = new ContourPlot();
    final LineChart lossChart;
    final Pre code = new Pre();
    final Paragraph problem = new Paragraph();
    private int steps;
    private List<WidgetCurves.Series> paths = List.of();

    /** The full tool on {@code surfaceId} with all seven optimizers. */
    public PathsTool(String surfaceId) {
        this(surfaceId, null, null, PathExplorer.defaultSteps(surfaceId), false);
    }

    /** A compact tool preset from a chapter's widget block. */
    public PathsTool(Preset preset) {
        this(preset.surface(), preset.optimizers(), preset.start(), preset.steps(), true);
    }

    private PathsTool(String surfaceId, List<Map<String, Object>> authored, double[] start, int steps, boolean compact) {
        this.compact = compact;
        this.authored = authored;
        this.steps = steps;
        addClassNames("ol-paths-tool");
        // an unknown surface fails here, before any control is built
        PathExplorer.bounds(surfaceId);
        surface.setLabel(getTranslation("tools.paths.surface"));
        surface.setItems(PathExplorer.SURFACES);
        surface.setItemLabelGenerator(id -> getTranslation("tools.surface." + id));
        surface.setValue(surfaceId);
        optimizers.setLabel(getTranslation("tools.paths.optimizers"));
        optimizers.setItems(Choice.values());
        optimizers.setItemLabelGenerator(choice -> getTranslation("tools.optimizer." + choice.name().toLowerCase()));
        optimizers.setValue(EnumSet.allOf(Choice.class));

        Settings defaults = PathExplorer.defaultSettings(surfaceId);
        if (compact) {
            // log10 of the factor applied to every authored learning rate
            configure(lr, -1, 1, 0.05, 0);
        } else {
            configure(lr, -4, 0.5, 0.05, Math.log10(defaults.lr()));
        }
        configure(momentum, 0, 0.99, 0.01, defaults.momentum());
        configure(beta1, 0, 0.99, 0.01, defaults.beta1());
        configure(beta2, 0.9, 0.9999, 0.0001, defaults.beta2());
        momentum.setLabel(getTranslation("tools.paths.momentum"));
        beta1.setLabel("β₁ = betas[0]");
        beta2.setLabel("β₂ = betas[1]");
        for (DecimalSlider linear : List.of(momentum, beta1, beta2)) {
            linear.setValueAlwaysVisible(true);
        }
        for (NumberField field : List.of(startX, startY)) {
            field.setStep(0.1);
            field.setStepButtonsVisible(true);
            field.setWidth("9em");
        }
        startX.setLabel(getTranslation("tools.paths.start-x"));
        startY.setLabel(getTranslation("tools.paths.start-y"));
        double[] from = start != null ? start : surfaceStart(surfaceId);
        startX.setValue(from[0]);
        startY.setValue(from[1]);

        playPause.setText(getTranslation("tools.play"));
        playPause.addThemeVariants(ButtonVariant.PRIMARY);
        stepButton.setText(getTranslation("tools.step"));
        rewind.setText(getTranslation("tools.rewind"));
        stepCounter.getElement().setAttribute("aria-live", "polite");
        problem.addClassNames("ol-figure-problem");
        problem.setVisible(false);
        plot.setWidthFull();
        plot.setHeight(compact ? "360px" : "460px");
        lossChart = new LineChart(getTranslation("chart.step"), getTranslation("tools.lrfinder.loss"));
        lossChart.setWidthFull();
        lossChart.setHeight(compact ? "200px" : "240px");
        code.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("overflow", "auto").set("margin", "0");

        HorizontalLayout player = new HorizontalLayout(playPause, stepButton, rewind, stepCounter);
        player.setAlignItems(FlexComponent.Alignment.CENTER);
        FlexLayout controls = new FlexLayout();
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.getStyle().set("gap", "var(--lumo-space-m)");
        controls.setAlignItems(FlexComponent.Alignment.END);
        if (!compact) {
            controls.add(surface);
        }
        controls.add(lr);
        if (!compact) {
            controls.add(momentum, beta1, beta2);
        }
        controls.add(startX, startY);
        for (DecimalSlider slider : List.of(lr, momentum, beta1, beta2)) {
            slider.setWidth("12em");
        }
        if (compact) {
            Details codeDetails = new Details(getTranslation("tools.code"), code);
            add(controls, plot, player, problem, lossChart, codeDetails);
        } else {
            VerticalLayout left = new VerticalLayout(controls, optimizers, plot, player, problem, lossChart);
            left.setPadding(false);
            Div right = new Div(new Paragraph(getTranslation("tools.code.intro")), code);
            right.getStyle().set("min-width", "0").set("flex", "1 1 360px");
            left.getStyle().set("flex", "2 1 560px").set("min-width", "0");
            FlexLayout columns = new FlexLayout(left, right);
            columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            columns.getStyle().set("gap", "var(--lumo-space-l)");
            add(columns);
        }

        surface.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changeSurface(e.getValue());
            }
        });
        optimizers.addValueChangeListener(e -> recompute());
        for (DecimalSlider slider : List.of(lr, momentum, beta1, beta2)) {
            slider.setValueChangeMode(ValueChangeMode.LAZY);
            slider.setValueChangeTimeout(120);
            slider.addValueChangeListener(e -> recompute());
        }
        startX.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                recompute();
            }
        });
        startY.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                recompute();
            }
        });
        plot.addStartMovedListener(e -> {
            startX.setValue(round(e.x(), 0.01));
            startY.setValue(round(e.y(), 0.01));
            recompute();
        });
        plot.addStepChangedListener(e -> showStep());
        playPause.addClickListener(e -> togglePlay());
        stepButton.addClickListener(e -> step());
        rewind.addClickListener(e -> {
            plot.pause();
            plot.setStep(0);
            showStep();
        });
        drawSurface(surfaceId);
        recompute();
    }

    /** Switches to another surface with its own start, learning rate and number of steps. */
    void changeSurface(String surfaceId) {
        surface.setValue(surfaceId);
        steps = PathExplorer.defaultSteps(surfaceId);
        double[] from = surfaceStart(surfaceId);
        startX.setValue(from[0]);
        startY.setValue(from[1]);
        if (!compact) {
            lr.setValue(onStep(Math.log10(PathExplorer.defaultSettings(surfaceId).lr()), 0.05));
        }
        drawSurface(surfaceId);
        recompute();
    }

    /** Computes the paths for the current controls and shows them in full; a bad setting shows its message. */
    void recompute() {
        plot.pause();
        List<Map<String, Object>> specs = specs();
        double[] start = {valueOr(startX, 0), valueOr(startY, 0)};
        String surfaceId = surface.getValue();
        updateLrLabel();
        plot.setStart(start[0], start[1]);
        try {
            PathExplorer.Bounds bounds = PathExplorer.bounds(surfaceId);
            paths = WidgetCurves.paths(surfaceId, specs, start, steps).stream()
                    .map(path -> PathExplorer.untilDiverged(path, bounds)).toList();
            code.setText(PathExplorer.pytorchCode(surfaceId, specs, start, steps));
            problem.setVisible(false);
        } catch (RuntimeException e) {
            paths = List.of();
            code.setText("");
            problem.setText(getTranslation("tools.paths.problem", e.getMessage()));
            problem.setVisible(true);
        }
        plot.setPaths(paths.stream().map(p -> new ContourPlot.Path(p.label(), p.xs(), p.ys())).toList(), steps);
        lossChart.removeAllSeries();
        for (WidgetCurves.Series path : paths) {
            double[] stepNumbers = java.util.stream.IntStream.range(0, path.xs().length).asDoubleStream().toArray();
            lossChart.appendPoints(lossChart.addSeries(path.label()), Interleave.xy(stepNumbers, PathExplorer.losses(surfaceId, path)));
        }
        showStep();
    }

    /** The optimizers to draw with their keyword arguments under the current controls. */
    List<Map<String, Object>> specs() {
        if (compact) {
            double scale = Math.pow(10, lr.getValue());
            List<Map<String, Object>> scaled = new ArrayList<>();
            for (Map<String, Object> spec : authored) {
                Map<String, Object> copy = new LinkedHashMap<>(spec);
                if (copy.get("lr") instanceof Number n && scale != 1) {
                    copy.put("lr", roundSignificant(n.doubleValue() * scale));
                }
                scaled.add(copy);
            }
            return scaled;
        }
        Settings settings = new Settings(lr(), momentum.getValue(), beta1.getValue(), beta2.getValue());
        Set<Choice> chosen = optimizers.getValue();
        return java.util.Arrays.stream(Choice.values()).filter(chosen::contains).map(c -> c.spec(settings)).toList();
    }

    /** The learning rate the full tool's slider stands for (the slider moves on a log scale). */
    double lr() {
        return roundSignificant(Math.pow(10, lr.getValue()));
    }

    List<WidgetCurves.Series> paths() {
        return paths;
    }

    void togglePlay() {
        if (plot.playing()) {
            plot.pause();
        } else {
            plot.play();
        }
        showStep();
    }

    void step() {
        plot.pause();
        plot.setStep(plot.step() + 1);
        showStep();
    }

    private void showStep() {
        stepCounter.setText(getTranslation("tools.step-counter", plot.step(), plot.lastStep()));
        playPause.setText(getTranslation(plot.playing() ? "tools.pause" : "tools.play"));
    }

    private void updateLrLabel() {
        if (compact) {
            lr.setLabel(getTranslation("tools.paths.lr-scale", format(Math.pow(10, lr.getValue()))));
        } else {
            lr.setLabel(getTranslation("tools.paths.lr", format(lr())));
        }
    }

    private void drawSurface(String surfaceId) {
        PathExplorer.SurfaceGrid grid = Grids.of(surfaceId, GRID_COLUMNS, GRID_ROWS);
        PathExplorer.Bounds b = grid.bounds();
        plot.setGrid(new ContourPlot.Grid(b.xMin(), b.xMax(), b.yMin(), b.yMax(), grid.columns(), grid.rows(), grid.values()));
    }

    private static double[] surfaceStart(String surfaceId) {
        return dev.optimlab.torch.catalogue.Surface.of(surfaceId, new dev.optimlab.torch.Generator()).start();
    }

    private static void configure(DecimalSlider slider, double min, double max, double step, double value) {
        slider.setMin(min);
        slider.setMax(max);
        slider.setStep(step);
        slider.setValue(onStep(Math.min(max, Math.max(min, value)), step));
    }

    /** A value on the slider's grid of steps, as the slider accepts no other. */
    private static double onStep(double value, double step) {
        return round(value, step);
    }

    private static double round(double value, double unit) {
        return java.math.BigDecimal.valueOf(Math.round(value / unit)).multiply(java.math.BigDecimal.valueOf(unit)).doubleValue();
    }

    private static double roundSignificant(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue();
    }

    private static double valueOr(NumberField field, double fallback) {
        return field.getValue() == null ? fallback : field.getValue();
    }

    static String format(double value) {
        return dev.optimlab.torch.PythonFloatFormat.repr(value);
    }

    /** Surfaces do not change, so each grid is computed once per server. */
    private static final class Grids {
        private static final Map<String, PathExplorer.SurfaceGrid> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static PathExplorer.SurfaceGrid of(String surfaceId, int columns, int rows) {
            return CACHE.computeIfAbsent(surfaceId + "@" + columns + "x" + rows, key -> PathExplorer.grid(surfaceId, columns, rows));
        }
    }

    /** The problem the current settings have, as shown to the reader, or empty when the result is drawn. */
    public java.util.Optional<String> problem() {
        return problem.isVisible() ? java.util.Optional.of(problem.getText()) : java.util.Optional.empty();
    }

    public LineChart lossChart() {
        return lossChart;
    }
}
