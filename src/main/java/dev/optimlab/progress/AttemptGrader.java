package dev.optimlab.progress;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;

/**
 * The one place where a stored attempt gets graded: {@link CourseAttemptGrader} queues it on the run service as
 * the learner's Submit, so that grading is scheduled fairly with everyone's programs.
 */
public interface AttemptGrader {

    /**
     * Grades the learner's code and waits for the verdict.
     *
     * @throws GradingRefused when the server did not take the attempt (busy, or the learner's previous
     *                        submission is still being graded); nothing is stored then
     */
    Verdict grade(long userId, Exercise exercise, String code, Lang lang);
}
