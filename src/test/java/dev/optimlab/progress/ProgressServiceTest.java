package dev.optimlab.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.security.UserAccountRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("ProgressService")
class ProgressServiceTest extends ProgressSpringTest {

    @Autowired
    ProgressService service;
    @Autowired
    CourseExercises exercises;
    @Autowired
    UserAccountRepository users;
    @Autowired
    ProgressTestSupport.RecordedEvents events;
    @Autowired
    DataSource dataSource;

    long learner;
    Exercise exercise;

    @BeforeEach
    void newLearner() {
        learner = ProgressTestSupport.newLearner(users);
        exercise = exercises.find("zero-grad-missing").orElseThrow();
    }

    @Nested
    @DisplayName("drafts")
    class Drafts {

        @Test
        @DisplayName("a saved draft is read back, and saving again replaces it")
        void saveAndReplace() {
            assertThat(service.draft(learner, exercise.id())).isEmpty();
            service.saveDraft(learner, exercise.id(), "x = 1\n");
            service.saveDraft(learner, exercise.id(), "x = 2\n");
            assertThat(service.draft(learner, exercise.id()).orElseThrow().code()).isEqualTo("x = 2\n");
        }

        @Test
        @DisplayName("another learner does not see the draft")
        void invisibleToOthers() {
            service.saveDraft(learner, exercise.id(), "mine\n");
            assertThat(service.draft(ProgressTestSupport.newLearner(users), exercise.id())).isEmpty();
        }

        @Test
        @DisplayName("a draft over 100 KiB is refused with the limit in the message")
        void tooLarge() {
            assertThatThrownBy(() -> service.saveDraft(learner, exercise.id(), "#".repeat(100 * 1024 + 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100 KiB");
        }
    }

    @Nested
    @DisplayName("submitting")
    class Submitting {

        @Test
        @DisplayName("stores the code, the exercise version and the verdict, and the row is in the database on return")
        void storesAttempt() throws Exception {
            StoredAttempt attempt = service.submit(learner, exercise, "# score 0.5\n", Lang.EN);
            assertThat(attempt.score()).isEqualTo(0.5);
            assertThat(attempt.contentHash()).isEqualTo(exercise.contentHash());
            assertThat(attempt.late()).isFalse();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement st = c.prepareStatement("select code, score, verdict_json from attempts where id = ?")) {
                st.setLong(1, attempt.id());
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("code")).isEqualTo("# score 0.5\n");
                    assertThat(rs.getDouble("score")).isEqualTo(0.5);
                    assertThat(rs.getString("verdict_json")).contains("\"max_points\" : 4");
                }
            }
        }

        @Test
        @DisplayName("reads the verdict back as it was graded")
        void verdictRoundTrip() {
            StoredAttempt attempt = service.submit(learner, exercise, "# score 0.25\n", Lang.EN);
            StoredAttempt read = service.attempt(learner, attempt.id()).orElseThrow();
            assertThat(read.verdict()).isEqualTo(attempt.verdict());
            assertThat(read.verdict().checks()).singleElement().satisfies(c -> assertThat(c.feedback()).isEqualTo("not yet"));
        }

        @Test
        @DisplayName("lists attempts newest first")
        void newestFirst() {
            long first = service.submit(learner, exercise, "# score 0.1\n", Lang.EN).id();
            long second = service.submit(learner, exercise, "# score 0.2\n", Lang.EN).id();
            assertThat(service.attempts(learner, exercise.id())).extracting(StoredAttempt::id).containsExactly(second, first);
            assertThat(service.recentAttempts(learner, 1)).extracting(StoredAttempt::id).containsExactly(second);
        }

        @Test
        @DisplayName("never returns another learner's attempt, even by its id")
        void ownerOnly() {
            long id = service.submit(learner, exercise, "# score 1\n", Lang.EN).id();
            long other = ProgressTestSupport.newLearner(users);
            assertThat(service.attempt(other, id)).isEmpty();
            assertThat(service.attempts(other, exercise.id())).isEmpty();
        }

        @Test
        @DisplayName("publishes AttemptRecorded after the commit")
        void publishesEvent() {
            StoredAttempt attempt = service.submit(learner, exercise, "# score 0.75\n", Lang.EN);
            assertThat(events.seen).contains(new AttemptRecorded(learner, exercise.id(), attempt.id(), 0.75));
        }
    }

    @Nested
    @DisplayName("progress")
    class Progress {

