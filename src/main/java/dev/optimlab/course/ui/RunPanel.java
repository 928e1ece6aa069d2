package dev.optimlab.course.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.optimlab.base.ui.Console;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.base.ui.PushThrottle;
import dev.optimlab.base.ui.UiTicker;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.Program;
import dev.optimlab.runs.RunEvent;
import dev.optimlab.runs.RunHandle;
import dev.optimlab.runs.RunKind;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.SubmitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * What a Run shows while the program runs and after: a status line with the queue position, the elapsed time and a
 * Stop button; the console; and live charts of the loss per step (with a log-scale toggle), the learning rate of each
 * param group, and any other {@code SummaryWriter} series. Updates reach the browser at most
 * {@value #MAX_PUSHES_PER_SECOND} times a second. The counterpart of a terminal beside a TensorBoard page.
 */
public class RunPanel extends Div {

    static final int MAX_PUSHES_PER_SECOND = 20;
    static final long PUSH_INTERVAL_MILLIS = 1000 / MAX_PUSHES_PER_SECOND;
    static final long CLOCK_MILLIS = 250;
    static final String LOSS = "loss";
    static final String LR_PREFIX = "lr/";

    private final RunService runService;
    private final UiTicker ticker;
    final Console console = new Console();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Button stop = new Button();
    final Anchor signIn = new Anchor("login", "");
    final Checkbox logScale = new Checkbox();
    final Div charts = new Div();
    LineChart lossChart;
    LineChart lrChart;
    LineChart scalarChart;
    private final Map<String, Integer> seriesIndex = new LinkedHashMap<>();
    private final List<Consumer<RunEvent.Finished>> finishedListeners = new ArrayList<>();
    private final Map<String, Consumer<RunEvent.Metric>> metricTaps = new LinkedHashMap<>();
    private Current current;

    /** One run as this panel follows it; events of an earlier run never reach a later one's view. */
    private final class Current {
        final RunHandle handle;
        final long startedNanos = System.nanoTime();
        final ConcurrentLinkedQueue<RunEvent> pending = new ConcurrentLinkedQueue<>();
        PushThrottle throttle;
        AutoCloseable subscription;
        volatile boolean finished;
        boolean started;
        /** Whether a batch with output or a chart point has arrived; touched only by the run's delivery. */
        volatile boolean dataSeen;

        Current(RunHandle handle) {
            this.handle = handle;
        }

        void close() {
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception e) {
                    // Closing a subscription only stops deliveries; nothing is left to clean up.
                }
            }
        }
    }

    public RunPanel(RunService runService, UiTicker ticker) {
        this.runService = runService;
        this.ticker = ticker;
        addClassNames("ol-run-panel");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("8em");
        stop.setText(getTranslation("run.stop"));
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        stop.addClassNames("ol-run-stop");
        stop.setEnabled(false);
        stop.setVisible(false);
        stop.addClickListener(click -> stop());
        status.addClassNames("ol-run-status");
        status.getElement().setAttribute("aria-live", "polite");
        signIn.setText(getTranslation("run.rejected.signin"));
        signIn.getElement().setAttribute("router-ignore", true);
        signIn.addClassNames("ol-run-signin");
        signIn.setVisible(false);
        Div statusRow = new Div(progress, status, signIn, stop);
        statusRow.addClassNames("ol-run-status-row");
        logScale.setLabel(getTranslation("run.chart.log"));
        logScale.setVisible(false);
        logScale.addValueChangeListener(change -> {
            if (lossChart != null) {
                lossChart.setLogScale(change.getValue());
            }
        });
        charts.addClassNames("ol-run-charts");
        console.setVisible(false);
        add(statusRow, logScale, charts, console);
    }

    /** Submits {@code program} as a Run of {@code learner}; a refusal is shown as a message, in the page's language. */
    public boolean run(Learner learner, Program program) {
        endCurrent();
        clearOutput();
        SubmitResult result = runService.submit(learner, program, RunKind.RUN);
        signIn.setVisible(result instanceof SubmitResult.Rejected rejected
                && rejected.reason() == SubmitResult.Reason.GUESTS_DISABLED);
        if (result instanceof SubmitResult.Rejected rejected) {
            showStatus(getTranslation("run.rejected." + rejected.reason().name().toLowerCase(Locale.ROOT)), true);
            return false;
        }
        RunHandle handle = ((SubmitResult.Accepted) result).handle();
        Current run = new Current(handle);
        current = run;
        progress.setVisible(true);
        stop.setVisible(true);
        stop.setEnabled(true);
        showQueued(run);
        UI ui = UI.getCurrent();
        run.throttle = ticker.throttle(PUSH_INTERVAL_MILLIS, () -> ui.access(() -> drain(run)));
        run.subscription = handle.subscribe(batch -> {
            run.pending.addAll(batch);
            // The first output or chart point is what the learner waits for: it does not wait behind "running".
            if (!run.dataSeen && batch.stream().anyMatch(e -> e instanceof RunEvent.Metric
                    || e instanceof RunEvent.Output)) {
                run.dataSeen = true;
                run.throttle.requestNow();
            } else {
                run.throttle.request();
            }
        });
        run.throttle.requestAfter(CLOCK_MILLIS);
        return true;
    }

    /** The learner's Stop: cancels the run that is queued or running. */
    public void stop() {
        if (current != null && !current.finished) {
            current.handle.cancel();
            stop.setEnabled(false);
        }
    }

    /** Whether a run is queued or running. */
    public boolean isRunning() {
        return current != null && !current.finished;
    }

    /** Called on the UI thread when a run ends, e.g. to mark the traceback's line in the editor. */
    public void addFinishedListener(Consumer<RunEvent.Finished> listener) {
        finishedListeners.add(listener);
    }

    /**
     * Hands the metrics whose series starts with {@code prefix} to {@code tap} on the UI thread instead of charting
     * them, e.g. the range test's points, which a figure of its own draws.
     */
    public void addMetricTap(String prefix, Consumer<RunEvent.Metric> tap) {
        metricTaps.put(prefix, tap);
    }

    public Console getConsole() {
        return console;
    }

    /** How many points the chart of {@code series} has received, 0 if it has none. */
    int pointCount(String series) {
        Integer index = seriesIndex.get(series);
        LineChart chart = chartFor(series, false);
        return index == null || chart == null ? 0 : chart.pointCount(index);
    }

    private void drain(Current run) {
        // A clock tick still scheduled when the run ended must not turn "Finished" back into "Running".
        if (run != current || run.finished) {
            return;
        }
        Map<String, List<Double>> points = new LinkedHashMap<>();
        RunEvent event;
        RunEvent.Finished finished = null;
        while ((event = run.pending.poll()) != null) {
            switch (event) {
                case RunEvent.Started started -> run.started = true;
                case RunEvent.Paused paused -> run.started = false;
                case RunEvent.Resumed resumed -> run.started = true;
                case RunEvent.Output output -> {
                    flushPoints(points);
                    console.setVisible(true);
                    if (output.stream() == RunEvent.Stream.STDOUT) {
                        console.stdout(output.text());
                    } else {
                        console.stderr(output.text());
                    }
                }
                case RunEvent.Warning warning -> {
                    flushPoints(points);
                    console.setVisible(true);
                    console.stderr(warning.text().endsWith("\n") ? warning.text() : warning.text() + "\n");
                }
                case RunEvent.Metric metric when tapFor(metric.series()) != null -> tapFor(metric.series()).accept(metric);
                case RunEvent.Metric metric -> {
                    List<Double> xy = points.computeIfAbsent(metric.series(), s -> new ArrayList<>());
                    xy.add((double) metric.step());
                    xy.add(metric.value());
                }
                case RunEvent.Skipped skipped -> console.note(getTranslation("run.skipped", skipped.count()));
                case RunEvent.Finished end -> finished = end;
            }
        }
        flushPoints(points);
        if (finished != null) {
            finish(run, finished);
            return;
        }
        if (run.started) {
            showStatus(getTranslation("run.running", seconds(Duration.ofNanos(System.nanoTime() - run.startedNanos))), false);
        } else {
            showQueued(run);
        }
        run.throttle.requestAfter(CLOCK_MILLIS);
    }

    private Consumer<RunEvent.Metric> tapFor(String series) {
        for (Map.Entry<String, Consumer<RunEvent.Metric>> tap : metricTaps.entrySet()) {
            if (series.startsWith(tap.getKey())) {
                return tap.getValue();
            }
        }
        return null;
    }

    private void flushPoints(Map<String, List<Double>> points) {
        points.forEach((series, xy) -> {
            LineChart chart = chartFor(series, true);
            int index = seriesIndex.computeIfAbsent(series, s -> chart.addSeries(label(s)));
            chart.appendPoints(index, xy.stream().mapToDouble(Double::doubleValue).toArray());
        });
        points.clear();
    }

    private void finish(Current run, RunEvent.Finished end) {
        run.finished = true;
        run.close();
        progress.setVisible(false);
        stop.setEnabled(false);
        stop.setVisible(false);
        String took = seconds(end.duration());
        switch (end.status()) {
            case OK -> showStatus(getTranslation("run.finished", took), false);
            case PYTHON_ERROR -> {
                showError(end.message());
                showStatus(getTranslation("run.error", took), true);
            }
            case LIMIT_EXCEEDED -> {
                showError(end.message());
                showStatus(getTranslation("run.limit", took), true);
            }
            case CANCELLED -> showStatus(getTranslation("run.cancelled"), false);
        }
        finishedListeners.forEach(listener -> listener.accept(end));
    }

    private void showError(String message) {
        if (message == null || message.isBlank() || console.getText().endsWith(message)) {
            return;
        }
        console.setVisible(true);
        console.stderr(message);
    }

    private void showQueued(Current run) {
        int position = run.handle.currentQueuePosition();
        showStatus(position > 0 ? getTranslation("run.queued", position) : getTranslation("run.starting"), false);
    }

    private void showStatus(String text, boolean problem) {
        status.setText(text);
        status.getElement().getClassList().set("ol-run-problem", problem);
    }

    private LineChart chartFor(String series, boolean create) {
        if (series.equals(LOSS)) {
            if (lossChart == null && create) {
                lossChart = newChart("run.chart.loss", getTranslation("run.chart.loss.axis"));
                logScale.setVisible(true);
                lossChart.setLogScale(logScale.getValue());
            }
            return lossChart;
        }
        if (series.startsWith(LR_PREFIX)) {
            if (lrChart == null && create) {
                lrChart = newChart("run.chart.lr", getTranslation("chart.lr"));
            }
            return lrChart;
        }
        if (scalarChart == null && create) {
            scalarChart = newChart("run.chart.scalars", getTranslation("run.chart.value"));
        }
        return scalarChart;
    }

    private LineChart newChart(String titleKey, String yLabel) {
        LineChart chart = new LineChart(getTranslation("chart.step"), yLabel);
        chart.setHeight("220px");
        chart.setWidthFull();
        chart.getElement().setAttribute("aria-label", getTranslation(titleKey));
        chart.getElement().setAttribute("data-chart", titleKey.substring("run.chart.".length()));
        charts.add(chart);
        return chart;
    }

    private String label(String series) {
        String group = LR_PREFIX + "group";
        return series.startsWith(group) && series.length() > group.length()
                ? getTranslation("run.chart.lr.group", series.substring(group.length())) : series;
    }

    private void clearOutput() {
        console.clear();
        console.setVisible(false);
        charts.removeAll();
        lossChart = null;
        lrChart = null;
        scalarChart = null;
        seriesIndex.clear();
        logScale.setVisible(false);
        status.setText("");
    }

    private void endCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        stop.setText(getTranslation("run.stop"));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (current != null && !current.finished) {
            current.handle.cancel();
        }
        endCurrent();
    }
}
