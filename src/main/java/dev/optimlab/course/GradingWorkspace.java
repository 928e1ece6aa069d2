package dev.optimlab.course;

import dev.optimlab.pylite.bridge.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh temporary folder for one graded run, so that {@code torch.save} and {@code torch.load} work as in
 * the learner's own workspace; it holds at most {@link #CAP} bytes and is deleted when closed.
 */
final class GradingWorkspace implements Storage, AutoCloseable {

    /** What one graded run may save: a few checkpoints of the course's small models, never a disk's worth. */
    static final long CAP = 16L << 20;
    private final Path root;
    private final Storage folder;
    private final Map<String, Long> sizes = new HashMap<>();
    private boolean closed;

    private GradingWorkspace(Path root) {
        this.root = root;
        this.folder = Storage.folder(root);
    }

    static GradingWorkspace create() {
        try {
            return new GradingWorkspace(Files.createTempDirectory("optimlab-grade-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a grading workspace", e);
        }
    }

    Path root() {
        return root;
    }

    @Override
    public synchronized void write(String path, byte[] data) throws IOException {
        if (closed) {
            throw new IOException("the graded run is over");
        }
        long others = sizes.entrySet().stream().filter(e -> !e.getKey().equals(path))
                .mapToLong(Map.Entry::getValue).sum();
        if (others + data.length > CAP) {
            throw new IOException("the files of one graded run may hold at most " + CAP / (1 << 20)
                    + " MiB");
        }
        folder.write(path, data);
        sizes.put(path, (long) data.length);
    }

    @Override
    public synchronized byte[] read(String path) throws IOException {
        return folder.read(path);
    }

    /** Deletes the folder; a program stopped by a limit may still be running, so later writes are refused. */
    @Override
    public synchronized void close() {
        closed = true;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a verdict must not fail over a temporary folder; what is left goes when the JVM exits
            root.toFile().deleteOnExit();
        }
    }
}
