package dev.optimlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import dev.optimlab.classroom.Accounts;
import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.ClassroomSpringTest;
import dev.optimlab.classroom.Gradebook;
import dev.optimlab.classroom.RosterImport;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@ClassroomSpringTest
class ClassroomViewTest extends SpringBrowserlessTest {

    static final String TEACHER = "view-teacher";

    @Autowired
    ClassroomService service;
    @Autowired
    UserAccountRepository users;
    @Autowired
    ProgressService progress;
    @Autowired
    CourseExercises exercises;

    UserAccount teacher;
    UserAccount learner;
    Classroom classroom;
    Exercise exercise;

    @BeforeEach
    void classroomWithOneLearner() {
        teacher = Accounts.named(users, TEACHER, Role.INSTRUCTOR);
        learner = Accounts.create(users, Role.LEARNER, "王小明");
        classroom = service.create(teacher, "Live class");
        service.join(learner.id(), classroom.joinCode());
        exercise = exercises.all().getFirst();
    }

    private ClassroomView open() {
        return navigate(ClassroomView.class, Map.of("id", classroom.id().toString()));
    }

    /** Submits as a learner's own request would, on another thread, then lets the page run what push would send. */
    private void submitElsewhere(UserAccount who, String code) {
        CompletableFuture.runAsync(() -> progress.submit(who.id(), exercise, code, Lang.EN)).join();
        MockVaadin.runUIQueue();
    }

