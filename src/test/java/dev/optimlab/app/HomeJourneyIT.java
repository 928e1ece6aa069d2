package dev.optimlab.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A visitor's first minutes: the home page with its live chart, a chapter, the language switch, a wrong URL. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeJourneyIT {

    private static final String POINTS = "(() => { const c = document.querySelector('ol-line-chart');"
            + " return c && c.chart && c.chart.data.datasets.length > 0 ? c.chart.data.datasets[0].data.length : 0; })()";
    private static final String CHART_POINTS = "() => " + POINTS;

    private static String atLeast(int n) {
        return "() => " + POINTS + " >= " + n;
    }

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
    @DisplayName("the home page's chart fills with the schedule pushed by the server")
    void homeChartDrawsLive() {
        page.navigate(url("/"));
        page.waitForFunction(atLeast(1));
        int early = ((Number) page.evaluate(CHART_POINTS)).intValue();
        page.waitForFunction(atLeast(100));
        int points = ((Number) page.evaluate(CHART_POINTS)).intValue();
        assertThat(points).isEqualTo(100).isGreaterThan(early);
        Object first = page.evaluate("() => document.querySelector('ol-line-chart').chart.data.datasets[0].data[9].y");
        assertThat(((Number) first).doubleValue()).isEqualTo(0.1);
        assertThat(page.locator("h1")).hasText("Learning torch.optim");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("home")).setFullPage(true));
    }

    @Test
    @DisplayName("a chapter opens from the home page and switches to Chinese")
    void chapterAndLanguageSwitch() {
        page.navigate(url("/"));
        page.locator("ol li a", new Page.LocatorOptions().setHasText("The training loop")).click();
        page.waitForURL("**/chapters/training-loop");
        assertThat(page.locator("article h1")).hasText("The training loop");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("chapter-en")).setFullPage(true));

        page.locator("#language-switch").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("简体中文")).click();
        assertThat(page.locator("article h1")).hasText("训练循环");
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("首页");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("chapter-zh")).setFullPage(true));
    }

    @Test
    @DisplayName("an unknown chapter shows a friendly page with a way home")
    void unknownChapter() {
        page.navigate(url("/chapters/no-such-chapter"));
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.getByText("There is no chapter called \"no-such-chapter\".")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("not-found")));
        page.getByText("Back to the course").click();
        page.waitForURL(url("/"));
        assertThat(page.locator("h1")).hasText("Learning torch.optim");
    }

    @Test
    @DisplayName("a chapter's formulas are typeset by KaTeX")
    void formulasAreTypeset() {
        page.navigate(url("/chapters/sgd-momentum"));
        page.waitForFunction("() => document.querySelectorAll('ol-rich-text .ol-math[data-typeset] .katex').length > 0");
        int pending = ((Number) page.evaluate("() => document.querySelectorAll('ol-rich-text .ol-math:not([data-typeset])').length"))
                .intValue();
        assertThat(pending).as("formulas left as TeX source").isZero();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("chapter-formulas")));
    }

    @Test
    @DisplayName("a chapter's widget block is drawn as a chart computed on the server")
    void widgetFigureDraws() {
        page.navigate(url("/chapters/losses"));
        page.waitForFunction("() => { const c = document.querySelector('.ol-figure ol-line-chart');"
                + " return c && c.chart && c.chart.data.datasets.length > 0 && c.chart.data.datasets[0].data.length > 10; }");
        page.locator(".ol-figure").first().scrollIntoViewIfNeeded();
        page.locator(".ol-figure").first().screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Browsers.screenshot("chapter-figure")));
    }
}
