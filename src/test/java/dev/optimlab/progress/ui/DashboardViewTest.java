package dev.optimlab.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import dev.optimlab.app.Application;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.progress.ExerciseState;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = Application.class)
@DisplayName("The learner's dashboard")
class DashboardViewTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("optimlab-dashboard-test");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("optimlab"));
    }

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    ProgressService progress;
    @Autowired
    CourseExercises exercises;

    private long account(String username) {
        return accounts.findByUsername(username).orElseGet(() -> accounts.save(
                new UserAccount(username, username, "{noop}unused-password", Role.LEARNER, Instant.now()))).id();
    }

    @Test
    @WithMockUser(username = "dash-ada")
    @DisplayName("shows solved and attempted exercises, the chapter's count, recent attempts and where to continue")
    void showsProgress() {
        long ada = account("dash-ada");
        Exercise solved = exercises.find("zero-grad-missing").orElseThrow();
        Exercise tried = exercises.find("backward-step-order").orElseThrow();
        progress.submit(ada, solved, solved.solution(), Lang.EN);
        progress.submit(ada, tried, "x = 1\n", Lang.EN);

        DashboardView view = navigate(DashboardView.class);

        assertThat(view.summary.getText()).isEqualTo("1 of " + exercises.all().size() + " exercises solved");
        assertThat(view.continueLink.getHref()).isEqualTo("exercises/" + tried.id());
        List<DashboardView.ExerciseRow> rows = view.exerciseRows;
        assertThat(rows).extracting(DashboardView.ExerciseRow::exerciseId)
                .containsExactlyElementsOf(exercises.all().stream().map(Exercise::id).toList());
        Map<String, ExerciseState.Status> status = new LinkedHashMap<>();
        rows.forEach(r -> status.put(r.exerciseId(), r.state().status()));
        assertThat(status).containsEntry(solved.id(), ExerciseState.Status.SOLVED)
                .containsEntry(tried.id(), ExerciseState.Status.ATTEMPTED);
        long inChapter = exercises.all().stream().filter(e -> e.chapterFolder().equals(solved.chapterFolder())).count();
        assertThat(view.chaptersDone.getChildren().map(c -> ((ListItem) c).getText()).findFirst().orElseThrow())
                .endsWith(": 1 of " + inChapter + " solved");
        assertThat(view.recentRows.stream().map(DashboardView.AttemptRow::exerciseId).toList())
                .containsExactly(tried.id(), solved.id());
        assertThat(view.exerciseTable.getBody().getRows()).hasSize(rows.size());
    }

    @Test
    @WithMockUser(username = "dash-grace")
    @DisplayName("shows nothing of another learner's work")
    void ownWorkOnly() {
        account("dash-grace");
        DashboardView view = navigate(DashboardView.class);
        assertThat(view.summary.getText()).startsWith("0 of ");
        assertThat(view.recentRows).isEmpty();
        assertThat(view.recentTable.getBody().getRows()).isEmpty();
        assertThat(view.continueLink.getHref()).isEqualTo("exercises/" + exercises.all().get(0).id());
    }

    @Nested
    @DisplayName("continuing")
    class Continuing {

        private List<Exercise> exercises() {
            return DashboardViewTest.this.exercises.all();
        }

        private ExerciseState state(String id, ExerciseState.Status status, long at) {
            return new ExerciseState(id, status, 0.5, 1, Optional.empty(), Optional.of(Instant.ofEpochSecond(at)));
        }

        @Test
        @DisplayName("offers the unsolved exercise touched last")
        void lastTouched() {
            List<Exercise> all = exercises();
            Map<String, ExerciseState> states = new LinkedHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                states.put(all.get(i).id(), state(all.get(i).id(), i < 3 ? ExerciseState.Status.ATTEMPTED
                        : ExerciseState.Status.NOT_STARTED, i == 1 ? 100 : 10));
            }
            assertThat(DashboardView.continueWith(all, states)).contains(all.get(1));
        }

        @Test
        @DisplayName("offers nothing when every exercise is solved")
        void allSolved() {
            Map<String, ExerciseState> states = new LinkedHashMap<>();
            exercises().forEach(e -> states.put(e.id(), state(e.id(), ExerciseState.Status.SOLVED, 1)));
            assertThat(DashboardView.continueWith(exercises(), states)).isEmpty();
        }
    }
}
