package dev.optimlab.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import dev.optimlab.base.ui.NotFoundView;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import dev.optimlab.app.Application;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
class ChapterViewTest extends SpringBrowserlessTest {

    @Test
    @DisplayName("a chapter renders its Markdown in English by default")
    void rendersChapter() {
        ChapterView view = navigate(ChapterView.class, "training-loop");
        String html = find(dev.optimlab.base.ui.RichText.class, view).all().stream().map(dev.optimlab.base.ui.RichText::getHtml).reduce("", String::concat);
        assertThat(html).contains("<h1>The training loop</h1>").contains("<table>");
        assertThat(view.getPageTitle()).isEqualTo("The training loop · OptimLab");
    }

    @Test
    @DisplayName("with a Chinese locale the chapter is read in Chinese")
    void rendersChineseChapter() {
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        ChapterView view = navigate(ChapterView.class, "training-loop");
        assertThat(find(dev.optimlab.base.ui.RichText.class, view).all().stream().map(dev.optimlab.base.ui.RichText::getHtml).reduce("", String::concat)).contains("<h1>训练循环</h1>");
    }

    @Test
    @DisplayName("an unknown chapter shows a friendly not-found page with a link home")
    void unknownChapter() {
        navigate("chapters/no-such-chapter", NotFoundView.class);
        NotFoundView notFound = (NotFoundView) UI.getCurrent().getCurrentView();
        assertThat(find(H1.class, notFound).single().getText()).isEqualTo("Page not found");
        assertThat(find(Paragraph.class, notFound).single().getText()).isEqualTo("There is no chapter called \"no-such-chapter\".");
        assertThat(find(com.vaadin.flow.router.RouterLink.class, notFound).single().getHref()).isEmpty();
    }

    @Test
    @DisplayName("widget blocks become figures computed on the core, one chart series per optimizer")
    void widgetsBecomeFigures() {
        ChapterView view = navigate(ChapterView.class, "sgd-momentum");
        assertThat(view.figures).isNotEmpty();
        WidgetFigure figure = view.figures.getFirst();
        assertThat(figure.chart).isNotNull();
        assertThat(figure.chart.seriesLabels()).hasSize(3).allSatisfy(label -> assertThat(label).startsWith("SGD("));
        assertThat(figure.chart.pointCount(0)).isGreaterThan(10);
    }
}
