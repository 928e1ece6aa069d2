package dev.optimlab.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import dev.optimlab.course.Chapter;
import dev.optimlab.course.ChapterPart;
import dev.optimlab.course.ContentSource;
import dev.optimlab.course.CourseLoader;
import dev.optimlab.course.Lang;
import dev.optimlab.course.MarkdownRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every widget block of the course computes its figure on the core, in both languages. */
class ChapterFiguresTest {

    record Located(String file, ChapterPart part) {
        @Override
        public String toString() {
            return file + ":" + switch (part) {
                case ChapterPart.Widget w -> w.line();
                case ChapterPart.BrokenWidget b -> b.line();
                case ChapterPart.Text t -> 0;
            };
        }
    }

    static Stream<Located> widgets() {
        ContentSource source = ContentSource.directory(Path.of("content"));
        MarkdownRenderer renderer = new MarkdownRenderer();
        List<Located> widgets = new ArrayList<>();
        for (Chapter chapter : new CourseLoader(source).load().chapters()) {
            for (Lang lang : Lang.values()) {
                String path = chapter.textPath(lang);
                for (ChapterPart part : renderer.toParts(source.read(path).orElseThrow())) {
                    if (!(part instanceof ChapterPart.Text)) {
                        widgets.add(new Located(source.describe(path), part));
                    }
                }
            }
        }
        return widgets.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widgets")
    @DisplayName("a widget block is valid and draws a figure with data")
    void widgetDraws(Located located) {
        assertThat(located.part()).as("%s", located).isInstanceOf(ChapterPart.Widget.class);
        WidgetFigure figure = new WidgetFigure((ChapterPart.Widget) located.part());
        String problem = figure.getChildren().filter(Paragraph.class::isInstance).map(c -> ((Paragraph) c).getText())
                .findFirst().orElse("");
        assertThat(figure.chart).as("%s: %s", located, problem).isNotNull();
        for (int series = 0; series < figure.chart.seriesLabels().size(); series++) {
            assertThat(figure.chart.pointCount(series)).as("%s series %d", located, series).isGreaterThan(1);
        }
    }

    @Test
    @DisplayName("a broken widget shows its problem in place of the figure")
    void brokenWidget() {
        List<ChapterPart> parts = new MarkdownRenderer().toParts("Text\n\n```widget paths\n{\"surface\": \"nowhere\", "
                + "\"optimizers\": [{\"name\": \"SGD\", \"lr\": 0.1}]}\n```\n\n```widget schedule\n{not json\n```\n");
        WidgetFigure unknownSurface = new WidgetFigure((ChapterPart.Widget) parts.get(1));
        assertThat(unknownSurface.chart).isNull();
        assertThat(unknownSurface.getChildren().findFirst().map(c -> ((Paragraph) c).getText()).orElseThrow())
                .contains("(line 3)").contains("nowhere");
        assertThat(parts.get(2)).isInstanceOfSatisfying(ChapterPart.BrokenWidget.class,
                broken -> assertThat(broken.problem()).startsWith("the widget's JSON is not valid"));
    }
}
