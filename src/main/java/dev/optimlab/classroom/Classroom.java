package dev.optimlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An instructor's class: a name, the instructor who owns it and the join code learners type in. Its closest
 * counterpart is a GitHub Classroom or Google Classroom class with its class code.
 */
@Entity
@Table(name = "classrooms")
public class Classroom {

    static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(name = "join_code", nullable = false, unique = true, length = 16)
    private String joinCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Classroom() {
    }

    Classroom(String name, long ownerId, String joinCode, Instant createdAt) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new IllegalArgumentException("a classroom name is 1 to " + MAX_NAME + " characters");
        }
        this.name = name.strip();
        this.ownerId = ownerId;
        this.joinCode = Objects.requireNonNull(joinCode, "joinCode");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long ownerId() {
        return ownerId;
    }

    public String joinCode() {
        return joinCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Same row, same classroom: entities loaded in different transactions compare equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Classroom that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
