package dev.optimlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The code a learner last typed for an exercise, kept so that it survives a closed tab or a sign-in. */
@Entity
@Table(name = "drafts")
public class Draft {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "exercise_id", nullable = false, length = 100)
    private String exerciseId;

    @Column(nullable = false, length = 200_000)
    private String code;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Draft() {
    }

    Draft(long userId, String exerciseId, String code, Instant updatedAt) {
        this.userId = userId;
        this.exerciseId = Objects.requireNonNull(exerciseId, "exerciseId");
        update(code, updatedAt);
    }

    void update(String code, Instant at) {
        this.code = Objects.requireNonNull(code, "code");
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public long userId() {
        return userId;
    }

    public String exerciseId() {
        return exerciseId;
    }

    public String code() {
        return code;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
