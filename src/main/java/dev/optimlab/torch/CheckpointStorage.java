package dev.optimlab.torch;

import java.io.IOException;

/**
 * Where {@link Serialization} keeps checkpoint files: bytes under a relative name. It stands in for the
 * file-like object or path given to {@code torch.save} / {@code torch.load}, so an application can keep
 * a learner's files in a folder, in memory or in a database.
 */
public interface CheckpointStorage {

    /** Stores {@code bytes} under {@code name}, replacing any earlier file of that name. */
    void write(String name, byte[] bytes) throws IOException;

    /** The bytes stored under {@code name}; a missing file is a {@link java.nio.file.NoSuchFileException}. */
    byte[] read(String name) throws IOException;

    /** Whether a file is stored under {@code name}, as {@code os.path.exists}. */
    boolean exists(String name) throws IOException;
}
