package dev.optimlab.progress;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;

/**
 * The one place where a stored attempt gets graded. Today it is {@link dev.optimlab.course.Grader} called in
 * place; a run queue may provide its own bean to grade through fair scheduling instead.
 */
public interface AttemptGrader {

    Verdict grade(Exercise exercise, String code, Lang lang);
}
