package dev.optimlab.progress;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.GradeTimeline;
import dev.optimlab.course.Lang;
import dev.optimlab.course.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A learner's drafts, attempts, hints, solution views and progress. Learners are named by their account id
 * ({@code users.id}); every query takes it, so no method returns another learner's data.
 */
@Service
public class ProgressService {

    /** The largest program accepted for a draft or an attempt, as DESIGN.md's program size limit. */
    public static final int MAX_CODE_BYTES = 100 * 1024;

    private final AttemptGrader grader;
    private final CourseExercises exercises;
    private final DueDates dueDates;
    private final DraftRepository drafts;
    private final AttemptRepository attempts;
    private final ExerciseProgressRepository progress;
    private final HintRevealRepository hints;
    private final SolutionViewRepository solutionViews;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final H2Durability durability;

    @Autowired
    ProgressService(AttemptGrader grader, CourseExercises exercises, ObjectProvider<DueDates> dueDates, DraftRepository drafts,
                    AttemptRepository attempts, ExerciseProgressRepository progress, HintRevealRepository hints,
                    SolutionViewRepository solutionViews, ApplicationEventPublisher events,
                    PlatformTransactionManager transactions, H2Durability durability) {
        this(grader, exercises, dueDates.getIfAvailable(() -> DueDates.NONE), drafts, attempts, progress, hints,
                solutionViews, events, transactions, durability);
    }

    ProgressService(AttemptGrader grader, CourseExercises exercises, DueDates dueDates, DraftRepository drafts,
                    AttemptRepository attempts, ExerciseProgressRepository progress, HintRevealRepository hints,
                    SolutionViewRepository solutionViews, ApplicationEventPublisher events,
                    PlatformTransactionManager transactions, H2Durability durability) {
        this.grader = grader;
        this.exercises = exercises;
        this.dueDates = dueDates;
        this.drafts = drafts;
        this.attempts = attempts;
        this.progress = progress;
        this.hints = hints;
        this.solutionViews = solutionViews;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.durability = durability;
    }

    @Transactional(readOnly = true)
    public Optional<Draft> draft(long userId, String exerciseId) {
        return drafts.findByUserIdAndExerciseId(userId, exerciseId);
    }

    @Transactional
    public void saveDraft(long userId, String exerciseId, String code) {
        checkSize(code);
        Instant now = now();
        drafts.findByUserIdAndExerciseId(userId, exerciseId).ifPresentOrElse(d -> d.update(code, now),
                () -> drafts.save(new Draft(userId, exerciseId, code, now)));
    }

    /**
     * Grades the code, then stores the attempt and updates the learner's progress in one transaction. Returns only
     * once that transaction has committed, so a caller may show the attempt as saved. Grading runs outside the
     * transaction: it takes seconds and must not hold a connection.
     *
     * @throws IllegalArgumentException when the code is over {@link #MAX_CODE_BYTES}
     * @throws GradingRefused when the run queue did not take the attempt; nothing is stored
     */
    public StoredAttempt submit(long userId, Exercise exercise, String code, Lang lang) {
        checkSize(code);
        Verdict verdict = grader.grade(userId, exercise, code, lang);
        Instant at = now();
        boolean late = dueDates.dueFor(userId, exercise.chapterFolder()).map(at::isAfter).orElse(false);
        Attempt stored = transaction.execute(status -> {
            Attempt attempt = attempts.save(new Attempt(userId, exercise.id(), exercise.contentHash(), code,
                    verdict.toJson(), verdict.gradable(), verdict.score(), verdict.durationMs(), late, at));
            if (verdict.gradable()) {
                ExerciseProgress row = progress.findByUserIdAndExerciseId(userId, exercise.id())
                        .orElseGet(() -> progress.save(new ExerciseProgress(userId, exercise.id(), at)));
                row.record(verdict.score(), at);
            }
            attempts.flush();
            events.publishEvent(new AttemptRecorded(userId, exercise.id(), attempt.id(), verdict.score()));
            return attempt;
        });
        durability.attemptCommitted();
        GradeTimeline.markCurrent(GradeTimeline.Stage.STORED);
        return StoredAttempt.of(stored);
    }