    /** The first row's text in a column; an exercise's cell is a template, whose shown text is its "text" property. */
    private String cell(ClassroomView view, String columnKey) {
        Grid.Column<Gradebook.Row> column = view.matrix.getColumnByKey(columnKey);
        if (column.getRenderer() instanceof LitRenderer<Gradebook.Row> template) {
            return (String) template.getValueProviders().get("text").apply(test(view.matrix).getRow(0));
        }
        return test(view.matrix).getCellText(0, view.matrix.getColumns().indexOf(column));
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("shows the join code and one matrix row per learner, with a column per exercise in course order")
    void matrix() {
        ClassroomView view = open();
        assertThat(view.joinCode.getText()).isEqualTo(classroom.joinCode());
        assertThat(test(view.matrix).size()).isEqualTo(1);
        assertThat(cell(view, "learner")).isEqualTo("王小明 (" + learner.username() + ")");
        assertThat(view.matrix.getColumns().subList(1, 1 + exercises.all().size())).extracting(c -> c.getKey())
                .containsExactlyElementsOf(exercises.all().stream().map(Exercise::id).toList());
        assertThat(cell(view, exercise.id())).isEqualTo("–");
        assertThat(find(Anchor.class, view).all()).extracting(Anchor::getText).contains("Download grades (CSV)", "Download attempts (CSV)");
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("updates a learner's cell, the statistics and their open attempts when they submit, without a reload")
    void liveUpdate() {
        service.setDueDate(classroom.id(), exercise.chapterFolder(), Instant.parse("2020-01-01T00:00:00Z"));
        ClassroomView view = open();
        test(view.matrix).clickRow(0);
        assertThat(view.learnerAttempts.isVisible()).isTrue();
        assertThat(test(view.learnerAttempts).size()).isZero();

        submitElsewhere(learner, exercise.solution());

        assertThat(cell(view, exercise.id())).isEqualTo("100% · 1 · late");
        var template = (LitRenderer<Gradebook.Row>) view.matrix.getColumnByKey(exercise.id()).getRenderer();
        Gradebook.Row row = test(view.matrix).getRow(0);
        assertThat(template.getValueProviders().get("learner").apply(row)).isEqualTo(learner.username());
        assertThat(template.getValueProviders().get("score").apply(row)).isEqualTo(100L);
        assertThat(template.getValueProviders().get("attempts").apply(row)).isEqualTo(1);
        assertThat(test(view.learnerAttempts).size()).isEqualTo(1);
        var stats = view.statistics.getListDataView().getItems().filter(s -> s.exerciseId().equals(exercise.id())).findFirst().orElseThrow();
        assertThat(stats.attempts()).isEqualTo(1);
        assertThat(stats.learnersSolved()).isEqualTo(1);
        assertThat(stats.medianAttemptsToSolve()).hasValue(1.0);
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("shows the last attempt of a burst too, in the trailing refresh after the interval")
    void burst() throws InterruptedException {
        ClassroomView view = open();
        for (int i = 0; i < 3; i++) {
            CompletableFuture.runAsync(() -> progress.submit(learner.id(), exercise, exercise.starter(), Lang.EN)).join();
        }
        long deadline = System.nanoTime() + ClassroomView.LIVE_REFRESH_INTERVAL.multipliedBy(10).toNanos();
        while (!cell(view, exercise.id()).endsWith(" · 3") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            MockVaadin.runUIQueue();
        }
        assertThat(cell(view, exercise.id())).endsWith(" · 3");
        assertThat(view.statistics.getListDataView().getItems().filter(s -> s.exerciseId().equals(exercise.id())).findFirst()
                .orElseThrow().attempts()).isEqualTo(3);
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("adds a learner who joins while the page is open, without a reload")
    void liveJoin() {
        ClassroomView view = open();
        UserAccount latecomer = Accounts.create(users, Role.LEARNER, "Latecomer");
        CompletableFuture.runAsync(() -> service.join(latecomer.id(), classroom.joinCode())).join();
        MockVaadin.runUIQueue();
        assertThat(test(view.matrix).size()).isEqualTo(2);

        submitElsewhere(latecomer, exercise.solution());
        assertThat(view.matrix.getListDataView().getItems().filter(r -> r.member().userId() == latecomer.id())
                .findFirst().orElseThrow().cell(exercise.id()).map(Gradebook.Cell::attempts)).hasValue(1);
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("ignores attempts of learners outside the classroom")
    void otherLearners() {
        ClassroomView view = open();
        UserAccount stranger = Accounts.create(users, Role.LEARNER, "Stranger");
        submitElsewhere(stranger, exercise.starter());
        assertThat(test(view.matrix).size()).isEqualTo(1);
        assertThat(cell(view, exercise.id())).isEqualTo("–");
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("removing a learner takes their row out of the matrix")
    void remove() {
        ClassroomView view = open();
        Button removeButton = (Button) test(view.matrix).getCellComponent(0, "remove");
        assertThat(removeButton.getText()).isEqualTo("Remove");
        test(removeButton).click();
        assertThat(test(view.matrix).size()).isZero();
        assertThat(service.isMember(classroom.id(), learner.id())).isFalse();
    }

    @Test
    @WithMockUser(username = "view-other-teacher", roles = "INSTRUCTOR")
    @DisplayName("another instructor gets the access-denied page, not the classroom")
    void otherInstructor() {
        Accounts.named(users, "view-other-teacher", Role.INSTRUCTOR);
        navigate("classrooms/" + classroom.id(), Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(ClassroomView.class);
    }

    @Test
    @WithMockUser(username = "view-learner", roles = "LEARNER")
    @DisplayName("a learner cannot open a classroom, nor the list of classrooms")
    void learnerDenied() {
        UserAccount member = Accounts.named(users, "view-learner", Role.LEARNER);
        service.join(member.id(), classroom.joinCode());
        navigate("classrooms/" + classroom.id(), Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(ClassroomView.class);
        navigate("classrooms", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(ClassroomsView.class);
    }

    @Test
    @WithMockUser(username = "view-admin", roles = "ADMIN")
    @DisplayName("an admin may open any classroom")
    void admin() {
        Accounts.named(users, "view-admin", Role.ADMIN);
        assertThat(open().title.getText()).isEqualTo("Live class");
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("an instructor creates a classroom from the list and lands on its page")
    void create() {
        ClassroomsView list = navigate(ClassroomsView.class);
        assertThat(list.classrooms.getListDataView().getItems()).contains(classroom);
        test(list.name).setValue("Nesterov seminar");
        test(list.create).click();
        assertThat(getCurrentView()).isInstanceOfSatisfying(ClassroomView.class, v -> assertThat(v.title.getText()).isEqualTo("Nesterov seminar"));
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("a pasted roster creates accounts, shows their one-time passwords once and adds them to the matrix")
    void rosterImport() {
        ClassroomView view = open();
        String username = "roster-" + classroom.id();
        test(view.rosterCsv).setValue("username,display name\n" + username + ",李雷\nbad name,X\n");
        test(view.importRoster).click();
        assertThat(view.issuedAccounts.getListDataView().getItems()).singleElement()
                .satisfies(a -> assertThat(a.username()).isEqualTo(username));
        assertThat(view.issuedDownload.isVisible()).isTrue();
        assertThat(view.rosterProblems.getChildren()).hasSize(1);
        assertThat(test(view.matrix).size()).isEqualTo(2);
    }

    static final String BAD_ROSTER = "username,display name\nbad name,X\nonlyname\nok-name,A\nok-name,B\n";

    private List<String> rosterProblems(ClassroomView view) {
        test(view.rosterCsv).setValue(BAD_ROSTER);
        test(view.importRoster).click();
        return view.rosterProblems.getChildren().map(c -> c.getElement().getText()).toList();
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("says in English why each roster line was skipped")
    void rosterProblemsInEnglish() {
        assertThat(rosterProblems(open())).containsExactly(
                "Line 2: \"bad name\" is not a valid username: use 3 to 64 letters, digits, \"_\", \".\" or \"-\".",
                "Line 3: Expected \"username,display name\" but found \"onlyname\".",
                "Line 5: \"ok-name\" is listed twice; the first line counts.");
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("says in Chinese why each roster line was skipped when the page is in Chinese")
    void rosterProblemsInChinese() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(rosterProblems(open())).containsExactly(
                "第 2 行：“bad name”不是有效的用户名：用户名须为 3 到 64 个字符，只能包含字母、数字和“_”“.”“-”。",
                "第 3 行：格式应为“用户名,显示名称”，这一行却是“onlyname”。",
                "第 5 行：用户名“ok-name”出现了不止一次，以第一次出现的那一行为准。");
    }

    @Test
    @WithMockUser(username = TEACHER, roles = "INSTRUCTOR")
    @DisplayName("has a message in both languages for every reason a roster line can be skipped")
    void everyReasonTranslated() {
        ClassroomView view = open();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            UI.getCurrent().setLocale(locale);
            for (RosterImport.Reason reason : RosterImport.Reason.values()) {
                Object argument = reason == RosterImport.Reason.TOO_MANY_LINES ? 1000 : "someone";
                String text = view.problemText(new RosterImport.Problem(7, reason, argument));
                assertThat(text).as("%s in %s", reason, locale).doesNotContain("!classroom").contains("7");
            }
        }
        assertThat(view.problemText(new RosterImport.Problem(1001, RosterImport.Reason.TOO_MANY_LINES, 1000)))
                .isEqualTo("第 1001 行：一次最多导入 1000 名学生，其余各行请分批导入。");
    }
}
