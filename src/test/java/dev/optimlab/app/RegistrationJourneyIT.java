package dev.optimlab.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A newcomer's account: register, be signed in at once, sign out, sign in again (after one wrong password). */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationJourneyIT {

    @LocalServerPort
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openPage() {
        context = Browsers.chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-US"));
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

    @Test
    @DisplayName("register, signed in at once, sign out, a wrong password, then sign in")
    void registerSignOutSignIn() {
        String username = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "journey password 1";

        page.navigate(url("/"));
        page.locator("#register").click();
        page.waitForURL("**/register");
        page.locator("#register-username input").fill(username);
        page.locator("#register-display-name input").fill("Journey Learner");
        page.locator("#register-password input").fill("too short");
        page.locator("#register-confirmation input").fill("too short");
        page.locator("#create-account").click();
        assertThat(page.locator("#register-password")).hasAttribute("invalid", "");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("register-error")).setFullPage(true));

        page.locator("#register-password input").fill(password);
        page.locator("#register-confirmation input").fill(password);
        page.locator("#create-account").click();
        assertThat(page.locator("#user-name")).hasText("Journey Learner");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("registered")).setFullPage(true));

        page.locator("#sign-out").click();
        assertThat(page.locator("#sign-in")).isVisible();
        assertThat(page.locator("#user-name")).hasCount(0);

        page.locator("#sign-in").click();
        page.waitForURL("**/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill("not the password");
        page.locator("input[name=password]").press("Enter");
        page.waitForURL("**/login?error");
        assertThat(page.getByText("Wrong username or password")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("login-error")).setFullPage(true));

        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        assertThat(page.locator("#user-name")).hasText("Journey Learner");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("signed-in")).setFullPage(true));
    }
}
