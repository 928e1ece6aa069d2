package dev.optimlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One graded Submit: the exact code, the exercise version it was graded against (content hash) and the verdict
 * JSON as the learner saw it. Attempts are never changed once stored.
 */
@Entity
@Table(name = "attempts")
public class Attempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "exercise_id", nullable = false, length = 100)
    private String exerciseId;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(nullable = false, length = 200_000)
    private String code;

    @Column(name = "verdict_json", nullable = false, length = 1_000_000)
    private String verdictJson;

    @Column(nullable = false)
    private boolean gradable;

    @Column(nullable = false)
    private double score;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(nullable = false)
    private boolean late;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attempt() {
    }

    Attempt(long userId, String exerciseId, String contentHash, String code, String verdictJson, boolean gradable,
            double score, long durationMs, boolean late, Instant createdAt) {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a score is between 0 and 1, not " + score);
        }
        this.userId = userId;
        this.exerciseId = Objects.requireNonNull(exerciseId, "exerciseId");
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
        this.code = Objects.requireNonNull(code, "code");
        this.verdictJson = Objects.requireNonNull(verdictJson, "verdictJson");
        this.gradable = gradable;
        this.score = score;
        this.durationMs = durationMs;
        this.late = late;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String exerciseId() {
        return exerciseId;
    }

    public String contentHash() {
        return contentHash;
    }

    public String code() {
        return code;
    }

    public String verdictJson() {
        return verdictJson;
    }

    public boolean gradable() {
        return gradable;
    }

    public double score() {
        return score;
    }

    public long durationMs() {
        return durationMs;
    }

    public boolean late() {
        return late;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
