package dev.optimlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** When a classroom expects a chapter's exercises done; attempts after it are flagged late. */
@Entity
@Table(name = "classroom_due_dates")
public class DueDate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "chapter_folder", nullable = false, length = 100)
    private String chapterFolder;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    protected DueDate() {
    }

    DueDate(long classroomId, String chapterFolder, Instant dueAt) {
        this.classroomId = classroomId;
        this.chapterFolder = Objects.requireNonNull(chapterFolder, "chapterFolder");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
    }

    public long classroomId() {
        return classroomId;
    }

    public String chapterFolder() {
        return chapterFolder;
    }

    public Instant dueAt() {
        return dueAt;
    }

    void moveTo(Instant newDueAt) {
        this.dueAt = Objects.requireNonNull(newDueAt, "dueAt");
    }
}
