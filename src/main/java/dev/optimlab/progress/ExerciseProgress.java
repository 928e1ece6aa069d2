package dev.optimlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A learner's standing on one exercise, kept up to date with every attempt so that dashboards read one row per
 * exercise instead of scanning attempts. Only gradable attempts count.
 */
@Entity
@Table(name = "exercise_progress")
public class ExerciseProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "exercise_id", nullable = false, length = 100)
    private String exerciseId;

    @Column(name = "best_score", nullable = false)
    private double bestScore;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "solved_at")
    private Instant solvedAt;

    @Column(name = "last_activity", nullable = false)
    private Instant lastActivity;

    protected ExerciseProgress() {
    }

    ExerciseProgress(long userId, String exerciseId, Instant at) {
        this.userId = userId;
        this.exerciseId = Objects.requireNonNull(exerciseId, "exerciseId");
        this.lastActivity = Objects.requireNonNull(at, "at");
    }

    /** Counts a graded attempt: the best score only rises, and the first full score marks the exercise solved. */
    void record(double score, Instant at) {
        attempts++;
        bestScore = Math.max(bestScore, score);
        if (score >= 1.0 && solvedAt == null) {
            solvedAt = at;
        }
        lastActivity = at;
    }

    public long userId() {
        return userId;
    }

    public String exerciseId() {
        return exerciseId;
    }

    public double bestScore() {
        return bestScore;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> solvedAt() {
        return Optional.ofNullable(solvedAt);
    }

    public Instant lastActivity() {
        return lastActivity;
    }
}
