package dev.optimlab.explore.ui;

import java.util.List;
import java.util.Optional;

/** Lets tests of other packages set and read a {@link ProgramRangeTest}. */
public final class ProgramRangeTestProbe {

    private final ProgramRangeTest test;

    public ProgramRangeTestProbe(ProgramRangeTest test) {
        this.test = test;
    }

    public ProgramRangeTestProbe settings(double lrMin, double lrMax, int steps) {
        test.lrMin.setValue(lrMin);
        test.lrMax.setValue(lrMax);
        test.steps.setValue(steps);
        return this;
    }

    public String summary() {
        return test.summary.getText();
    }

    public Optional<String> problem() {
        return test.figure.problem();
    }

    public int rawPoints() {
        return test.figure.chart.seriesLabels().isEmpty() ? 0 : test.figure.chart.pointCount(0);
    }

    public List<String> seriesLabels() {
        return test.figure.chart.seriesLabels();
    }

    public List<String> suggestions() {
        return test.figure.suggestionTexts();
    }
}
