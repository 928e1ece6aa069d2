package dev.optimlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import dev.optimlab.classroom.Accounts;
import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.ClassroomSpringTest;
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

    private String cell(ClassroomView view, String columnKey) {
        int column = view.matrix.getColumns().indexOf(view.matrix.getColumnByKey(columnKey));
        return test(view.matrix).getCellText(0, column);
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

        assertThat(cell(view, exercise.id())).isEqualTo("100% · 1 ⏰");
        assertThat(test(view.learnerAttempts).size()).isEqualTo(1);
        var stats = view.statistics.getListDataView().getItems().filter(s -> s.exerciseId().equals(exercise.id())).findFirst().orElseThrow();
        assertThat(stats.attempts()).isEqualTo(1);
        assertThat(stats.learnersSolved()).isEqualTo(1);
        assertThat(stats.medianAttemptsToSolve()).hasValue(1.0);
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
}
