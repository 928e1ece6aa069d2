package dev.optimlab.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import dev.optimlab.app.Application;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest(classes = Application.class)
class HomeExerciseStatesTest extends SpringBrowserlessTest {

    @Autowired
    CourseContent content;

    @Autowired
    CourseCatalog catalog;

    @Autowired
    UserAccountRepository users;

    @Autowired
    ProgressService progress;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ListItem item(HomeView home, String exerciseId) {
        return find(ListItem.class, home.chapterList).all().stream()
                .filter(li -> exerciseId.equals(li.getElement().getAttribute("data-exercise"))).findFirst().orElseThrow();
    }

    private static String state(ListItem item) {
        return item.getChildren().filter(c -> c.getElement().hasAttribute("data-state")).findFirst().orElseThrow()
                .getElement().getAttribute("data-state");
    }

    @Test
    @DisplayName("a guest sees every exercise under its chapter as not started, linked to its workspace")
    void guestSeesExercises() {
        HomeView home = navigate(HomeView.class);
        List<ListItem> items = find(ListItem.class, home.chapterList).all().stream()
                .filter(li -> li.getElement().hasAttribute("data-exercise")).toList();
        int exercises = catalog.course().chapters().stream().mapToInt(c -> content.exercisesOf(c).size()).sum();
        assertThat(items).hasSize(exercises).hasSizeGreaterThanOrEqualTo(6);
        ListItem first = item(home, "zero-grad-missing");
        assertThat(find(Anchor.class, first).single().getHref()).isEqualTo("exercises/zero-grad-missing");
        assertThat(state(first)).isEqualTo("NOT_STARTED");
    }

    @Test
    @DisplayName("a signed-in learner sees solved and attempted exercises with their best score")
    void learnerSeesStates() {
        String name = "overview-" + UUID.randomUUID();
        long id = users.save(new UserAccount(name, name, "{noop}unused-password", Role.LEARNER, Instant.now())).id();
        Exercise solved = content.exercise("zero-grad-missing").orElseThrow();
        Exercise tried = content.exercise("backward-step-order").orElseThrow();
        assertThat(progress.submit(id, solved, solved.solution(), Lang.EN).verdict()).extracting(v -> v.score())
                .as("the reference solution's score").isEqualTo(1.0);
        assertThat(progress.submit(id, tried, tried.starter(), Lang.EN).score()).isLessThan(1.0);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                "unused", List.of(new SimpleGrantedAuthority("ROLE_LEARNER"))));
        // The test's UI opened the home page before signing in; leave it so that it is built afresh.
        navigate(ChapterView.class, "training-loop");
        HomeView home = navigate(HomeView.class);
        assertThat(state(item(home, "zero-grad-missing"))).isEqualTo("SOLVED");
        assertThat(item(home, "zero-grad-missing").getElement().getTextRecursively()).contains("solved, 100%");
        assertThat(state(item(home, "backward-step-order"))).isEqualTo("ATTEMPTED");
        assertThat(state(item(home, "momentum-by-hand"))).isEqualTo("NOT_STARTED");
    }
}
