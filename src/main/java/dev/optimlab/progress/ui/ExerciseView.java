package dev.optimlab.progress.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.optimlab.base.ui.CodeEditor;
import dev.optimlab.base.ui.LineDiff;
import dev.optimlab.base.ui.RichText;
import dev.optimlab.base.ui.UiTicker;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.course.LocalizedText;
import dev.optimlab.course.MarkdownRenderer;
import dev.optimlab.course.ui.CourseContent;
import dev.optimlab.course.ui.Learners;
import dev.optimlab.course.ui.RunPanel;
import dev.optimlab.explore.ui.ProgramRangeTest;
import dev.optimlab.pylite.bridge.LrSweep;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.progress.StoredAttempt;
import dev.optimlab.progress.WorkspaceFiles;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.Program;
import dev.optimlab.runs.RunService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * {@code /exercises/{id}}: an exercise's instructions beside the editor; Run with its live console and charts;
 * Submit with the verdict, the attempt history (each attempt's code and its diff against the editor), hints one at
 * a time, the solution once it is earned, and reset to the starter. The counterpart of a notebook with one graded
 * assignment cell.
 */
@Route("exercises")
@AnonymousAllowed
class ExerciseView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final CourseContent content;
    private final Learners learners;
    private final LearnerAccounts accounts;
    private final RunService runService;
    private final ProgressService progress;
    private final Drafts drafts;
    private final WorkspaceFiles workspaceFiles;
    final RichText instructions = new RichText();
    final CodeEditor editor = new CodeEditor();
    final Button run = new Button();
    final Button rangeTestButton = new Button();
    final ProgramRangeTest rangeTest = new ProgramRangeTest();
    final Button submit = new Button();
    final Button reset = new Button();
    final RunPanel runPanel;
    final Div notice = new Div();
    final VerdictPanel verdict = new VerdictPanel();
    final UnorderedList attempts = new UnorderedList();
    final Button nextHint = new Button();
    final OrderedList hints = new OrderedList();
    final Button showSolution = new Button();
    final Pre solution = new Pre();
    Exercise exercise;
    Dialog attemptDialog;
    private Learner learner;
    private Optional<Long> userId = Optional.empty();
    private boolean grading;

    ExerciseView(CourseContent content, Learners learners, LearnerAccounts accounts, RunService runService,
                 ProgressService progress, UiTicker ticker, Drafts drafts, WorkspaceFiles workspaceFiles) {
        this.content = content;
        this.learners = learners;
        this.accounts = accounts;
        this.runService = runService;
        this.progress = progress;
        this.drafts = drafts;
        this.workspaceFiles = workspaceFiles;
        this.runPanel = new RunPanel(runService, ticker);
        addClassNames("ol-workspace");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        exercise = content.exercise(id).orElse(null);
        if (exercise == null) {
            event.rerouteToError(NotFoundException.class, getTranslation("notfound.exercise", id));
            return;
        }
        learner = learners.current();
        userId = accounts.currentUserId();
        removeAll();
        add(textColumn(Lang.of(getLocale())), codeColumn());
        editor.setValue(drafts.load(userId, exercise).orElse(exercise.starter()));
        showAttempts();
        showHints(userId.map(user -> progress.hintsRevealed(user, exercise.id())).orElseGet(this::guestHints));
        showSolutionButton();
    }

    private Section textColumn(Lang lang) {
        Section text = new Section();
        text.addClassNames("ol-workspace-text");
        text.add(new H1(exercise.title().get(lang)));
        Span points = new Span(getTranslation("exercise.points", String.valueOf(exercise.points())));
        points.addClassNames("ol-exercise-points");
        text.add(points);
        instructions.setHtml(new MarkdownRenderer().toHtml(exercise.instructions().get(lang)));
        text.add(instructions);
        if (!exercise.choices().isEmpty()) {
            UnorderedList choices = new UnorderedList();
            choices.addClassNames("ol-exercise-choices");
            choices.getElement().setAttribute("aria-label", getTranslation("exercise.choices"));
            for (LocalizedText choice : exercise.choices()) {
                choices.add(new ListItem(choice.get(lang)));
            }
            text.add(choices);
        }
        if (!exercise.hints().isEmpty()) {
            text.add(new H2(getTranslation("exercise.hints")));
            hints.addClassNames("ol-hints");
            nextHint.addThemeVariants(ButtonVariant.LUMO_SMALL);
            nextHint.addClickListener(click -> revealHint());
            text.add(hints, nextHint);
        }
        showSolution.setText(getTranslation("exercise.solution.show"));
        showSolution.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        showSolution.addClickListener(click -> revealSolution());
        solution.addClassNames("ol-solution");
        solution.setVisible(false);
        text.add(showSolution, solution);
        return text;
    }

    private Section codeColumn() {
        Section code = new Section();
        code.addClassNames("ol-workspace-code");
        run.setText(getTranslation("run.button"));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("run-button");
        run.setTooltipText(getTranslation("exercise.run.hint"));
        // The button runs the editor's text as it is in the browser, not as the last debounced sync saw it.
        run.getElement().executeJs("this.addEventListener('click', () => $0.fireRun())", editor.getElement());
        submit.setText(getTranslation("exercise.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit-button");
        // Submit, too, grades what the browser shows: the editor flushes its text before the click reaches us.
        submit.getElement().executeJs("this.addEventListener('click', () => $0.flushChange(), true)", editor.getElement());
        submit.addClickListener(click -> submitCode());
        reset.setText(getTranslation("exercise.reset"));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reset.addClickListener(click -> resetToStarter());
        rangeTestButton.setText(getTranslation("rangetest.button"));
        rangeTestButton.setId("range-test-button");
        rangeTestButton.setTooltipText(getTranslation("rangetest.button.hint"));
        // As Submit, the range test sweeps what the browser shows: the editor flushes its text before the click.
        rangeTestButton.getElement().executeJs("this.addEventListener('click', () => $0.flushChange(), true)",
                editor.getElement());
        rangeTestButton.addClickListener(click -> runRangeTest(editor.getValue()));
        rangeTest.setVisible(false);
        Div toolbar = new Div(run, rangeTestButton, submit, reset);
        toolbar.addClassNames("ol-workspace-toolbar");
        editor.setAccessibleName(getTranslation("exercise.editor"));
        editor.setWidthFull();
        editor.addRunListener(e -> runProgram(e.getCode()));
        editor.addChangeListener(e -> saveDraft(e.getValue()));
        runPanel.getConsole().addLineClickListener(e -> editor.revealLine(e.getLine()));
        runPanel.addFinishedListener(end -> {
            if (end.status() == RunResult.Status.PYTHON_ERROR && end.errorLine() > 0) {
                editor.markLine(end.errorLine());
            }
            rangeTest.finish(end);
        });
        runPanel.addMetricTap("range/", rangeTest::accept);
        notice.addClassNames("ol-workspace-notice");
        notice.getElement().setAttribute("role", "status");
        attempts.addClassNames("ol-attempts");
        H2 attemptsTitle = new H2(getTranslation("exercise.attempts"));
        code.add(toolbar, editor, notice, runPanel, rangeTest, verdict, attemptsTitle, attempts);
        return code;
    }

    void runProgram(String code) {
        rangeTest.abandon();
        runPanel.run(learner, program(code));
    }

    /** Runs the editor's program as a learning-rate range test through the same queue, limits and Stop as Run. */
    void runRangeTest(String code) {
        rangeTest.setVisible(true);
        rangeTest.abandon();
        Optional<LrSweep> sweep = rangeTest.sweep();
        if (sweep.isEmpty()) {
            return;
        }
        Program program = program(code).withSweep(sweep.get());
        rangeTest.begin(sweep.get());
        if (!runPanel.run(learner, program)) {
            rangeTest.abandon();
        }
    }

    private Program program(String code) {
        saveDraft(code);
        say("", false);
        editor.markLine(0);
        // A signed-in learner's torch.save files live in the database, so a checkpoint survives to the next Run.
        return userId.map(user -> Program.of(code).withStorage(workspaceFiles.storageFor(user, Lang.of(getLocale()))))
                .orElseGet(() -> Program.of(code));
    }

    void submitCode() {
        String code = editor.getValue();
        saveDraft(code);
        if (userId.isEmpty()) {
            notice.removeAll();
            notice.add(new Span(getTranslation("exercise.submit.signin") + " "));
            Anchor signIn = new Anchor("login", getTranslation("exercise.submit.signin.link"));
            signIn.getElement().setAttribute("router-ignore", true);
            notice.add(signIn);
            notice.getElement().getClassList().set("ol-problem", false);
            return;
        }
        if (grading) {
            return;
        }
        grading = true;
        submit.setEnabled(false);
        say(getTranslation("exercise.submit.grading"), false);
        long user = userId.get();
        Lang lang = Lang.of(getLocale());
        UI ui = UI.getCurrent();
        Exercise graded = exercise;
        Thread.ofVirtual().name("submit-" + graded.id()).start(() -> {
            StoredAttempt stored = null;
            RuntimeException failure = null;
            try {
                stored = progress.submit(user, graded, code, lang);
            } catch (RuntimeException e) {
                failure = e;
            }
            StoredAttempt attempt = stored;
            RuntimeException problem = failure;
            ui.access(() -> graded(attempt, problem));
        });
    }

    private void graded(StoredAttempt attempt, RuntimeException problem) {
        grading = false;
        submit.setEnabled(true);
        if (problem != null) {
            say(getTranslation(problem instanceof IllegalArgumentException ? "exercise.submit.too_large"
                    : "exercise.submit.failed"), true);
            return;
        }
        say(getTranslation("exercise.submit.saved"), false);
        verdict.show(attempt.verdict());
        showAttempts();
        showSolutionButton();
    }

    private void showAttempts() {
        attempts.removeAll();
        List<StoredAttempt> stored = userId.map(user -> progress.attempts(user, exercise.id())).orElse(List.of());
        if (stored.isEmpty()) {
            attempts.add(new ListItem(getTranslation(userId.isPresent() ? "exercise.attempts.none" : "exercise.attempts.guest")));
            return;
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        for (StoredAttempt attempt : stored) {
            Span when = new Span(format.format(attempt.createdAt()));
            Span score = new Span(attempt.verdict().gradable()
                    ? getTranslation("exercise.attempt.score", String.valueOf(Math.round(attempt.score() * 100)))
                    : getTranslation("verdict.ungradable"));
            score.addClassNames("ol-attempt-score");
            Button open = new Button(getTranslation("exercise.attempt.open"), click -> openAttempt(attempt));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            ListItem item = new ListItem(when, score, open);
            item.getElement().setAttribute("data-attempt", String.valueOf(attempt.id()));
            attempts.add(item);
        }
    }

    /** Shows an earlier attempt's code as a line diff against the editor, with a way to bring it back. */
    void openAttempt(StoredAttempt attempt) {
        attemptDialog = new Dialog();
        attemptDialog.setHeaderTitle(getTranslation("exercise.attempt.title", String.valueOf(Math.round(attempt.score() * 100))));
        Span legend = new Span(getTranslation("exercise.attempt.legend"));
        legend.addClassNames("ol-diff-legend");
        Pre diff = new Pre();
        diff.addClassNames("ol-diff");
        for (LineDiff.Line line : LineDiff.of(attempt.code(), editor.getValue())) {
            Span row = new Span(switch (line.kind()) {
                case SAME -> "  ";
                case REMOVED -> "- ";
                case ADDED -> "+ ";
            } + line.text() + "\n");
            row.addClassNames("ol-diff-" + line.kind().name().toLowerCase(java.util.Locale.ROOT));
            diff.add(row);
        }
        Button restore = new Button(getTranslation("exercise.attempt.restore"), click -> {
            editor.setValue(attempt.code());
            saveDraft(attempt.code());
            attemptDialog.close();
        });
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(getTranslation("exercise.attempt.close"), click -> attemptDialog.close());
        attemptDialog.add(legend, diff);
        attemptDialog.getFooter().add(close, restore);
        attemptDialog.setWidth("min(960px, 90vw)");
        attemptDialog.open();
    }

    private void revealHint() {
        int open = userId.map(user -> progress.revealNextHint(user, exercise))
                .orElseGet(() -> setGuestHints(Math.min(guestHints() + 1, exercise.hints().size())));
        showHints(open);
    }

    private void showHints(int open) {
        Lang lang = Lang.of(getLocale());
        hints.removeAll();
        for (int i = 0; i < open && i < exercise.hints().size(); i++) {
            hints.add(new ListItem(exercise.hints().get(i).get(lang)));
        }
        nextHint.setText(getTranslation(open == 0 ? "exercise.hint.first" : "exercise.hint.next",
                String.valueOf(Math.min(open + 1, exercise.hints().size())), String.valueOf(exercise.hints().size())));
        nextHint.setVisible(open < exercise.hints().size());
    }

    private int guestHints() {
        VaadinSession session = VaadinSession.getCurrent();
        Object open = session == null ? null : session.getAttribute(hintKey());
        return open instanceof Integer n ? n : 0;
    }

    private int setGuestHints(int open) {
        VaadinSession.getCurrent().setAttribute(hintKey(), open);
        return open;
    }

    private String hintKey() {
        return ExerciseView.class.getName() + ":hints:" + exercise.id();
    }

    private void showSolutionButton() {
        boolean available = userId.map(user -> progress.solutionAvailable(user, exercise)).orElse(false);
        showSolution.setVisible(available && !solution.isVisible());
    }

    private void revealSolution() {
        userId.ifPresent(user -> {
            progress.markSolutionViewed(user, exercise);
            solution.setText(exercise.solution());
            solution.setVisible(true);
            showSolution.setVisible(false);
        });
    }

    private void resetToStarter() {
        editor.setValue(exercise.starter());
        saveDraft(exercise.starter());
        say(getTranslation("exercise.reset.done"), false);
    }

    private void saveDraft(String code) {
        if (!drafts.save(userId, exercise, code)) {
            say(getTranslation("exercise.submit.too_large"), true);
        }
    }

    private void say(String text, boolean problem) {
        notice.removeAll();
        notice.setText(text);
        notice.getElement().getClassList().set("ol-problem", problem);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (learner == null) {
            learner = learners.current();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (learner != null) {
            runService.cancelAllFor(learner);
        }
    }

    @Override
    public String getPageTitle() {
        return exercise == null ? "OptimLab" : exercise.title().get(Lang.of(getLocale())) + " · OptimLab";
    }
}
