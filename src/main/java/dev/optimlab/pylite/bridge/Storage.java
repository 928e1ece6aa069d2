package dev.optimlab.pylite.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code torch.save} and {@code torch.load} read and write: the learner's workspace, never the host's
 * file system. Paths are relative, checked by {@link #checkedPath} before they reach an implementation.
 */
public interface Storage {
    /** No workspace: every save or load fails with a clear message. */
    Storage NONE = new Storage() {
        @Override
        public void write(String path, byte[] data) throws IOException {
            throw new IOException("this exercise has no workspace to save files in");
        }

        @Override
        public byte[] read(String path) throws IOException {
            throw new IOException("this exercise has no workspace to load files from");
        }
    };

    void write(String path, byte[] data) throws IOException;

    /** The bytes saved under path; throws {@link java.io.FileNotFoundException} when there are none. */
    byte[] read(String path) throws IOException;

    /** A workspace that is a folder on disk, as the command line uses. */
    static Storage folder(Path root) {
        return new Storage() {
            @Override
            public void write(String path, byte[] data) throws IOException {
                Path file = root.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, data);
            }

            @Override
            public byte[] read(String path) throws IOException {
                Path file = root.resolve(path);
                if (!Files.isRegularFile(file)) {
                    throw new java.io.FileNotFoundException(path);
                }
                return Files.readAllBytes(file);
            }
        };
    }

    /** The path a learner gave, or null when it is absolute or climbs out of the workspace with {@code ..}. */
    static String checkedPath(String path) {
        String p = path.replace('\\', '/');
        if (p.isEmpty() || p.startsWith("/") || p.startsWith("~") || p.matches("^[A-Za-z]:.*")) {
            return null;
        }
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                return null;
            }
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }
}
