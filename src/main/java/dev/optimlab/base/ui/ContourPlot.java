package dev.optimlab.base.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 2-D function drawn as a heat map with contour lines (colour on a log scale), the paths of several points
 * moving over it (one colour each, with a legend), a start point the reader can drag and a step marker that
 * plays the paths as an animation. The surface is sent once as a grid; the browser draws everything else.
 */
@Tag("ol-contour-plot")
@JsModule("./components/ol-contour-plot.js")
public class ContourPlot extends com.vaadin.flow.component.Component implements HasSize {

    /** Values of a function on a regular grid, row by row from {@code yMin} to {@code yMax}. */
    public record Grid(double xMin, double xMax, double yMin, double yMax, int columns, int rows, double[] values) {
        public Grid {
            if (columns < 2 || rows < 2 || values.length != columns * rows) {
                throw new IllegalArgumentException("a grid needs at least 2 x 2 values and columns * rows of them");
            }
        }
    }

    /** The positions a point takes, step by step (index 0 is the start). */
    public record Path(String label, double[] xs, double[] ys) {
        public Path {
            if (xs.length != ys.length || xs.length == 0) {
                throw new IllegalArgumentException("a path needs as many xs as ys, and at least one point");
            }
        }
    }

    private Grid grid;
    private final List<Path> paths = new ArrayList<>();
    private double[] start;
    private int step;
    private boolean playing;

    public ContourPlot() {
        // the browser owns dragging and animation; the server keeps the outcome for its own controls
        addListener(StartMovedEvent.class, e -> start = new double[] {e.x(), e.y()});
        addListener(StepChangedEvent.class, e -> {
            step = e.step();
            playing = e.playing();
        });
    }

    public void setGrid(Grid grid) {
        this.grid = grid;
        getElement().callJsFunction("setSurface", grid.xMin(), grid.xMax(), grid.yMin(), grid.yMax(), grid.columns(),
                grid.rows(), boxed(grid.values()));
    }

    /** Replaces the paths and shows them up to {@code shownStep}. */
    public void setPaths(List<Path> newPaths, int shownStep) {
        paths.clear();
        paths.addAll(newPaths);
        getElement().callJsFunction("clearPaths");
        for (Path path : newPaths) {
            getElement().callJsFunction("addPath", path.label(), boxed(path.xs()), boxed(path.ys()));
        }
        setStep(shownStep);
    }

    public void setStart(double x, double y) {
        start = new double[] {x, y};
        getElement().callJsFunction("setStart", x, y);
    }

    /** Shows the paths up to {@code step}, clamped to the longest path. */
    public void setStep(int step) {
        this.step = Math.max(0, Math.min(step, lastStep()));
        getElement().callJsFunction("setStep", this.step);
    }

    public void play() {
        playing = true;
        getElement().callJsFunction("play");
    }

    public void pause() {
        playing = false;
        getElement().callJsFunction("pause");
    }

    public Grid grid() {
        return grid;
    }

    public List<Path> paths() {
        return List.copyOf(paths);
    }

    /** The start point last set or dragged to, or null. */
    public double[] start() {
        return start == null ? null : start.clone();
    }

    public int step() {
        return step;
    }

    public boolean playing() {
        return playing;
    }

    /** The last step of the longest path. */
    public int lastStep() {
        return paths.stream().mapToInt(p -> p.xs().length - 1).max().orElse(0);
    }

    /** Fired when the reader drops the start point somewhere new. */
    @DomEvent("start-moved")
    public static class StartMovedEvent extends ComponentEvent<ContourPlot> {
        private final double x;
        private final double y;

        public StartMovedEvent(ContourPlot source, boolean fromClient, @EventData("event.detail.x") double x,
                @EventData("event.detail.y") double y) {
            super(source, fromClient);
            this.x = x;
            this.y = y;
        }

        public double x() {
            return x;
        }

        public double y() {
            return y;
        }
    }

    /** Fired when the shown step changes in the browser (animation frames are thinned to five a second). */
    @DomEvent("step-changed")
    public static class StepChangedEvent extends ComponentEvent<ContourPlot> {
        private final int step;
        private final boolean playing;

        public StepChangedEvent(ContourPlot source, boolean fromClient, @EventData("event.detail.step") int step,
                @EventData("event.detail.playing") boolean playing) {
            super(source, fromClient);
            this.step = step;
            this.playing = playing;
        }

        public int step() {
            return step;
        }

        public boolean playing() {
            return playing;
        }
    }

    public Registration addStartMovedListener(ComponentEventListener<StartMovedEvent> listener) {
        return addListener(StartMovedEvent.class, listener);
    }

    public Registration addStepChangedListener(ComponentEventListener<StepChangedEvent> listener) {
        return addListener(StepChangedEvent.class, listener);
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
