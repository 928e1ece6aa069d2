package dev.optimlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The first time a learner looked at an exercise's reference solution, so an instructor can tell. */
@Entity
@Table(name = "solution_views")
public class SolutionView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "exercise_id", nullable = false, length = 100)
    private String exerciseId;

    @Column(name = "viewed_at", nullable = false)
    private Instant viewedAt;

    protected SolutionView() {
    }

    SolutionView(long userId, String exerciseId, Instant viewedAt) {
        this.userId = userId;
        this.exerciseId = Objects.requireNonNull(exerciseId, "exerciseId");
        this.viewedAt = Objects.requireNonNull(viewedAt, "viewedAt");
    }

    public Instant viewedAt() {
        return viewedAt;
    }
}