    /** The learner's attempts at an exercise, newest first. */
    @Transactional(readOnly = true)
    public List<StoredAttempt> attempts(long userId, String exerciseId) {
        return attempts.findByUserIdAndExerciseIdOrderByCreatedAtDescIdDesc(userId, exerciseId).stream()
                .map(StoredAttempt::of).toList();
    }

    /** The learner's latest attempts at any exercise, newest first. */
    @Transactional(readOnly = true)
    public List<StoredAttempt> recentAttempts(long userId, int limit) {
        return attempts.findByUserIdOrderByCreatedAtDescIdDesc(userId, Limit.of(limit)).stream()
                .map(StoredAttempt::of).toList();
    }

    /** One attempt, only when it belongs to the learner: another learner's id finds nothing. */
    @Transactional(readOnly = true)
    public Optional<StoredAttempt> attempt(long userId, long attemptId) {
        return attempts.findByIdAndUserId(attemptId, userId).map(StoredAttempt::of);
    }

    /** Whether an attempt with this id exists at all, so that an API can tell "not yours" from "no such attempt". */
    @Transactional(readOnly = true)
    public boolean attemptExists(long attemptId) {
        return attempts.existsById(attemptId);
    }

    /** Opens the next hint and returns how many are open now (at most as many as the exercise has). */
    @Transactional
    public int revealNextHint(long userId, Exercise exercise) {
        HintReveal reveal = hints.findByUserIdAndExerciseId(userId, exercise.id())
                .orElseGet(() -> hints.save(new HintReveal(userId, exercise.id())));
        return reveal.revealNext(exercise.hints().size());
    }

    @Transactional(readOnly = true)
    public int hintsRevealed(long userId, String exerciseId) {
        return hints.findByUserIdAndExerciseId(userId, exerciseId).map(HintReveal::revealed).orElse(0);
    }

    /** The solution may be shown once the exercise is solved or after {@code reveal_solution_after} graded attempts. */
    @Transactional(readOnly = true)
    public boolean solutionAvailable(long userId, Exercise exercise) {
        return progress.findByUserIdAndExerciseId(userId, exercise.id())
                .map(p -> p.solvedAt().isPresent() || p.attempts() >= exercise.revealSolutionAfter())
                .orElse(false);
    }

    /** Records the first look at the solution; refuses while the solution is not yet available. */
    @Transactional
    public void markSolutionViewed(long userId, Exercise exercise) {
        if (!solutionAvailable(userId, exercise)) {
            throw new IllegalStateException("the solution of " + exercise.id() + " opens after "
                    + exercise.revealSolutionAfter() + " graded attempts or once it is solved");
        }
        if (!solutionViews.existsByUserIdAndExerciseId(userId, exercise.id())) {
            solutionViews.save(new SolutionView(userId, exercise.id(), now()));
        }
    }

    @Transactional(readOnly = true)
    public boolean solutionViewed(long userId, String exerciseId) {
        return solutionViews.existsByUserIdAndExerciseId(userId, exerciseId);
    }

    /** The learner's state on every exercise of the course, in course order. */
    @Transactional(readOnly = true)
    public Map<String, ExerciseState> states(long userId) {
        return states(userId, exercises.all().stream().map(Exercise::id).toList());
    }

    /** The learner's state on each given exercise, in the order given; exercises never tried are NOT_STARTED. */
    @Transactional(readOnly = true)
    public Map<String, ExerciseState> states(long userId, List<String> exerciseIds) {
        Map<String, ExerciseProgress> rows = new LinkedHashMap<>();
        progress.findByUserId(userId).forEach(p -> rows.put(p.exerciseId(), p));
        Map<String, ExerciseState> states = new LinkedHashMap<>();
        for (String id : exerciseIds) {
            ExerciseProgress row = rows.get(id);
            states.put(id, row == null ? ExerciseState.notStarted(id) : ExerciseState.of(row));
        }
        return states;
    }

    private static void checkSize(String code) {
        if (code.getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            throw new IllegalArgumentException("the program is over " + MAX_CODE_BYTES / 1024 + " KiB");
        }
    }

    /** Microseconds, the precision the database keeps, so what is returned equals what is read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
