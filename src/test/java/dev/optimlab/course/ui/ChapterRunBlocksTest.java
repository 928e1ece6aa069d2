package dev.optimlab.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import dev.optimlab.app.Application;
import dev.optimlab.base.ui.RichText;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Lang;
import dev.optimlab.settings.SiteSettingsService;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
class ChapterRunBlocksTest extends SpringBrowserlessTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    @Autowired
    CourseContent content;

    @Autowired
    CourseCatalog catalog;

    @Autowired
    SiteSettingsService settings;

    private static void awaitEnd(RunPanel panel) {
        long deadline = System.nanoTime() + HANG.toNanos();
        do {
            VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent());
            if (!panel.isRunning()) {
                VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent());
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the block's run did not end within " + HANG);
    }

    @Test
    @DisplayName("every python run block of every chapter gets a Run button, and plain code blocks get none")
    void everyRunnableBlockHasAButton() {
        for (var chapter : catalog.course().chapters()) {
            ChapterView view = navigate(ChapterView.class, chapter.slug());
            assertThat(view.blocks).as(chapter.slug()).extracting(b -> b.code)
                    .containsExactlyElementsOf(content.runnableBlocks(chapter, Lang.EN));
        }
        assertThat(content.runnableBlocks(catalog.course().chapter("training-loop").orElseThrow(), Lang.EN)).hasSize(5);
    }

    @Test
    @DisplayName("the text around a block is kept whole: its code stays above its Run button")
    void textIsKeptAroundBlocks() {
        ChapterView view = navigate(ChapterView.class, "training-loop");
        String html = find(RichText.class, view).all().stream().map(RichText::getHtml).reduce("", String::concat);
        assertThat(html).contains("<h1>The training loop</h1>").contains("after backward");
        RunnableBlock first = view.blocks.getFirst();
        int index = view.getChildren().toList().indexOf(first);
        assertThat(((RichText) view.getChildren().toList().get(index - 1)).getHtml().strip()).endsWith("</code></pre>");
    }

    @Test
    @DisplayName("a block's Run shows its output in place")
    void blockRunsInPlace() {
        ChapterView view = navigate(ChapterView.class, "training-loop");
        RunnableBlock block = view.blocks.getFirst();
        test(block.run).click();
        awaitEnd(block.panel);
        assertThat(block.panel.getConsole().getText())
                .isEqualTo("after backward 1 grad 3.0\nafter backward 2 grad 6.0\nafter backward 3 grad 9.0\n");
        assertThat(block.panel.pointCount("loss")).isEqualTo(3);
    }

    @Test
    @DisplayName("when an admin has switched guest runs off, a guest's Run asks them to sign in, in their language, with a link")
    void guestAskedToSignInWhenGuestRunsAreOff() {
        settings.changeGuestAccess(false, 3, "blocks-admin");
        try {
            ChapterView view = navigate(ChapterView.class, "training-loop");
            RunnableBlock block = view.blocks.getFirst();
            test(block.run).click();
            assertThat(block.panel.isRunning()).isFalse();
            assertThat(block.panel.status.getText())
                    .isEqualTo("Running programs needs an account on this server. Please sign in; your code is kept.");
            assertThat(block.panel.signIn.isVisible()).isTrue();
            assertThat(block.panel.signIn.getHref()).isEqualTo("login");

            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
            ChapterView zh = navigate(ChapterView.class, "training-loop");
            test(zh.blocks.getFirst().run).click();
            assertThat(zh.blocks.getFirst().panel.status.getText()).isEqualTo("在此服务器上运行程序需要账号。请先登录；你的代码已保留。");
            assertThat(zh.blocks.getFirst().panel.signIn.getText()).isEqualTo("登录");
        } finally {
            settings.restoreDefaults();
        }
        ChapterView view = navigate(ChapterView.class, "training-loop");
        RunnableBlock block = view.blocks.getFirst();
        test(block.run).click();
        assertThat(block.panel.signIn.isVisible()).isFalse();
        awaitEnd(block.panel);
    }
}
