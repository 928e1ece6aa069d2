package dev.optimlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A learner in a classroom, since they joined it; a learner is in a classroom at most once. */
@Entity
@Table(name = "memberships")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Membership() {
    }

    Membership(long classroomId, long userId, Instant joinedAt) {
        this.classroomId = classroomId;
        this.userId = userId;
        this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt");
    }

    public long classroomId() {
        return classroomId;
    }

    public long userId() {
        return userId;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
