package dev.optimlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.base.ui.LineDiff.Kind;
import dev.optimlab.base.ui.LineDiff.Line;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    @DisplayName("an inserted line is the only added line, the rest is kept")
    void insertedLine() {
        String old = "for step in range(60):\n    loss.backward()\n    optimizer.step()\n";
        String now = "for step in range(60):\n    optimizer.zero_grad()\n    loss.backward()\n    optimizer.step()\n";
        assertThat(LineDiff.of(old, now)).containsExactly(
                new Line(Kind.SAME, "for step in range(60):"),
                new Line(Kind.ADDED, "    optimizer.zero_grad()"),
                new Line(Kind.SAME, "    loss.backward()"),
                new Line(Kind.SAME, "    optimizer.step()"));
    }

    @Test
    @DisplayName("a changed line shows as the old one removed and the new one added, as difflib.ndiff lists it")
    void changedLine() {
        assertThat(LineDiff.of("a\nlr = 0.1\nb\n", "a\nlr = 0.05\nb\n")).containsExactly(
                new Line(Kind.SAME, "a"),
                new Line(Kind.REMOVED, "lr = 0.1"),
                new Line(Kind.ADDED, "lr = 0.05"),
                new Line(Kind.SAME, "b"));
    }

    @Test
    @DisplayName("diffing against an empty text removes or adds every line")
    void emptySides() {
        assertThat(LineDiff.of("", "x\ny")).extracting(Line::kind).containsExactly(Kind.ADDED, Kind.ADDED);
        assertThat(LineDiff.of("x\n", "")).extracting(Line::kind).containsExactly(Kind.REMOVED);
        assertThat(LineDiff.of("same\n", "same\n")).containsExactly(new Line(Kind.SAME, "same"));
    }
}
