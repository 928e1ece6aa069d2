package dev.optimlab.course;

import java.util.Map;

/** A piece of a rendered chapter: HTML text, or an embedded figure from a {@code ```widget TYPE} block. */
public sealed interface ChapterPart {

    /** Rendered Markdown. */
    record Text(String html) implements ChapterPart {
    }

    /**
     * A {@code ```widget TYPE {json}} block: its type ({@code paths}, {@code schedule}, {@code lr-finder}), its
     * parsed JSON, and its line in the chapter file for messages.
     */
    record Widget(String type, Map<String, Object> spec, int line) implements ChapterPart {
    }

    /** A widget block that could not be read, with the reason, shown in place of the figure. */
    record BrokenWidget(String problem, int line) implements ChapterPart {
    }
}
