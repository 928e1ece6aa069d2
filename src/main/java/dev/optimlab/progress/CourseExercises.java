package dev.optimlab.progress;

import dev.optimlab.course.ContentSource;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.ExerciseLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The course's exercises by id, read from the same content as {@link CourseCatalog} ({@code optimlab.content-dir}
 * or the packaged course), in course order.
 */
@Component
public class CourseExercises {

    private final Map<String, Exercise> byId;

    public CourseExercises(CourseCatalog catalog, @Value("${optimlab.content-dir:}") String contentDir) {
        ContentSource source = contentDir.isBlank() ? ContentSource.classpath("content") : ContentSource.directory(Path.of(contentDir));
        this.byId = new ExerciseLoader(source).load(catalog.course());
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every exercise, chapter by chapter in course order. */
    public List<Exercise> all() {
        return List.copyOf(byId.values());
    }
}