        @Test
        @DisplayName("an exercise is NOT_STARTED, then ATTEMPTED with its best score, then SOLVED at the first full score")
        void states() {
            assertThat(service.states(learner).get(exercise.id()).status()).isEqualTo(ExerciseState.Status.NOT_STARTED);
            service.submit(learner, exercise, "# score 0.5\n", Lang.EN);
            service.submit(learner, exercise, "# score 0.25\n", Lang.EN);
            ExerciseState attempted = service.states(learner).get(exercise.id());
            assertThat(attempted.status()).isEqualTo(ExerciseState.Status.ATTEMPTED);
            assertThat(attempted.bestScore()).isEqualTo(0.5);
            assertThat(attempted.attempts()).isEqualTo(2);
            StoredAttempt full = service.submit(learner, exercise, "# score 1\n", Lang.EN);
            service.submit(learner, exercise, "# score 0\n", Lang.EN);
            ExerciseState solved = service.states(learner).get(exercise.id());
            assertThat(solved.status()).isEqualTo(ExerciseState.Status.SOLVED);
            assertThat(solved.solvedAt()).contains(full.createdAt());
            assertThat(solved.bestScore()).isEqualTo(1.0);
        }

        @Test
        @DisplayName("an attempt the checks could not grade is stored but neither counts nor scores")
        void ungradable() {
            StoredAttempt attempt = service.submit(learner, exercise, "# ungradable\n", Lang.EN);
            assertThat(attempt.verdict().gradable()).isFalse();
            assertThat(service.attempts(learner, exercise.id())).hasSize(1);
            assertThat(service.states(learner).get(exercise.id()).status()).isEqualTo(ExerciseState.Status.NOT_STARTED);
        }

        @Test
        @DisplayName("states cover every exercise of the course in course order")
        void everyExercise() {
            assertThat(service.states(learner).keySet())
                    .containsExactlyElementsOf(exercises.all().stream().map(Exercise::id).toList());
        }
    }

    @Nested
    @DisplayName("hints and the solution")
    class HintsAndSolution {

        @Test
        @DisplayName("hints open one at a time and never more than the exercise has")
        void hints() {
            assertThat(service.hintsRevealed(learner, exercise.id())).isZero();
            int available = exercise.hints().size();
            for (int i = 1; i <= available + 2; i++) {
                assertThat(service.revealNextHint(learner, exercise)).isEqualTo(Math.min(i, available));
            }
            assertThat(service.hintsRevealed(learner, exercise.id())).isEqualTo(available);
        }

        @Test
        @DisplayName("the solution opens after reveal_solution_after graded attempts, and viewing it is recorded")
        void solutionAfterAttempts() {
            for (int i = 0; i < exercise.revealSolutionAfter(); i++) {
                assertThat(service.solutionAvailable(learner, exercise)).isFalse();
                assertThatThrownBy(() -> service.markSolutionViewed(learner, exercise)).isInstanceOf(IllegalStateException.class);
                service.submit(learner, exercise, "# score 0.1\n", Lang.EN);
            }
            assertThat(service.solutionAvailable(learner, exercise)).isTrue();
            service.markSolutionViewed(learner, exercise);
            assertThat(service.solutionViewed(learner, exercise.id())).isTrue();
        }

        @Test
        @DisplayName("the solution opens at once when the exercise is solved")
        void solutionWhenSolved() {
            service.submit(learner, exercise, "# score 1\n", Lang.EN);
            assertThat(service.solutionAvailable(learner, exercise)).isTrue();
        }
    }

    @Nested
    @DisplayName("due dates")
    class Due {

        @Autowired
        DraftRepository drafts;
        @Autowired
        AttemptRepository attempts;
        @Autowired
        ExerciseProgressRepository progress;
        @Autowired
        HintRevealRepository hints;
        @Autowired
        SolutionViewRepository solutionViews;
        @Autowired
        ApplicationEventPublisher publisher;
        @Autowired
        PlatformTransactionManager transactions;

        private ProgressService dueAt(Instant due) {
            return new ProgressService(new ProgressTestSupport.StatedScores().statedScoreGrader(), exercises,
                    (userId, chapter) -> chapter.equals(exercise.chapterFolder()) ? Optional.of(due) : Optional.empty(),
                    drafts, attempts, progress, hints, solutionViews, publisher, transactions);
        }

        @Test
        @DisplayName("an attempt after the chapter's due date is marked late")
        void late() {
            assertThat(dueAt(Instant.now().minusSeconds(60)).submit(learner, exercise, "# score 1\n", Lang.EN).late()).isTrue();
        }

        @Test
        @DisplayName("an attempt before the due date is not late")
        void onTime() {
            assertThat(dueAt(Instant.now().plusSeconds(3600)).submit(learner, exercise, "# score 1\n", Lang.EN).late()).isFalse();
        }
    }
}
