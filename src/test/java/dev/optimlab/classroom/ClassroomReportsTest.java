package dev.optimlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.progress.StoredAttempt;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** A small class graded for real: one learner solves on the second try, one at once, one never, one is elsewhere. */
@ClassroomSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassroomReportsTest {

    @Autowired
    ClassroomService service;
    @Autowired
    ClassroomReports reports;
    @Autowired
    ProgressService progress;
    @Autowired
    CourseExercises exercises;
    @Autowired
    UserAccountRepository users;

    Classroom classroom;
    Exercise exercise;
    UserAccount secondTry;
    UserAccount firstTry;
    UserAccount never;
    StoredAttempt starterAttempt;

    @BeforeAll
    void gradeAClass() {
        exercise = exercises.all().getFirst();
        classroom = service.create(Accounts.create(users, Role.INSTRUCTOR, "Teacher"), "Reports");
        secondTry = Accounts.create(users, Role.LEARNER, "Second try");
        firstTry = Accounts.create(users, Role.LEARNER, "=First try");
        never = Accounts.create(users, Role.LEARNER, "Never");
        UserAccount elsewhere = Accounts.create(users, Role.LEARNER, "Elsewhere");
        for (UserAccount learner : List.of(secondTry, firstTry, never)) {
            service.join(learner.id(), classroom.joinCode());
        }
        service.setDueDate(classroom.id(), exercise.chapterFolder(), Instant.now().plusSeconds(3600));
        starterAttempt = progress.submit(secondTry.id(), exercise, exercise.starter(), Lang.EN);
        progress.submit(secondTry.id(), exercise, exercise.solution(), Lang.EN);
        progress.submit(firstTry.id(), exercise, exercise.solution(), Lang.EN);
        progress.submit(never.id(), exercise, exercise.starter(), Lang.EN);
        progress.submit(elsewhere.id(), exercise, exercise.solution(), Lang.EN);
    }

    @Test
    @DisplayName("the gradebook has every roster learner, in join order, with best score, graded attempts and no late flag before the due date")
    void gradebook() {
        Gradebook gradebook = reports.gradebook(classroom.id());
        assertThat(gradebook.rows()).extracting(r -> r.member().userId()).containsExactly(secondTry.id(), firstTry.id(), never.id());
        Gradebook.Cell cell = gradebook.rows().getFirst().cell(exercise.id()).orElseThrow();
        assertThat(cell.bestScore()).isEqualTo(1.0);
        assertThat(cell.attempts()).isEqualTo(2);
        assertThat(cell.late()).isFalse();
        assertThat(gradebook.rows().get(2).cell(exercise.id()).orElseThrow().bestScore()).isEqualTo(starterAttempt.score()).isLessThan(1.0);
        assertThat(gradebook.rows().getFirst().total(gradebook.exercises())).isEqualTo(exercise.points());
        assertThat(gradebook.exercises()).extracting(Gradebook.Column::exerciseId)
                .containsExactlyElementsOf(exercises.all().stream().map(Exercise::id).toList());
    }

    @Test
    @DisplayName("statistics count the roster's attempts only, the solve rate over the roster, the median attempts to solve and the most failed check")
    void statistics() {
        ExerciseStatistics stats = reports.statistics(classroom.id()).stream().filter(s -> s.exerciseId().equals(exercise.id())).findFirst().orElseThrow();
        assertThat(stats.attempts()).isEqualTo(4);
        assertThat(stats.learnersTried()).isEqualTo(3);
        assertThat(stats.learnersSolved()).isEqualTo(2);
        assertThat(stats.solveRate()).isEqualTo(2.0 / 3);
        assertThat(stats.medianAttemptsToSolve()).hasValue(1.5);
        List<String> failedInStarter = starterAttempt.verdict().checks().stream().filter(c -> !c.passed()).map(Verdict.Check::name).toList();
        assertThat(failedInStarter).as("the starter fails a check").isNotEmpty();
        assertThat(stats.mostFailedCheck()).hasValueSatisfying(check -> {
            assertThat(failedInStarter).contains(check.name());
            assertThat(check.failures()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("an exercise nobody tried has no median and no failing check")
    void untried() {
        ExerciseStatistics stats = reports.statistics(classroom.id()).getLast();
        assertThat(stats.attempts()).isZero();
        assertThat(stats.medianAttemptsToSolve()).isEmpty();
        assertThat(stats.mostFailedCheck()).isEmpty();
        assertThat(stats.solveRate()).isZero();
    }

    @Test
    @DisplayName("a learner's attempts come in time order with code and checks; someone outside the classroom shows none")
    void drillDown() {
        List<AttemptDetail> attempts = reports.attemptsOf(classroom.id(), secondTry.id());
        assertThat(attempts).extracting(AttemptDetail::code).containsExactly(exercise.starter(), exercise.solution());
        assertThat(attempts.getFirst().checks()).extracting(AttemptDetail.CheckOutcome::name)
                .containsExactlyElementsOf(starterAttempt.verdict().checks().stream().map(Verdict.Check::name).toList());
        assertThat(reports.attemptsOf(classroom.id(), Accounts.create(users, Role.LEARNER, "Out").id())).isEmpty();
    }

    @Test
    @DisplayName("the attempts export lists the roster's attempts oldest first, neutralising a display name that starts with =")
    void attemptsCsv() {
        List<CsvExports.AttemptRecord> records = reports.attemptRecords(classroom.id());
        assertThat(records).extracting(CsvExports.AttemptRecord::displayName).containsExactly("Second try", "Second try", "=First try", "Never");
        assertThat(CsvExports.attempts(records)).contains(",'=First try,");
    }

    @Test
    @DisplayName("the median follows Python's statistics.median")
    void median() {
        assertThat(ClassroomReports.median(List.of(3, 1, 2))).hasValue(2.0);
        assertThat(ClassroomReports.median(List.of(4, 1, 2, 3))).hasValue(2.5);
        assertThat(ClassroomReports.median(List.of())).isEmpty();
    }
}
