package dev.optimlab.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A learner at work: the exercise workspace, a chapter's runnable block, and dark mode, in a real browser. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceJourneyIT {

    static final String EXERCISE = "/exercises/zero-grad-missing";

    static String points(String chart) {
        return "(() => { const c = document.querySelector('ol-line-chart[data-chart=" + chart + "]');"
                + " return c && c.chart && c.chart.data.datasets.length > 0 ? c.chart.data.datasets[0].data.length : 0; })()";
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openPage() {
        context = Browsers.chromium().newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000).setLocale("en-US"));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    static final String EDITOR_READY = "() => { const e = document.querySelector('ol-code-editor'); return !!(e && e.view); }";

    /** Waits for the editor and gives it a whole program at once, as pasting would. */
    static void setProgram(Page page, String code) {
        page.waitForFunction(EDITOR_READY);
        page.evaluate("code => { const e = document.querySelector('ol-code-editor');"
                + " e.view.dispatch({ changes: { from: 0, to: e.view.state.doc.length, insert: code } }); }", code);
    }

    /** Types the missing line of the starter where it belongs, with the keys a learner presses. */
    static void typeTheFix(Page page) {
        page.waitForFunction(EDITOR_READY);
        page.locator("ol-code-editor .cm-content").click();
        page.evaluate("() => { const v = document.querySelector('ol-code-editor').view;"
                + " const line = v.state.doc.toString().split('\\n').findIndex(l => l.startsWith('for step')) + 1;"
                + " v.dispatch({ selection: { anchor: v.state.doc.line(line).to } }); v.focus(); }");
        page.keyboard().press("Enter");
        page.keyboard().type("optimizer.zero_grad()");
    }

    static String editorText(Page page) {
        return (String) page.evaluate("() => document.querySelector('ol-code-editor').value");
    }

    @Test
    @DisplayName("typing a program and pressing Ctrl+Enter draws the loss and lr while it runs, and prints its result")
    void runDrawsCharts() {
        page.navigate(url(EXERCISE));
        typeTheFix(page);
        assertThat(editorText(page)).contains("for step in range(60):\n    optimizer.zero_grad()\n    loss = ");
        page.keyboard().press("Control+Enter");
        page.waitForFunction("() => " + points("loss") + " >= 60 && " + points("lr") + " >= 60");
        assertThat(page.locator(".ol-console")).hasText(java.util.regex.Pattern.compile("^w=\\d\\.\\d{4} b=\\d\\.\\d{4} loss=\\d\\.\\d{6}\\s*$"));
        assertThat(page.locator(".ol-run-status")).containsText("Finished in");
        page.getByLabel("Log scale for the loss").check();
        page.waitForFunction("() => document.querySelector('ol-line-chart[data-chart=loss]').logScale === true");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("workspace-run")).setFullPage(true));
    }

    @Test
    @DisplayName("a signed-in learner submits a wrong then a right answer, sees the score rise, and after a reload finds the draft and both attempts")
    void submitWrongThenRight() {
        String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        users.save(new UserAccount(name, "Journey Learner", passwords.encode("a-long-password"), Role.LEARNER, Instant.now()));
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(name);
        page.locator("input[name=password]").fill("a-long-password");
        page.locator("input[name=password]").press("Enter");
        page.waitForFunction("() => !location.pathname.startsWith('/login')");
        page.navigate(url(EXERCISE));
        page.waitForFunction(EDITOR_READY);
        page.locator("#submit-button").click();
        assertThat(page.locator(".ol-verdict-score")).containsText("Score");
        String first = page.locator(".ol-verdict-score").getAttribute("data-score");
        assertThat(Integer.parseInt(first)).isLessThan(100);
        assertThat(page.locator(".ol-verdict li[data-passed=false]").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("workspace-verdict-wrong")).setFullPage(true));

        typeTheFix(page);
        page.locator("#submit-button").click();
        assertThat(page.locator(".ol-verdict-score")).containsText("Score 100%");
        assertThat(page.locator(".ol-attempts li")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("workspace-verdict-right")).setFullPage(true));

        page.reload();
        page.waitForFunction(EDITOR_READY);
        assertThat(editorText(page)).contains("    optimizer.zero_grad()\n");
        assertThat(page.locator(".ol-attempts li")).hasCount(2);
        assertThat(page.locator(".ol-attempts li").first()).containsText("100%");
        page.locator(".ol-attempts li").nth(1).locator("vaadin-button").click();
        assertThat(page.locator(".ol-diff-added")).containsText("+     optimizer.zero_grad()");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("workspace-attempt-diff")));
    }

    @Test
    @DisplayName("a traceback is red, its line is marked in the editor, and clicking 'line N' goes there")
    void tracebackLine() {
        page.navigate(url(EXERCISE));
        setProgram(page, "import torch\nw = torch.zeros(2)\n\nprint(w[5])\n");
        page.locator("#run-button").click();
        assertThat(page.locator(".ol-console-err")).containsText("IndexError");
        page.waitForFunction("() => document.querySelector('ol-code-editor').markedLine() === 4");
        page.locator(".ol-console-line[data-line='4']").click();
        page.waitForFunction("() => { const v = document.querySelector('ol-code-editor').view;"
                + " return v.state.doc.lineAt(v.state.selection.main.head).number === 4; }");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("workspace-traceback")).setFullPage(true));
    }

    @Test
    @DisplayName("a reload finds the draft as it was typed, and a guest's Submit asks to sign in")
    void draftSurvivesReload() {
        page.navigate(url(EXERCISE));
        page.waitForFunction(EDITOR_READY);
        page.locator("ol-code-editor .cm-content").click();
        page.keyboard().press("Control+A");
        page.keyboard().type("print('my draft')");
        page.locator("#submit-button").click();
        assertThat(page.locator(".ol-workspace-notice")).containsText("Sign in to submit");
        page.reload();
        page.waitForFunction("() => document.querySelector('ol-code-editor') && document.querySelector('ol-code-editor').value === \"print('my draft')\"");
    }

    @Test
    @DisplayName("Stop ends a program that loops forever")
    void stop() {
        page.navigate(url(EXERCISE));
        setProgram(page, "while True:\n    pass\n");
        page.locator("#run-button").click();
        page.locator(".ol-run-stop").click();
        assertThat(page.locator(".ol-run-status")).hasText("Stopped");
    }

    @Test
    @DisplayName("a chapter's runnable block runs in place and shows its output under the code")
    void chapterBlockRuns() {
        page.navigate(url("/chapters/training-loop"));
        page.locator(".ol-runnable-block vaadin-button").first().click();
        assertThat(page.locator(".ol-runnable-block .ol-console").first()).containsText("after backward 3 grad 9.0");
        assertThat(page.locator(".ol-runnable-block .ol-run-status").first()).containsText("Finished in");
        page.waitForFunction("() => " + "(() => { const c = document.querySelector('.ol-runnable-block ol-line-chart');"
                + " return c && c.chart && c.chart.data.datasets[0] && c.chart.data.datasets[0].data.length === 3; })()");
        page.locator(".ol-runnable-block").first().scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("chapter-run-block")));
    }

    @Test
    @DisplayName("the course overview lists each chapter's exercises with the learner's state, linked to the workspace")
    void overviewLinksExercises() {
        page.navigate(url("/"));
        page.locator("li[data-exercise=zero-grad-missing] a").click();
        page.waitForURL("**" + EXERCISE);
        assertThat(page.locator("h1")).hasText("The loss that would not settle");
    }

    @Test
    @DisplayName("dark mode switches the page to Lumo dark and is remembered after a reload")
    void darkMode() {
        page.navigate(url(EXERCISE));
        page.locator("#dark-mode-toggle").click();
        page.waitForFunction("() => (document.documentElement.getAttribute('theme') || '').includes('dark')");
        page.reload();
        page.waitForFunction("() => (document.documentElement.getAttribute('theme') || '').includes('dark')");
        assertThat(page.locator("#dark-mode-toggle")).hasAttribute("aria-pressed", "true");
        page.waitForFunction(EDITOR_READY);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("workspace-dark")).setFullPage(true));
        String background = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
        assertThat(background).isNotEqualTo("rgb(255, 255, 255)");
    }
}
