package dev.optimlab.course.ui;

import dev.optimlab.course.Chapter;
import dev.optimlab.course.ContentSource;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.ExerciseLoader;
import dev.optimlab.course.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the pages need of the course beyond its chapters: the exercises by id and per chapter, and the code of
 * each {@code ```python run} block. Read once from the same place as the {@link CourseCatalog}.
 */
@Component
public class CourseContent {

    private final ContentSource source;
    private final Map<String, Exercise> exercises;

    CourseContent(CourseCatalog catalog, @Value("${optimlab.content-dir:}") String contentDir) {
        this.source = contentDir.isBlank() ? ContentSource.classpath("content") : ContentSource.directory(Path.of(contentDir));
        this.exercises = new ExerciseLoader(source).load(catalog.course());
    }

    public Optional<Exercise> exercise(String id) {
        return Optional.ofNullable(exercises.get(id));
    }

    /** The chapter's exercises in the order its index lists them. */
    public List<Exercise> exercisesOf(Chapter chapter) {
        return exercises.values().stream().filter(e -> e.chapterFolder().equals(chapter.folder())).toList();
    }

    /** The code of the chapter's runnable blocks, in order, as the reader's language has them. */
    public List<String> runnableBlocks(Chapter chapter, Lang lang) {
        List<String> blocks = new ArrayList<>();
        String[] lines = source.read(chapter.textPath(lang)).orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().matches("```python\\s+run\\b.*")) {
                StringBuilder code = new StringBuilder();
                for (i = i + 1; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    code.append(lines[i]).append('\n');
                }
                blocks.add(code.toString());
            }
        }
        return blocks;
    }
}
