package dev.optimlab.progress.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.optimlab.course.Chapter;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.progress.ExerciseState;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.progress.StoredAttempt;
import dev.optimlab.security.UserAccountRepository;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's own dashboard, like exercism's track page: chapters done, the best score on each exercise, the
 * latest attempts, and a link back to the exercise they were working on.
 */
@Route("dashboard")
@PermitAll
class DashboardView extends Div implements HasDynamicTitle {

    /** One exercise as the dashboard lists it. */
    record ExerciseRow(String chapter, String exerciseId, String title, ExerciseState state) {
    }

    /** One recent attempt as the dashboard lists it. */
    record AttemptRow(String exerciseId, String title, double score, boolean gradable, boolean late, Instant at) {
    }

    static final int RECENT_ATTEMPTS = 10;

    final Paragraph summary = new Paragraph();
    final Anchor continueLink = new Anchor();
    final UnorderedList chaptersDone = new UnorderedList();
    final NativeTable exerciseTable = new NativeTable();
    final NativeTable recentTable = new NativeTable();
    final List<ExerciseRow> exerciseRows;
    final List<AttemptRow> recentRows;

    DashboardView(AuthenticationContext authentication, UserAccountRepository accounts, ProgressService progress,
                  CourseCatalog catalog, CourseExercises exercises) {
        addClassNames("ol-page");
        Lang lang = Lang.of(getLocale());
        long userId = authentication.getPrincipalName().flatMap(accounts::findByUsername)
                .orElseThrow(() -> new IllegalStateException("the dashboard is for signed-in accounts")).id();
        Map<String, ExerciseState> states = progress.states(userId);
        List<Exercise> all = exercises.all();

        add(new H1(getTranslation("dashboard.title")));
        long solved = states.values().stream().filter(s -> s.status() == ExerciseState.Status.SOLVED).count();
        summary.setText(getTranslation("dashboard.summary", solved, all.size()));
        add(summary);
        continueLink.setId("continue");
        Optional<Exercise> next = continueWith(all, states);
        if (next.isPresent()) {
            continueLink.setHref("exercises/" + next.get().id());
            continueLink.setText(getTranslation("dashboard.continue", next.get().title().get(lang)));
            add(new Paragraph(continueLink));
        } else if (!all.isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.all-solved")));
        }

        add(new H2(getTranslation("dashboard.chapters")));
        for (Chapter chapter : catalog.course().chapters()) {
            List<Exercise> inChapter = all.stream().filter(e -> e.chapterFolder().equals(chapter.folder())).toList();
            long done = inChapter.stream().filter(e -> states.get(e.id()).status() == ExerciseState.Status.SOLVED).count();
            if (inChapter.isEmpty()) {
                continue;
            }
            String key = done == inChapter.size() ? "dashboard.chapter.done" : "dashboard.chapter.progress";
            chaptersDone.add(new ListItem(getTranslation(key, chapter.number() + ". " + chapter.title().get(lang), done,
                    inChapter.size())));
        }
        add(chaptersDone);

        add(new H2(getTranslation("dashboard.exercises")));
        exerciseRows = all.stream().map(e -> new ExerciseRow(chapterTitle(catalog, e, lang), e.id(), e.title().get(lang),
                states.get(e.id()))).toList();
        header(exerciseTable, "dashboard.column.chapter", "dashboard.column.exercise", "dashboard.column.status",
                "dashboard.column.best", "dashboard.column.attempts");
        for (ExerciseRow r : exerciseRows) {
            boolean started = r.state().status() != ExerciseState.Status.NOT_STARTED;
            row(exerciseTable, r.chapter(), r.title(),
                    getTranslation("dashboard.status." + r.state().status().name().toLowerCase(Locale.ROOT)),
                    started ? percent(r.state().bestScore()) : "", started ? Integer.toString(r.state().attempts()) : "");
        }
        add(exerciseTable);

        add(new H2(getTranslation("dashboard.recent")));
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(lang.locale())
                .withZone(ZoneId.systemDefault());
        recentRows = progress.recentAttempts(userId, RECENT_ATTEMPTS).stream().map(a -> recent(a, exercises, lang)).toList();
        header(recentTable, "dashboard.column.exercise", "dashboard.column.score", "dashboard.column.time");
        for (AttemptRow r : recentRows) {
            row(recentTable, r.title(), r.gradable() ? percent(r.score()) : getTranslation("dashboard.not-gradable"),
                    time.format(r.at()) + (r.late() ? " · " + getTranslation("dashboard.late") : ""));
        }
        add(recentTable);
    }

    private void header(NativeTable table, String... keys) {
        NativeTableRow row = table.getHead().addRow();
        for (String key : keys) {
            row.addHeaderCell().setText(getTranslation(key));
        }
        table.addClassNames("ol-table");
    }

    private static void row(NativeTable table, String... cells) {
        NativeTableRow row = table.getBody().addRow();
        for (String cell : cells) {
            row.addDataCell().setText(cell);
        }
    }

    /** The unsolved exercise touched last, else the first one not started, else none: everything is solved. */
    static Optional<Exercise> continueWith(List<Exercise> all, Map<String, ExerciseState> states) {
        Optional<Exercise> lastTouched = all.stream()
                .filter(e -> states.get(e.id()).status() == ExerciseState.Status.ATTEMPTED)
                .max(Comparator.comparing(e -> states.get(e.id()).lastActivity().orElse(Instant.MIN)));
        return lastTouched.or(() -> all.stream()
                .filter(e -> states.get(e.id()).status() == ExerciseState.Status.NOT_STARTED).findFirst());
    }

    private static AttemptRow recent(StoredAttempt a, CourseExercises exercises, Lang lang) {
        String title = exercises.find(a.exerciseId()).map(e -> e.title().get(lang)).orElse(a.exerciseId());
        return new AttemptRow(a.exerciseId(), title, a.score(), a.verdict().gradable(), a.late(), a.createdAt());
    }

    private static String chapterTitle(CourseCatalog catalog, Exercise e, Lang lang) {
        return catalog.course().chapters().stream().filter(c -> c.folder().equals(e.chapterFolder())).findFirst()
                .map(c -> c.number() + ". " + c.title().get(lang)).orElse(e.chapterFolder());
    }

    private static String percent(double score) {
        return Math.round(score * 100) + " %";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " · OptimLab";
    }
}
