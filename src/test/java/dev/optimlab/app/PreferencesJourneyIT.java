package dev.optimlab.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import dev.optimlab.settings.SiteSettingsService;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Dark mode and the UI language follow a signed-in learner to a new browser; the editor's colours follow dark mode. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PreferencesJourneyIT {

    static final String EXERCISE = "/exercises/zero-grad-missing";
    static final String PAGE_IS_DARK = "() => (document.documentElement.getAttribute('theme') || '').split(' ').includes('dark')";
    static final String EDITOR_READY = "() => { const e = document.querySelector('ol-code-editor'); return !!(e && e.view); }";
    /** The colour of the editor's first keyword ("import"), as the browser paints it. */
    static final String KEYWORD_COLOUR = "() => { const root = document.querySelector('ol-code-editor').shadowRoot;"
            + " const span = [...root.querySelectorAll('.cm-line span')].find(s => s.textContent === 'import');"
            + " return span ? getComputedStyle(span).color : null; }";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SiteSettingsService settings;

    private BrowserContext context;

    @BeforeEach
    void timeouts() {
        // the machine that runs journeys may be busy: give page loads after a sign-in time
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        // later journeys in this JVM share the database: guests must be able to run again whatever happened here
        settings.restoreDefaults();
    }

    private Page newBrowser() {
        if (context != null) {
            context.close();
        }
        context = Browsers.chromium().newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000).setLocale("en-US"));
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        assertThat(page.locator("#sign-out")).isVisible();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot(name)).setFullPage(true));
    }

    @Test
    @DisplayName("dark mode and Chinese chosen in one browser come back after signing in on a fresh one, on every page")
    void preferencesFollowTheAccount() {
        String username = "prefs-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "preferences password 1";
        users.save(new UserAccount(username, "Prefs Learner", passwords.encode(password), Role.LEARNER, Instant.now()));

        Page page = newBrowser();
        signIn(page, username, password);
        page.navigate(url(EXERCISE));
        page.waitForFunction(EDITOR_READY);
        assertThat(page.locator("#dark-mode-toggle")).hasAttribute("aria-pressed", "false");
        String lightKeyword = (String) page.evaluate(KEYWORD_COLOUR);
        shot(page, "preferences-editor-light");

        page.locator("#dark-mode-toggle").click();
        page.waitForFunction(PAGE_IS_DARK);
        page.waitForFunction("light => (" + KEYWORD_COLOUR + ")() !== light", lightKeyword);
        String darkKeyword = (String) page.evaluate(KEYWORD_COLOUR);
        assertThat(darkKeyword).as("the keyword colour in dark mode").isNotEqualTo(lightKeyword);
        shot(page, "preferences-editor-dark");

        page.locator("#language-switch").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("简体中文")).click();
        assertThat(page.locator("#sign-out")).hasText("退出登录");
        assertThat(page.locator("#run-button")).containsText("运行");
        page.waitForFunction(PAGE_IS_DARK);
        page.navigate(url("/tools/paths"));
        assertThat(page.locator("h1")).hasText("优化器路径");
        page.navigate(url("/dashboard"));
        assertThat(page.locator("h1")).hasText("我的进度");
        shot(page, "preferences-dashboard-zh-dark");
        page.locator("#sign-out").click();
        assertThat(page.locator("#sign-in")).isVisible();

        Page fresh = newBrowser();
        fresh.navigate(url("/"));
        assertThat(fresh.locator("#sign-in")).hasText("Sign in");
        signIn(fresh, username, password);
        assertThat(fresh.locator("#sign-out")).hasText("退出登录");
        fresh.waitForFunction(PAGE_IS_DARK);
        assertThat(fresh.locator("#dark-mode-toggle")).hasAttribute("aria-pressed", "true");
        fresh.navigate(url(EXERCISE));
        fresh.waitForFunction(EDITOR_READY);
        assertThat(fresh.locator("#submit-button")).containsText("提交");
        fresh.waitForFunction(PAGE_IS_DARK);
        assertThat(fresh.evaluate(KEYWORD_COLOUR)).isEqualTo(darkKeyword);
        shot(fresh, "preferences-new-browser");
    }

    @Test
    @DisplayName("an admin switches guest runs off on the settings page; a guest's Run then asks them to sign in and keeps their code")
    void adminSwitchesGuestRunsOff() {
        String admin = "prefs-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "preferences admin password";
        users.save(new UserAccount(admin, "Prefs Admin", passwords.encode(password), Role.ADMIN, Instant.now()));
        Page adminPage = newBrowser();
        signIn(adminPage, admin, password);
        adminPage.locator("#admin-nav").getByText("Site settings").click();
        adminPage.waitForURL("**/admin/settings");
        assertThat(adminPage.locator("#guests-may-run")).hasAttribute("checked", "");
        adminPage.locator("#guests-may-run input").click();
        adminPage.locator("#save-settings").click();
        assertThat(adminPage.getByText("Saved. The next guest Run follows these settings.")).isVisible();
        shot(adminPage, "preferences-admin-settings");
        BrowserContext adminContext = context;
        context = null;
        try {
            Page guest = newBrowser();
            guest.navigate(url(EXERCISE));
            guest.waitForFunction(EDITOR_READY);
            guest.evaluate("() => { const e = document.querySelector('ol-code-editor');"
                    + " e.view.dispatch({ changes: { from: 0, insert: '# my own line\\n' } }); }");
            guest.locator("#run-button").click();
            assertThat(guest.locator(".ol-run-status")).hasText("Running programs needs an account on this server. Please sign in; your code is kept.");
            assertThat(guest.locator(".ol-run-signin")).isVisible();
            assertThat((String) guest.evaluate("() => document.querySelector('ol-code-editor').value")).startsWith("# my own line\n");
            shot(guest, "preferences-guest-refused");
        } finally {
            context.close();
            context = adminContext;
            adminPage.locator("#restore-settings").click();
            assertThat(adminPage.locator("#guests-may-run")).hasAttribute("checked", "");
        }
    }
}
