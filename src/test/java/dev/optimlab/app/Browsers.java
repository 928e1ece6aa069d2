package dev.optimlab.app;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * One headless Chromium shared by every browser journey in the JVM. Journeys run when Debian's Chromium is
 * installed and are skipped with a notice when it is not, unless {@code optimlab.browser.required=true}
 * (as CI sets), which turns a missing browser into a failure.
 */
public final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static synchronized Browser chromium() {
        if (browser != null) {
            return browser;
        }
        Path executable = Paths.get(System.getProperty("optimlab.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            String notice = "Browser journeys need Chromium at " + executable + ". Install it (Debian: apt-get install chromium) or"
                    + " point -Doptimlab.chromium=PATH at one; .ci/run does this and sets -Doptimlab.browser.required=true.";
            if (Boolean.getBoolean("optimlab.browser.required")) {
                throw new IllegalStateException(notice);
            }
            System.err.println("NOTICE: browser journeys SKIPPED. " + notice);
            Assumptions.abort(notice);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
        Runtime.getRuntime().addShutdownHook(new Thread(Browsers::close));
        return browser;
    }

    private static synchronized void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
        }
    }

    /** Where journeys write their screenshots. */
    public static Path screenshot(String name) {
        return Paths.get("target", "screenshots", name + ".png");
    }
}
