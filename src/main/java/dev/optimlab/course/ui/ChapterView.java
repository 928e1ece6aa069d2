package dev.optimlab.course.ui;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.optimlab.base.ui.RichText;
import dev.optimlab.course.Chapter;
import dev.optimlab.course.ChapterPart;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Lang;

/** {@code /chapters/{slug}}: a chapter's text in the reader's language. */
@Route("chapters")
@AnonymousAllowed
class ChapterView extends Article implements HasUrlParameter<String>, HasDynamicTitle {

    private final CourseCatalog catalog;
    final java.util.List<WidgetFigure> figures = new java.util.ArrayList<>();
    Chapter chapter;

    ChapterView(CourseCatalog catalog) {
        this.catalog = catalog;
        addClassNames("ol-page", "ol-chapter");
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        chapter = catalog.course().chapter(slug).orElse(null);
        if (chapter == null) {
            event.rerouteToError(NotFoundException.class, getTranslation("notfound.chapter", slug));
            return;
        }
        removeAll();
        figures.clear();
        for (ChapterPart part : catalog.chapterParts(chapter, Lang.of(getLocale()))) {
            switch (part) {
                case ChapterPart.Text text -> {
                    RichText rich = new RichText();
                    rich.setHtml(text.html());
                    add(rich);
                }
                case ChapterPart.Widget widget -> {
                    WidgetFigure figure = new WidgetFigure(widget);
                    figures.add(figure);
                    add(figure);
                }
                case ChapterPart.BrokenWidget broken -> add(WidgetFigure.problem(broken.line(), broken.problem()));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return chapter == null ? "OptimLab" : chapter.title().get(Lang.of(getLocale())) + " · OptimLab";
    }
}
