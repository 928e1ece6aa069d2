package dev.optimlab.progress;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.GradeTimeline;
import dev.optimlab.course.GradingService;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.SubmitResult;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import org.springframework.stereotype.Component;

/**
 * Grades an attempt as the learner's Submit on the run service ({@link GradingService}), so that the browser's
 * Submit and the HTTP API share the workers, the fair CPU scheduling and the one-Submit-at-a-time rule with
 * everyone's Runs; the calling thread waits for the verdict.
 */
@Component
class CourseAttemptGrader implements AttemptGrader {

    private final GradingService grading;
    private final UserAccountRepository accounts;

    CourseAttemptGrader(GradingService grading, UserAccountRepository accounts) {
        this.grading = grading;
        this.accounts = accounts;
    }

    @Override
    public Verdict grade(long userId, Exercise exercise, String code, Lang lang) {
        String learner = accounts.findById(userId).map(UserAccount::username).orElse("user-" + userId);
        return switch (grading.grade(Learner.member(learner), exercise, code, lang)) {
            case GradingService.Queued queued -> {
                Verdict verdict = queued.verdict().join();
                GradeTimeline.markCurrent(GradeTimeline.Stage.VERDICT_HANDED);
                yield verdict;
            }
            case GradingService.Refused refused -> throw new GradingRefused(refused.message(),
                    refused.reason() != SubmitResult.Reason.SUBMISSION_PENDING, refused.retryAfter());
        };
    }
}
