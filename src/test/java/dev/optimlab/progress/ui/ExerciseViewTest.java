package dev.optimlab.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.server.VaadinSession;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import dev.optimlab.app.Application;
import dev.optimlab.base.ui.CodeEditor;
import dev.optimlab.base.ui.NotFoundView;
import dev.optimlab.course.ui.RunPanelProbe;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
class ExerciseViewTest extends SpringBrowserlessTest {

    private static final String EXERCISE = "zero-grad-missing";
    private static final Duration HANG = Duration.ofSeconds(30);

    private ExerciseView open() {
        return navigate(ExerciseView.class, EXERCISE);
    }

    private static void pressRun(ExerciseView view, String code) {
        ComponentUtil.fireEvent(view.editor, new CodeEditor.RunEvent(view.editor, true, code));
    }

    /** Runs the UI.access tasks that background threads queued while the test holds the session's lock. */
    static void runPendingAccess() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    /** Lets the run's pushed updates reach the view until the run has ended. */
    private static void awaitEnd(ExerciseView view) {
        long deadline = System.nanoTime() + HANG.toNanos();
        while (true) {
            runPendingAccess();
            if (!view.runPanel.isRunning()) {
                runPendingAccess();
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run did not end within " + HANG);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    @DisplayName("the workspace shows the exercise's title, instructions and starter code")
    void showsExercise() {
        ExerciseView view = open();
        assertThat(find(H1.class, view).single().getText()).isEqualTo("The loss that would not settle");
        assertThat(view.instructions.getHtml()).contains("y = 2x + 1");
        assertThat(view.editor.getValue()).isEqualTo(view.exercise.starter());
        assertThat(view.getPageTitle()).isEqualTo("The loss that would not settle · OptimLab");
    }

    @Test
    @DisplayName("an unknown exercise shows the not-found page")
    void unknownExercise() {
        navigate("exercises/no-such-exercise", NotFoundView.class);
        NotFoundView notFound = (NotFoundView) UI.getCurrent().getCurrentView();
        assertThat(find(Paragraph.class, notFound).single().getText()).isEqualTo("There is no exercise called \"no-such-exercise\".");
    }

    @Nested
    @DisplayName("Run")
    class Run {

        @Test
        @DisplayName("running the starter charts one loss point per step and one lr point per optimizer step, and prints its output")
        void chartsAndOutput() {
            ExerciseView view = open();
            pressRun(view, view.exercise.starter());
            awaitEnd(view);
            RunPanelProbe panel = new RunPanelProbe(view.runPanel);
            assertThat(panel.pointCount("loss")).isEqualTo(60);
            assertThat(panel.pointCount("lr/group0")).isEqualTo(60);
            assertThat(panel.chartNames()).containsExactly("loss", "lr");
            assertThat(view.runPanel.getConsole().getText()).startsWith("w=").contains(" loss=");
            assertThat(panel.status()).startsWith("Finished in ");
        }

        @Test
        @DisplayName("a traceback marks its line in the editor, and its 'line N' button moves the editor there")
        void tracebackMarksLine() {
            ExerciseView view = open();
            pressRun(view, "import torch\nx = 1\n\ny = x / 0\n");
            awaitEnd(view);
            assertThat(view.editor.getMarkedLine()).isEqualTo(4);
            assertThat(view.runPanel.getConsole().getText()).contains("ZeroDivisionError");
            List<NativeButton> lines = find(NativeButton.class, view.runPanel.getConsole()).all();
            assertThat(lines).extracting(NativeButton::getText).contains("line 4");
            view.editor.markLine(0);
            NativeButton line = lines.stream().filter(b -> b.getText().equals("line 4")).findFirst().orElseThrow();
            ComponentUtil.fireEvent(line, new ClickEvent<>(line));
            assertThat(view.editor.getMarkedLine()).isEqualTo(4);
            assertThat(new RunPanelProbe(view.runPanel).status()).startsWith("Stopped by an error");
        }

        @Test
        @DisplayName("Stop ends a program that would run forever")
        void stopEndsRun() {
            ExerciseView view = open();
            pressRun(view, "while True:\n    pass\n");
            assertThat(view.runPanel.isRunning()).isTrue();
            view.runPanel.stop();
            awaitEnd(view);
            assertThat(new RunPanelProbe(view.runPanel).status()).isEqualTo("Stopped");
        }

        @Test
        @DisplayName("the page speaks Chinese when the learner does")
        void chineseStatus() {
            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
            ExerciseView view = open();
            pressRun(view, "print('hi')\n");
            awaitEnd(view);
            assertThat(new RunPanelProbe(view.runPanel).status()).startsWith("用时").endsWith("秒完成");
        }
    }

    @Nested
    @DisplayName("LR range test")
    class RangeTestOnTheProgram {

        private static final String TRAINING = """
                import torch
                from torch import nn
                torch.manual_seed(0)
                x = torch.linspace(-1, 1, 32).unsqueeze(1)
                y = 3 * x + 0.5
                model = nn.Linear(1, 1)
                optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
                for epoch in range(200):
                    optimizer.zero_grad()
                    loss = nn.functional.mse_loss(model(x), y)
                    loss.backward()
                    optimizer.step()
                """;

        private static void pressRangeTest(ExerciseView view, String code) {
            view.editor.setValue(code);
            view.rangeTestButton.click();
        }

        @Test
        @DisplayName("sweeps the editor's program through the run queue and draws loss against lr with the suggestions")
        void sweepsTheProgram() {
            ExerciseView view = open();
            dev.optimlab.explore.ui.ProgramRangeTestProbe probe = new dev.optimlab.explore.ui.ProgramRangeTestProbe(view.rangeTest)
                    .settings(1e-3, 0.5, 30);
            pressRangeTest(view, TRAINING);
            assertThat(view.rangeTest.isVisible()).isTrue();
            awaitEnd(view);

            assertThat(probe.problem()).isEmpty();
            assertThat(probe.rawPoints()).isEqualTo(30);
            assertThat(probe.summary()).isEqualTo("Swept 30 steps, lr 0.00100 to 0.500.");
            assertThat(probe.suggestions()).hasSize(3);
            RunPanelProbe panel = new RunPanelProbe(view.runPanel);
            // the ordinary charts still follow the run, and the sweep's own series stay out of them
            assertThat(panel.chartNames()).containsExactly("loss", "lr");
            assertThat(panel.pointCount("lr/group0")).isEqualTo(30);
            assertThat(panel.status()).startsWith("Finished in ");
        }

        @Test
        @DisplayName("a program without an optimizer is told so, and the run itself ends normally")
        void noOptimizer() {
            ExerciseView view = open();
            pressRangeTest(view, "print('no training here')\n");
            awaitEnd(view);

            assertThat(new dev.optimlab.explore.ui.ProgramRangeTestProbe(view.rangeTest).problem()).get().asString()
                    .startsWith("Your program never called optimizer.step()");
            assertThat(view.runPanel.getConsole().getText()).isEqualTo("no training here\n");
        }

        @Test
        @DisplayName("an ordinary Run after a range test does not touch the range test's figure")
        void ordinaryRunAfterwards() {
            ExerciseView view = open();
            new dev.optimlab.explore.ui.ProgramRangeTestProbe(view.rangeTest).settings(1e-3, 0.5, 10);
            pressRangeTest(view, TRAINING);
            awaitEnd(view);
            pressRun(view, "print('hi')\n");
            awaitEnd(view);

            assertThat(new dev.optimlab.explore.ui.ProgramRangeTestProbe(view.rangeTest).rawPoints()).isEqualTo(10);
        }
    }

    @Nested
    @DisplayName("Submit")
    class Submit {

        @Autowired
        UserAccountRepository users;

        private String signIn() {
            String name = "workspace-" + UUID.randomUUID();
            users.save(new UserAccount(name, name, "{noop}unused-password", Role.LEARNER, Instant.now()));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                    "unused", List.of(new SimpleGrantedAuthority("ROLE_LEARNER"))));
            return name;
        }

        @AfterEach
        void signOut() {
            SecurityContextHolder.clearContext();
        }

        private void submit(ExerciseView view, String code) {
            ComponentUtil.fireEvent(view.editor, new CodeEditor.ChangeEvent(view.editor, true, code));
            test(view.submit).click();
            long deadline = System.nanoTime() + HANG.toNanos();
            while (!view.submit.isEnabled()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("grading did not end within " + HANG);
                }
                runPendingAccess();
                sleep();
            }
        }

        @Test
        @DisplayName("a guest is asked to sign in, and what they typed stays in the editor")
        void guestIsAskedToSignIn() {
            ExerciseView view = open();
            ComponentUtil.fireEvent(view.editor, new CodeEditor.ChangeEvent(view.editor, true, "print('kept')\n"));
            test(view.submit).click();
            assertThat(view.notice.getElement().getTextRecursively()).startsWith("Sign in to submit");
            assertThat(find(Anchor.class, view.notice).single().getHref()).isEqualTo("login");
            assertThat(open().editor.getValue()).isEqualTo("print('kept')\n");
        }

        @Test
        @DisplayName("a wrong then a right answer: the score rises to 100%, both attempts are listed newest first, the solution opens")
        void wrongThenRight() {
            signIn();
            ExerciseView view = open();
            assertThat(view.showSolution.isVisible()).isFalse();
            submit(view, view.exercise.starter());
            assertThat(view.verdict.score.getElement().getAttribute("data-score")).isNotEqualTo("100");
            assertThat(find(ListItem.class, view.verdict.checks).all()).anySatisfy(item ->
                    assertThat(item.getElement().getAttribute("data-passed")).isEqualTo("false"));
            submit(view, view.exercise.solution());
            assertThat(view.verdict.score.getText()).startsWith("Score 100%");
            assertThat(find(ListItem.class, view.attempts).all()).hasSize(2).first()
                    .satisfies(newest -> assertThat(newest.getElement().getTextRecursively()).contains("100%"));
            assertThat(view.showSolution.isVisible()).isTrue();
            test(view.showSolution).click();
            assertThat(view.solution.getText()).isEqualTo(view.exercise.solution());
        }

        @Test
        @DisplayName("a signed-in learner's draft is stored and comes back on a fresh page")
        void storedDraft() {
            signIn();
            ExerciseView view = open();
            ComponentUtil.fireEvent(view.editor, new CodeEditor.ChangeEvent(view.editor, true, "print('stored')\n"));
            VaadinSession.getCurrent().setAttribute("dev.optimlab.progress.ui.Drafts:" + EXERCISE, null);
            assertThat(open().editor.getValue()).isEqualTo("print('stored')\n");
        }

        @Test
        @DisplayName("hints open one at a time and stay open")
        void hintsOneAtATime() {
            signIn();
            ExerciseView view = open();
            assertThat(view.hints.getChildren()).isEmpty();
            test(view.nextHint).click();
            assertThat(view.hints.getChildren()).hasSize(1);
            assertThat(view.nextHint.getText()).isEqualTo("Show the next hint (2 of 3)");
            test(view.nextHint).click();
            test(view.nextHint).click();
            assertThat(view.hints.getChildren()).hasSize(3);
            assertThat(view.nextHint.isVisible()).isFalse();
            assertThat(open().hints.getChildren()).hasSize(3);
        }

        @Test
        @DisplayName("an earlier attempt opens as a diff against the editor and can be put back")
        void attemptDiff() {
            signIn();
            ExerciseView view = open();
            submit(view, "print('first')\n");
            ComponentUtil.fireEvent(view.editor, new CodeEditor.ChangeEvent(view.editor, true, "print('second')\n"));
            ListItem attempt = find(ListItem.class, view.attempts).all().getFirst();
            test(find(com.vaadin.flow.component.button.Button.class, attempt).single()).click();
            String diff = find(Pre.class, view.attemptDialog).single().getElement().getTextRecursively();
            assertThat(diff).isEqualTo("- print('first')\n+ print('second')\n");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Nested
    @DisplayName("Drafts")
    class Drafts {

        @Test
        @DisplayName("what the learner typed is there again when the page is opened again")
        void draftSurvivesReload() {
            ExerciseView view = open();
            ComponentUtil.fireEvent(view.editor, new CodeEditor.ChangeEvent(view.editor, true, "print('mine')\n"));
            ExerciseView again = open();
            assertThat(again.editor.getValue()).isEqualTo("print('mine')\n");
        }

        @Test
        @DisplayName("reset puts the starter back and keeps it as the draft")
        void resetToStarter() {
            ExerciseView view = open();
            ComponentUtil.fireEvent(view.editor, new CodeEditor.ChangeEvent(view.editor, true, "print('mine')\n"));
            test(view.reset).click();
            assertThat(view.editor.getValue()).isEqualTo(view.exercise.starter());
            assertThat(open().editor.getValue()).isEqualTo(view.exercise.starter());
        }
    }
}
