package dev.optimlab.runs;

import dev.optimlab.pylite.bridge.LrSweep;
import dev.optimlab.pylite.bridge.Storage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A learner's program and the place it may keep files, as {@code python3 main.py} run in a folder.
 *
 * @param source the Python source
 * @param filename the name tracebacks show, e.g. {@code main.py}
 * @param workspace the folder {@code torch.save}/{@code torch.load} use, or null for none
 * @param storage where {@code torch.save}/{@code torch.load} keep files when it is not a folder (a signed-in
 *                learner's files in the database), or null; it takes precedence over {@code workspace}
 * @param sweep the learning-rate range test to run the program as, or null for an ordinary run
 */
public record Program(String source, String filename, Path workspace, Storage storage, LrSweep sweep) {

    public Program {
        Objects.requireNonNull(source, "source");
        filename = filename == null || filename.isBlank() ? "main.py" : filename;
    }

    public Program(String source, String filename, Path workspace) {
        this(source, filename, workspace, null, null);
    }

    public Program(String source, String filename, Path workspace, Storage storage) {
        this(source, filename, workspace, storage, null);
    }

    public static Program of(String source) {
        return new Program(source, "main.py", null);
    }

    /** The same program keeping its files in {@code storage}. */
    public Program withStorage(Storage storage) {
        return new Program(source, filename, workspace, storage, sweep);
    }

    /** The same program run as a learning-rate range test: the sweep sets the lr and ends it (see {@link LrSweep}). */
    public Program withSweep(LrSweep sweep) {
        return new Program(source, filename, workspace, storage, sweep);
    }

    /** What the program's {@code torch.save}/{@code torch.load} use. */
    public Storage files() {
        if (storage != null) {
            return storage;
        }
        return workspace == null ? Storage.NONE : Storage.folder(workspace);
    }
}
