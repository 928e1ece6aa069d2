package dev.optimlab.torch;

import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CheckpointStorage} held in memory, like an {@code io.BytesIO} per name; it keeps copies. */
public final class InMemoryCheckpointStorage implements CheckpointStorage {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(String name, byte[] bytes) {
        files.put(name, bytes.clone());
    }

    @Override
    public byte[] read(String name) throws NoSuchFileException {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new NoSuchFileException(name, null, "No such file or directory");
        }
        return bytes.clone();
    }

    @Override
    public boolean exists(String name) {
        return files.containsKey(name);
    }
}
