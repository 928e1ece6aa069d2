package dev.optimlab.torch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link CheckpointStorage} in one folder, where {@code torch.save(obj, "runs/a.pt")} would write a file
 * relative to the working directory. Names are relative paths inside it: absolute paths and
 * {@code ..} are refused, so a learner's program cannot reach files outside its folder.
 */
public final class FolderCheckpointStorage implements CheckpointStorage {

    private final Path root;

    public FolderCheckpointStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String name, byte[] bytes) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        Files.write(temporary, bytes);
        // Replacing in one move means a reader never sees half a checkpoint.
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public byte[] read(String name) throws IOException {
        return Files.readAllBytes(resolve(name));
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(resolve(name));
    }

    private Path resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a checkpoint needs a file name");
        }
        Path relative = Path.of(name);
        if (relative.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw new IllegalArgumentException("checkpoint names must be relative, not '" + name + "'");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException("checkpoint names may not contain '..': '" + name + "'");
            }
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root) || leavesThroughLink(resolved)) {
            throw new IllegalArgumentException("checkpoint name '" + name + "' leaves the checkpoint folder");
        }
        return resolved;
    }

    /** Whether the deepest existing part of {@code path} is, after following links, outside the folder. */
    private boolean leavesThroughLink(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.exists(root)) {
            return false;
        }
        try {
            return !existing.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }
}
