package dev.optimlab.base.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by their longest common subsequence, as {@code difflib.ndiff} lists it without the
 * intraline hints: each line kept, removed (only in the old text) or added (only in the new one).
 */
public final class LineDiff {

    /** How a line differs. */
    public enum Kind {
        SAME, REMOVED, ADDED
    }

    /** One line of the diff. */
    public record Line(Kind kind, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> of(String oldText, String newText) {
        String[] a = lines(oldText);
        String[] b = lines(newText);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                diff.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                diff.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            diff.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            diff.add(new Line(Kind.ADDED, b[j++]));
        }
        return diff;
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\n", -1);
    }
}
