package dev.optimlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** How many of an exercise's hints a learner has opened; hints open in order, one at a time. */
@Entity
@Table(name = "hint_reveals")
public class HintReveal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "exercise_id", nullable = false, length = 100)
    private String exerciseId;

    @Column(nullable = false)
    private int revealed;

    protected HintReveal() {
    }

    HintReveal(long userId, String exerciseId) {
        this.userId = userId;
        this.exerciseId = Objects.requireNonNull(exerciseId, "exerciseId");
    }

    /** Opens one more hint, never more than the exercise has. */
    int revealNext(int available) {
        revealed = Math.min(revealed + 1, available);
        return revealed;
    }

    public int revealed() {
        return revealed;
    }
}
