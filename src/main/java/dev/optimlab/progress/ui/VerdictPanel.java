package dev.optimlab.progress.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.optimlab.course.Verdict;
import java.util.List;

/**
 * A graded attempt as the learner reads it: the score, each visible check with its feedback (failed ones first in
 * file order, as the grader reports them), and the hidden checks summed up without their names. The counterpart
 * of Otter-Grader's and PrairieLearn's result pages.
 */
class VerdictPanel extends Div {

    final Span score = new Span();
    final Paragraph message = new Paragraph();
    final UnorderedList checks = new UnorderedList();
    final Paragraph hidden = new Paragraph();

    VerdictPanel() {
        addClassNames("ol-verdict");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        score.addClassNames("ol-verdict-score");
        setVisible(false);
        add(score, message, checks, hidden);
    }

    void show(Verdict verdict) {
        setVisible(true);
        checks.removeAll();
        if (!verdict.gradable()) {
            score.setText(getTranslation("verdict.ungradable"));
            score.getElement().setAttribute("data-score", "");
            message.setText(verdict.message());
            hidden.setVisible(false);
            return;
        }
        String percent = String.valueOf(Math.round(verdict.score() * 100));
        score.setText(getTranslation("verdict.score", percent, String.valueOf(verdict.points()),
                String.valueOf(verdict.maxPoints())));
        score.getElement().setAttribute("data-score", percent);
        getElement().getClassList().set("ol-verdict-solved", verdict.score() >= 1.0);
        message.setText(verdict.message() == null ? "" : verdict.message());
        message.setVisible(verdict.message() != null && !verdict.message().isBlank());
        for (Verdict.Check check : verdict.checks()) {
            if (check.hidden()) {
                continue;
            }
            Span mark = new Span(check.passed() ? "✓" : "✗");
            mark.addClassNames(check.passed() ? "ol-check-passed" : "ol-check-failed");
            mark.getElement().setAttribute("aria-label", getTranslation(check.passed() ? "verdict.passed" : "verdict.failed"));
            Span name = new Span(check.name());
            name.addClassNames("ol-check-name");
            ListItem item = new ListItem(mark, name);
            if (check.feedback() != null && !check.feedback().isBlank()) {
                Div feedback = new Div(check.feedback());
                feedback.addClassNames("ol-check-feedback");
                item.add(feedback);
            }
            item.getElement().setAttribute("data-passed", String.valueOf(check.passed()));
            checks.add(item);
        }
        List<Verdict.Check> hiddenChecks = verdict.checks().stream().filter(Verdict.Check::hidden).toList();
        hidden.setVisible(!hiddenChecks.isEmpty());
        long passed = hiddenChecks.stream().filter(Verdict.Check::passed).count();
        hidden.setText(getTranslation("verdict.hidden", String.valueOf(hiddenChecks.size()), String.valueOf(passed)));
    }
}
