package dev.optimlab.course;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The course the app serves, loaded once at start-up from {@code optimlab.content-dir} or, when that is empty,
 * from the content packaged in the jar. Malformed {@code course.yaml} stops start-up with the file and position.
 */
@Service
public class CourseCatalog {

    private final ContentSource source;
    private final Course course;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    public CourseCatalog(@Value("${optimlab.content-dir:}") String contentDir) {
        this.source = contentDir.isBlank() ? ContentSource.classpath("content") : ContentSource.directory(Path.of(contentDir));
        this.course = new CourseLoader(source).load();
    }

    public Course course() {
        return course;
    }

    /** The chapter's text as HTML in the given language. */
    public String chapterHtml(Chapter chapter, Lang lang) {
        return markdown.toHtml(chapterText(chapter, lang));
    }

    /** The chapter as text parts and embedded figures, in order. */
    public java.util.List<ChapterPart> chapterParts(Chapter chapter, Lang lang) {
        return markdown.toParts(chapterText(chapter, lang));
    }

    private String chapterText(Chapter chapter, Lang lang) {
        String path = chapter.textPath(lang);
        return source.read(path).orElseThrow(() -> new ContentException(source.describe(path), "the chapter text is missing"));
    }
}
