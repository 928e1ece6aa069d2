package dev.optimlab.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader plays with the interactive tools: optimizer paths, the schedule explorer, the range test, a chapter's widget. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ToolsJourneyIT {

    private static final String PLOT = "document.querySelector('ol-contour-plot')";

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

    private double number(String expression) {
        return ((Number) page.evaluate("() => " + expression)).doubleValue();
    }

    @Test
    @DisplayName("moving the lr slider and dragging the start point redraw the optimizer paths")
    void pathsFollowTheControls() {
        page.navigate(url("/tools/paths"));
        page.waitForFunction("() => " + PLOT + " && " + PLOT + ".grid && " + PLOT + ".paths.length === 7");
        assertThat(page.locator("h1")).hasText("Optimizer paths");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("tools-paths-controls")));
        double before = number(PLOT + ".paths[0].xs[5]");

        // the keyboard moves the lr slider (its range input) a twentieth of a decade per press
        Locator lrSlider = page.locator("vaadin-slider").first().locator("input");
        for (int i = 0; i < 10; i++) {
            lrSlider.press("ArrowLeft");
        }
        page.waitForFunction("before => " + PLOT + ".paths.length === 7 && " + PLOT + ".paths[0].xs[5] !== before", before);
        assertThat(page.getByText("Learning rate: lr = 0.0316")).isVisible();
        assertThat(number(PLOT + ".paths[0].xs[5]")).isNotEqualTo(before);

        // drag the white start point from (-4, 1) to the other side of the valley
        @SuppressWarnings("unchecked")
        List<Number> from = (List<Number>) page.evaluate("() => { const p = " + PLOT + "; const r = p.canvas.getBoundingClientRect();"
                + " const [x, y] = p.toPixel(p.start.x, p.start.y); return [r.left + x, r.top + y]; }");
        page.mouse().move(from.get(0).doubleValue(), from.get(1).doubleValue());
        page.mouse().down();
        page.mouse().move(from.get(0).doubleValue() + 400, from.get(1).doubleValue() + 100, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        page.waitForFunction("() => " + PLOT + ".paths.length === 7 && " + PLOT + ".paths[0].xs[0] > 0");
        assertThat(page.getByLabel("start x")).not().hasValue("-4");

        page.getByText("Back to the start").click();
        page.waitForFunction("() => " + PLOT + ".step === 0");
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Play")).click();
        page.waitForFunction("() => " + PLOT + ".step > 20");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("tools-paths")).setFullPage(true));
    }

    @Test
    @DisplayName("the schedule explorer draws the lr per step and says what is wrong with a bad argument")
    void schedules() {
        page.navigate(url("/tools/schedules"));
        page.waitForFunction("() => { const c = document.querySelector('ol-line-chart');"
                + " return c && c.chart && c.chart.data.datasets.length === 1 && c.chart.data.datasets[0].data.length === 100; }");
        assertThat(page.locator("pre")).containsText("lr_scheduler.CosineAnnealingLR(optimizer, T_max=100, eta_min=0.001)");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("tools-schedules")).setFullPage(true));

        Locator tMax = page.getByLabel("T_max");
        tMax.fill("[100,");
        tMax.press("Tab");
        assertThat(page.getByText("Fix the marked argument fields to see the schedule.")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("tools-schedules-error")));

        page.getByLabel("Scheduler").first().click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("LambdaLR")).first().click();
        Locator lambda = page.getByLabel("lr_lambda");
        lambda.fill("lambda epoch: 0.9 ** (epoch // 10)");
        lambda.press("Tab");
        assertThat(page.locator("pre")).containsText("lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda epoch: 0.9 ** (epoch // 10))");
        lambda.fill("lambda epoch: (lambda f: f(f))(lambda f: f(f))");
        lambda.press("Tab");
        assertThat(page.getByText("Your lr_lambda went past its small budget")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("tools-schedules-lambda")));
    }

    @Test
    @DisplayName("the range test draws loss against lr on a log axis with its suggestions")
    void lrFinder() {
        page.navigate(url("/tools/lr-finder"));
        page.waitForFunction("() => { const c = document.querySelector('ol-line-chart');"
                + " return c && c.chart && c.chart.data.datasets.length === 3 && c.chart.data.datasets[2].data.length === 3; }");
        assertThat(page.evaluate("() => document.querySelector('ol-line-chart').chart.options.scales.x.type")).isEqualTo("logarithmic");
        assertThat(page.getByText("How far to trust it", new Page.GetByTextOptions().setExact(false))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("tools-lr-finder")).setFullPage(true));
    }

    @Test
    @DisplayName("the range test on the exercise's own program sweeps it through the run queue and plots loss against lr")
    void rangeTestOnTheProgram() {
        page.navigate(url(WorkspaceJourneyIT.EXERCISE));
        WorkspaceJourneyIT.typeTheFix(page);
        page.locator("#range-test-button").click();
        String figure = "document.querySelector('.ol-program-range-test ol-line-chart')";
        page.waitForFunction("() => { const c = " + figure + "; return c && c.chart && c.chart.data.datasets.length === 3"
                + " && c.chart.data.datasets[0].data.length >= 3 && c.chart.data.datasets[2].data.length === 3; }");
        assertThat(page.locator(".ol-range-test-summary")).containsText("Swept ");
        assertThat(page.locator(".ol-run-status")).containsText("Finished in");
        assertThat(page.getByText("your own lr and any scheduler are overridden", new Page.GetByTextOptions().setExact(false))).isVisible();
        page.locator(".ol-program-range-test").screenshot(new Locator.ScreenshotOptions()
                .setPath(Browsers.screenshot("workspace-range-test")));
        @SuppressWarnings("unchecked")
        List<String> xLabels = (List<String>) page.evaluate("() => " + figure + ".tickLabels('x')");
        // only powers of ten label the log axis, so the labels have room
        assertThat(xLabels).isNotEmpty().allSatisfy(label -> assertThat(label).matches("1(e-?\\d+)?|0\\.0*1|10*"));

        // the run's own loss chart on a log scale: labels at powers of ten (and 2, 5 when a decade has room)
        page.getByLabel("Log scale for the loss").check();
        String loss = "document.querySelector('ol-line-chart[data-chart=loss]')";
        page.waitForFunction("() => " + loss + ".chart.options.scales.y.type === 'logarithmic'");
        @SuppressWarnings("unchecked")
        List<String> yLabels = (List<String>) page.evaluate("() => " + loss + ".tickLabels('y')");
        double height = number(loss + ".chart.scales.y.height");
        assertThat(yLabels).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        assertThat(yLabels.size()).as("labels on a %s px axis", height).isLessThanOrEqualTo((int) (height / 20) + 1);
        page.locator(".ol-run-charts").screenshot(new Locator.ScreenshotOptions().setPath(Browsers.screenshot("workspace-range-test-run-charts")));
    }

    @Test
    @DisplayName("the workspace and the tools fit a 1280 px laptop and a 1920 px screen")
    void layouts() {
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            page.setViewportSize(size[0], size[1]);
            String suffix = "-" + size[0] + "x" + size[1];
            page.navigate(url(WorkspaceJourneyIT.EXERCISE));
            page.waitForFunction(WorkspaceJourneyIT.EDITOR_READY);
            double editorShare = number("document.querySelector('ol-code-editor').getBoundingClientRect().width"
                    + " / document.querySelector('.ol-workspace').getBoundingClientRect().width");
            assertThat(editorShare).as("the editor's share of the workspace at %d px", size[0]).isGreaterThan(0.55);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("layout-exercise" + suffix)));
            page.navigate(url("/tools/lr-finder"));
            page.waitForFunction("() => { const c = document.querySelector('ol-line-chart');"
                    + " return c && c.chart && c.chart.data.datasets.length === 3; }");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("layout-lr-finder" + suffix)));
            page.navigate(url("/tools/schedules"));
            page.waitForFunction("() => { const c = document.querySelector('ol-line-chart');"
                    + " return c && c.chart && c.chart.data.datasets.length === 1; }");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("layout-schedules" + suffix)));
        }
    }

    @Test
    @DisplayName("a chapter's paths widget is the path tool in place, with a link to the full tool")
    void widgetInAChapter() {
        page.navigate(url("/chapters/sgd-momentum"));
        page.waitForFunction("() => { const p = document.querySelector('.ol-figure ol-contour-plot'); return p && p.paths.length === 3; }");
        Locator figure = page.locator(".ol-figure").first();
        figure.scrollIntoViewIfNeeded();
        assertThat(figure.locator("a.ol-full-tool")).hasAttribute("href", "tools/paths");
        figure.screenshot(new Locator.ScreenshotOptions().setPath(Browsers.screenshot("tools-chapter-widget")));
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Schedule explorer"))).isVisible();
    }
}
