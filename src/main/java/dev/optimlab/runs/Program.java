package dev.optimlab.runs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A learner's program and the place it may keep files, as {@code python3 main.py} run in a folder.
 *
 * @param source the Python source
 * @param filename the name tracebacks show, e.g. {@code main.py}
 * @param workspace the folder {@code torch.save}/{@code torch.load} use, or null for none
 */
public record Program(String source, String filename, Path workspace) {

    public Program {
        Objects.requireNonNull(source, "source");
        filename = filename == null || filename.isBlank() ? "main.py" : filename;
    }

    public static Program of(String source) {
        return new Program(source, "main.py", null);
    }
}
