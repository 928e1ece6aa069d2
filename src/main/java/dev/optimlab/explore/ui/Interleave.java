package dev.optimlab.explore.ui;

/** Points as {@link dev.optimlab.base.ui.LineChart} takes them: x0, y0, x1, y1, ... */
final class Interleave {

    private Interleave() {
    }

    static double[] xy(double[] xs, double[] ys) {
        double[] xy = new double[2 * xs.length];
        for (int i = 0; i < xs.length; i++) {
            xy[2 * i] = xs[i];
            xy[2 * i + 1] = ys[i];
        }
        return xy;
    }
}
