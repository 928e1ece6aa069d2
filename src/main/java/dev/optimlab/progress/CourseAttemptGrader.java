package dev.optimlab.progress;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.Grader;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import org.springframework.stereotype.Component;

/**
 * Grades in the calling thread with one shared {@link Grader}, so reference solutions run once per exercise
 * version. A {@code @Primary} {@link AttemptGrader} elsewhere replaces it.
 */
@Component
class CourseAttemptGrader implements AttemptGrader {

    private final Grader grader = new Grader();

    @Override
    public Verdict grade(Exercise exercise, String code, Lang lang) {
        return grader.grade(exercise, code, lang);
    }
}
