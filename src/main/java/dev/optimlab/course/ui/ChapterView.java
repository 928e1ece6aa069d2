package dev.optimlab.course.ui;

import com.vaadin.flow.component.DetachEvent;
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
import dev.optimlab.base.ui.UiTicker;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.RunService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** {@code /chapters/{slug}}: a chapter's text in the reader's language, its figures, and its runnable blocks. */
@Route("chapters")
@AnonymousAllowed
class ChapterView extends Article implements HasUrlParameter<String>, HasDynamicTitle {

    private static final String PYTHON_BLOCK = "<pre><code class=\"language-python\">";
    private static final String BLOCK_END = "</code></pre>";

    private final CourseCatalog catalog;
    private final CourseContent content;
    private final RunService runService;
    private final UiTicker ticker;
    private final Learners learners;
    final java.util.List<WidgetFigure> figures = new java.util.ArrayList<>();
    final List<RunnableBlock> blocks = new ArrayList<>();
    Chapter chapter;
    private Learner learner;

    ChapterView(CourseCatalog catalog, CourseContent content, RunService runService, UiTicker ticker, Learners learners) {
        this.catalog = catalog;
        this.content = content;
        this.runService = runService;
        this.ticker = ticker;
        this.learners = learners;
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
        blocks.clear();
        learner = learners.current();
        Lang lang = Lang.of(getLocale());
        Deque<String> runnable = new ArrayDeque<>(content.runnableBlocks(chapter, lang));
        for (ChapterPart part : catalog.chapterParts(chapter, lang)) {
            switch (part) {
                case ChapterPart.Text text -> addText(text.html(), runnable);
                case ChapterPart.Widget widget -> {
                    WidgetFigure figure = new WidgetFigure(widget);
                    figures.add(figure);
                    add(figure);
                }
                case ChapterPart.BrokenWidget broken -> add(WidgetFigure.problem(broken.line(), broken.problem()));
            }
        }
    }

    /** Adds rendered text, with a Run button after each code block that the chapter marks {@code python run}. */
    private void addText(String html, Deque<String> runnable) {
        int from = 0;
        int start;
        while (!runnable.isEmpty() && (start = html.indexOf(PYTHON_BLOCK, from)) >= 0) {
            int end = html.indexOf(BLOCK_END, start);
            if (end < 0) {
                break;
            }
            end += BLOCK_END.length();
            String code = unescape(html.substring(start + PYTHON_BLOCK.length(), end - BLOCK_END.length()));
            if (!code.equals(runnable.peekFirst())) {
                from = end;
                continue;
            }
            runnable.removeFirst();
            addRich(html.substring(0, end));
            RunnableBlock block = new RunnableBlock(code, runService, ticker, () -> learner);
            blocks.add(block);
            add(block);
            html = html.substring(end);
            from = 0;
        }
        if (!html.isBlank()) {
            addRich(html);
        }
    }

    private void addRich(String html) {
        RichText rich = new RichText();
        rich.setHtml(html);
        add(rich);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (learner != null) {
            runService.cancelAllFor(learner);
        }
    }

    @Override
    public String getPageTitle() {
        return chapter == null ? "OptimLab" : chapter.title().get(Lang.of(getLocale())) + " · OptimLab";
    }
}
