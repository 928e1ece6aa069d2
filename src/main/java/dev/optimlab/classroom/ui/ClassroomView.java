package dev.optimlab.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import dev.optimlab.classroom.AttemptBroadcaster;
import dev.optimlab.classroom.AttemptDetail;
import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomReports;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.CsvExports;
import dev.optimlab.classroom.DueDate;
import dev.optimlab.classroom.ExerciseStatistics;
import dev.optimlab.classroom.Gradebook;
import dev.optimlab.classroom.Member;
import dev.optimlab.classroom.RosterImport;
import dev.optimlab.course.Chapter;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Lang;
import dev.optimlab.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One classroom for its instructor: the join code, the roster × exercise matrix that updates while learners
 * submit, statistics per exercise, a learner's attempts, due dates, roster import and the CSV downloads.
 * Only the classroom's owner and admins get past {@link #beforeEnter}; others get the 403 page.
 */
@Route("classrooms/:id(\\d+)")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class ClassroomView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** At most one live re-read per this interval: 120 learners at 10 verdicts/s would otherwise re-read 10×/s. */
    static final Duration LIVE_REFRESH_INTERVAL = Duration.ofSeconds(1);

    final H1 title = new H1();
    final Span joinCode = new Span();
    final Grid<Gradebook.Row> matrix = new Grid<>();
    final Grid<ExerciseStatistics> statistics = new Grid<>();
    final H3 learnerHeading = new H3();
    final Grid<AttemptDetail> learnerAttempts = new Grid<>();
    final Map<String, DateTimePicker> dueDates = new LinkedHashMap<>();
    final Button saveDueDates = new Button();
    final TextArea rosterCsv = new TextArea();
    final Button importRoster = new Button();
    final UnorderedList rosterProblems = new UnorderedList();
    final Grid<RosterImport.IssuedAccount> issuedAccounts = new Grid<>();
    final Anchor issuedDownload = new Anchor();
    final Anchor gradesDownload = new Anchor();
    final Anchor attemptsDownload = new Anchor();

    private final ClassroomService service;
    private final ClassroomReports reports;
    private final AttemptBroadcaster broadcaster;
    private final CourseCatalog catalog;
    private final CurrentUser currentUser;
    private Classroom classroom;
    private List<Gradebook.Column> columns = List.of();
    private List<Gradebook.Row> rows = new ArrayList<>();
    private volatile Set<Long> memberIds = Set.of();
    private Member shownLearner;
    private Registration broadcast;
    private Registration rosterBroadcast;
    private CoalescedRefresh liveRefresh;

    ClassroomView(ClassroomService service, ClassroomReports reports, AttemptBroadcaster broadcaster, CourseCatalog catalog,
                  CurrentUser currentUser) {
        this.service = service;
        this.reports = reports;
        this.broadcaster = broadcaster;
        this.catalog = catalog;
        this.currentUser = currentUser;
        addClassNames("ol-page", "ol-classroom");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow();
        Optional<Classroom> found = service.find(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("classroom.notFound", id));
            return;
        }
        if (!ClassroomService.mayManage(currentUser.current().orElseThrow(), found.get())) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        classroom = found.get();
        build();
    }

    private void build() {
        removeAll();
        title.setText(classroom.name());
        joinCode.setText(classroom.joinCode());
        joinCode.setId("join-code");
        joinCode.addClassNames("ol-join-code");
        Paragraph howToJoin = new Paragraph(getTranslation("classroom.howToJoin"));
        add(title, new HorizontalLayout(new Span(getTranslation("classroom.joinCode") + ":"), joinCode), howToJoin);

        add(new H2(getTranslation("classroom.section.progress")), progressSection());
        add(new H2(getTranslation("classroom.section.exercises")), statisticsSection());
        add(new H2(getTranslation("classroom.section.dueDates")), dueDatesSection());
        add(new H2(getTranslation("classroom.section.roster")), rosterSection());
        refreshAll();
    }

    private Div progressSection() {
        columns = reports.columns();
        matrix.addColumn(row -> row.member().displayName() + " (" + row.member().username() + ")")
                .setHeader(getTranslation("classroom.learner")).setKey("learner").setFrozen(true).setAutoWidth(true);
        for (Gradebook.Column column : columns) {
            matrix.addColumn(matrixCell(column.exerciseId(), getTranslation("classroom.late"))).setKey(column.exerciseId())
                    .setHeader(column.exerciseId()).setAutoWidth(true);
        }
        matrix.addColumn(row -> Formats.points(row.total(columns)) + " / " + columns.stream().mapToInt(Gradebook.Column::points).sum())
                .setHeader(getTranslation("classroom.total")).setKey("total").setAutoWidth(true);
        matrix.addColumn(row -> row.cells().values().stream().map(Gradebook.Cell::lastActivity).max(Comparator.naturalOrder())
                        .map(t -> Formats.dateTime(t, getLocale())).orElse("–"))
                .setHeader(getTranslation("classroom.lastActivity")).setKey("last").setAutoWidth(true);
        matrix.addComponentColumn(row -> {
            Button remove = new Button(getTranslation("classroom.remove"), e -> removeLearner(row.member()));
            remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            return remove;
        }).setKey("remove").setAutoWidth(true);
        matrix.addItemClickListener(e -> showLearner(e.getItem().member()));
        matrix.setAllRowsVisible(true);
        matrix.setId("matrix");

        gradesDownload.setText(getTranslation("classroom.download.grades"));
        gradesDownload.setHref(csvDownload(() -> CsvExports.grades(reports.gradebook(classroom.id())), "grades"), AttachmentType.DOWNLOAD);
        attemptsDownload.setText(getTranslation("classroom.download.attempts"));
        attemptsDownload.setHref(csvDownload(() -> CsvExports.attempts(reports.attemptRecords(classroom.id())), "attempts"), AttachmentType.DOWNLOAD);

        learnerAttempts.addColumn(LitRenderer.<AttemptDetail>of("<time datetime=\"${item.instant}\" data-attempt=\"${item.id}\">${item.text}</time>")
                        .withProperty("instant", a -> a.createdAt().toString()).withProperty("id", AttemptDetail::id)
                        .withProperty("text", a -> Formats.dateTimeToSecond(a.createdAt(), getLocale())))
                .setHeader(getTranslation("classroom.attempt.time")).setAutoWidth(true);
        learnerAttempts.addColumn(AttemptDetail::exerciseId).setHeader(getTranslation("classroom.attempt.exercise")).setAutoWidth(true);
        learnerAttempts.addColumn(a -> a.gradable() ? Formats.percent(a.score()) : getTranslation("classroom.attempt.ungradable"))
                .setHeader(getTranslation("classroom.attempt.score"));
        learnerAttempts.addColumn(a -> a.late() ? getTranslation("classroom.late") : "").setHeader(getTranslation("classroom.attempt.late"));
        learnerAttempts.setItemDetailsRenderer(new ComponentRenderer<>(ClassroomView::attemptDetails));
        learnerAttempts.setAllRowsVisible(true);
        learnerAttempts.setId("learner-attempts");
        learnerHeading.setVisible(false);
        learnerAttempts.setVisible(false);

        Paragraph legend = new Paragraph(getTranslation("classroom.legend"));
        legend.addClassNames("ol-legend");
        return new Div(legend, matrix, new HorizontalLayout(gradesDownload, attemptsDownload), learnerHeading, learnerAttempts);
    }

    private static Div attemptDetails(AttemptDetail attempt) {
        Div details = new Div();
        details.add(new Paragraph(attempt.message()));
        UnorderedList checks = new UnorderedList();
        for (AttemptDetail.CheckOutcome check : attempt.checks()) {
            checks.add(new ListItem((check.passed() ? "✔ " : "✘ ") + check.name() + " (" + check.points() + "/" + check.maxPoints() + ")"
                    + (check.feedback().isBlank() ? "" : ": " + check.feedback())));
        }
        details.add(checks, new Pre(attempt.code()));
        return details;
    }

    private Div statisticsSection() {
        statistics.addColumn(ExerciseStatistics::exerciseId).setHeader(getTranslation("classroom.attempt.exercise")).setAutoWidth(true);
        statistics.addColumn(ExerciseStatistics::attempts).setHeader(getTranslation("classroom.stats.attempts"));
        statistics.addColumn(s -> Formats.percent(s.solveRate()) + " (" + s.learnersSolved() + "/" + s.rosterSize() + ")")
                .setHeader(getTranslation("classroom.stats.solveRate"));
        statistics.addColumn(s -> s.medianAttemptsToSolve().isPresent() ? Formats.points(s.medianAttemptsToSolve().getAsDouble()) : "–")
                .setHeader(getTranslation("classroom.stats.median"));
        statistics.addColumn(s -> s.mostFailedCheck().map(c -> c.name() + " (" + c.failures() + "×)").orElse("–"))
                .setHeader(getTranslation("classroom.stats.mostFailed")).setAutoWidth(true);
        statistics.setAllRowsVisible(true);
        return new Div(statistics);
    }

    private Div dueDatesSection() {
        Lang lang = Lang.of(getLocale());
        Map<String, DueDate> current = service.dueDates(classroom.id()).stream().collect(Collectors.toMap(DueDate::chapterFolder, d -> d));
        Div form = new Div();
        for (Chapter chapter : catalog.course().chapters()) {
            DateTimePicker picker = new DateTimePicker(chapter.number() + ". " + chapter.title().get(lang));
            picker.setLocale(getLocale());
            if (current.containsKey(chapter.folder())) {
                picker.setValue(LocalDateTime.ofInstant(current.get(chapter.folder()).dueAt(), ZoneId.systemDefault()));
            }
            dueDates.put(chapter.folder(), picker);
            form.add(new Div(picker));
        }
        saveDueDates.setText(getTranslation("classroom.dueDates.save"));
        saveDueDates.addThemeVariants(ButtonVariant.PRIMARY);
        saveDueDates.addClickListener(e -> {
            dueDates.forEach((folder, picker) -> service.setDueDate(classroom.id(), folder,
                    picker.getValue() == null ? null : picker.getValue().atZone(ZoneId.systemDefault()).toInstant()));
            Notification.show(getTranslation("classroom.dueDates.saved"));
        });
        return new Div(new Paragraph(getTranslation("classroom.dueDates.help", ZoneId.systemDefault().getId())), form, saveDueDates);
    }

    private Div rosterSection() {
        rosterCsv.setLabel(getTranslation("classroom.roster.label"));
        rosterCsv.setPlaceholder("username,display name\nwang.xm,王小明\nada,Ada Lovelace");
        rosterCsv.setWidthFull();
        rosterCsv.setMinHeight("8em");
        importRoster.setText(getTranslation("classroom.roster.import"));
        importRoster.addThemeVariants(ButtonVariant.PRIMARY);
        importRoster.addClickListener(e -> importRoster());
        issuedAccounts.addColumn(RosterImport.IssuedAccount::username).setHeader(getTranslation("classroom.roster.username"));
        issuedAccounts.addColumn(RosterImport.IssuedAccount::displayName).setHeader(getTranslation("classroom.roster.displayName"));
        issuedAccounts.addColumn(RosterImport.IssuedAccount::oneTimePassword).setHeader(getTranslation("classroom.roster.password"));
        issuedAccounts.setAllRowsVisible(true);
        issuedAccounts.setVisible(false);
        issuedDownload.setText(getTranslation("classroom.roster.downloadPasswords"));
        issuedDownload.setVisible(false);
        return new Div(new Paragraph(getTranslation("classroom.roster.help")), rosterCsv, importRoster, rosterProblems, issuedAccounts, issuedDownload);
    }

    private void importRoster() {
        RosterImport result = service.importRoster(classroom.id(), new StringReader(rosterCsv.getValue()));
        rosterProblems.removeAll();
        result.problems().forEach(p -> rosterProblems.add(new ListItem(problemText(p))));
        issuedAccounts.setItems(result.created());
        issuedAccounts.setVisible(!result.created().isEmpty());
        if (!result.created().isEmpty()) {
            String credentials = CsvExports.credentials(result.created());
            issuedDownload.setHref(csvDownload(() -> credentials, "passwords"), AttachmentType.DOWNLOAD);
            issuedDownload.setVisible(true);
        }
        rosterCsv.clear();
        Notification.show(getTranslation("classroom.roster.done", result.created().size(), result.enrolledExisting().size(), result.problems().size()));
        refreshAll();
    }

    /** A skipped roster line in the instructor's language, e.g. "Line 4: 'bad name' is not a valid username ...". */
    String problemText(RosterImport.Problem problem) {
        return getTranslation("classroom.roster.problem", problem.line(),
                getTranslation(problem.reason().messageKey(), problem.arguments().toArray()));
    }

    private DownloadHandler csvDownload(Supplier<String> csv, String what) {
        long id = classroom.id();
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = CsvExports.utf8WithBom(csv.get());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "classroom-" + id + "-" + what + ".csv", "text/csv;charset=UTF-8", bytes.length);
        });
    }

    /** A matrix cell whose data attributes name the learner and exercise and hold the numbers the text shows. */
    private static LitRenderer<Gradebook.Row> matrixCell(String exerciseId, String lateMark) {
        return LitRenderer.<Gradebook.Row>of("<span data-learner=\"${item.learner}\" data-exercise=\"" + exerciseId
                        + "\" data-score=\"${item.score}\" data-attempts=\"${item.attempts}\">${item.text}</span>")
                .withProperty("learner", row -> row.member().username())
                .withProperty("score", row -> row.cell(exerciseId).map(c -> Math.round(c.bestScore() * 100)).orElse(null))
                .withProperty("attempts", row -> row.cell(exerciseId).map(Gradebook.Cell::attempts).orElse(0))
                .withProperty("text", row -> cellText(row, exerciseId, lateMark));
    }

    private static String cellText(Gradebook.Row row, String exerciseId, String lateMark) {
        return row.cell(exerciseId).map(c -> Formats.percent(c.bestScore()) + " · " + c.attempts() + (c.late() ? " · " + lateMark : "")).orElse("–");
    }

    private void removeLearner(Member member) {
        service.removeLearner(classroom.id(), member.userId());
        Notification.show(getTranslation("classroom.removed", member.displayName()));
        if (shownLearner != null && shownLearner.userId() == member.userId()) {
            shownLearner = null;
            learnerHeading.setVisible(false);
            learnerAttempts.setVisible(false);
        }
        refreshAll();
    }

    private void showLearner(Member member) {
        shownLearner = member;
        learnerHeading.setText(getTranslation("classroom.attemptsOf", member.displayName()));
        learnerHeading.setVisible(true);
        learnerAttempts.setItems(reports.attemptsOf(classroom.id(), member.userId()));
        learnerAttempts.setVisible(true);
    }

    private void refreshAll() {
        rows = new ArrayList<>(reports.gradebook(classroom.id()).rows());
        memberIds = rows.stream().map(r -> r.member().userId()).collect(Collectors.toUnmodifiableSet());
        matrix.setItems(rows);
        statistics.setItems(reports.statistics(classroom.id()));
    }

    /** Members' attempts were stored: their rows, the statistics once and, if open, the shown learner's attempts are re-read. */
    private void attemptsRecorded(Set<Long> userIds) {
        Map<Long, Gradebook.Row> fresh = new LinkedHashMap<>();
        userIds.forEach(id -> reports.row(classroom.id(), id).ifPresent(row -> fresh.put(id, row)));
        rows.replaceAll(r -> fresh.getOrDefault(r.member().userId(), r));
        matrix.setItems(rows);
        statistics.setItems(reports.statistics(classroom.id()));
        if (shownLearner != null && userIds.contains(shownLearner.userId())) {
            learnerAttempts.setItems(reports.attemptsOf(classroom.id(), shownLearner.userId()));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        liveRefresh = new CoalescedRefresh(LIVE_REFRESH_INTERVAL, userIds -> {
            try {
                ui.access(() -> attemptsRecorded(userIds));
            } catch (UIDetachedException e) {
                // the tab closed between the attempts and this call; its detach listener closes the refresh
            }
        });
        CoalescedRefresh refresh = liveRefresh;
        broadcast = broadcaster.register(event -> {
            if (classroom != null && memberIds.contains(event.userId())) {
                refresh.attemptOf(event.userId());
            }
        });
        rosterBroadcast = broadcaster.registerRoster(event -> {
            if (classroom != null && classroom.id() == event.classroomId()) {
                try {
                    ui.access(this::refreshAll);
                } catch (UIDetachedException e) {
                    // the tab closed between the change and this call; its detach listener unregisters it
                }
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveRefresh != null) {
            liveRefresh.close();
            liveRefresh = null;
        }
        if (broadcast != null) {
            broadcast.remove();
            broadcast = null;
        }
        if (rosterBroadcast != null) {
            rosterBroadcast.remove();
            rosterBroadcast = null;
        }
    }

    @Override
    public String getPageTitle() {
        return (classroom == null ? "" : classroom.name() + " · ") + "OptimLab";
    }
}
