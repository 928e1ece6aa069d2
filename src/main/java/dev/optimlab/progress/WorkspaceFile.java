package dev.optimlab.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One file in a learner's workspace, such as a {@code torch.save} checkpoint. */
@Entity
@Table(name = "workspace_files")
public class WorkspaceFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(nullable = false)
    private byte[] bytes;

    @Column(nullable = false)
    private long size;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WorkspaceFile() {
    }

    WorkspaceFile(long userId, String name, byte[] bytes, Instant at) {
        this.userId = userId;
        this.name = Objects.requireNonNull(name, "name");
        replace(bytes, at);
    }

    void replace(byte[] bytes, Instant at) {
        this.bytes = bytes.clone();
        this.size = bytes.length;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public String name() {
        return name;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public long size() {
        return size;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
