package dev.optimlab.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the course content is read from: a folder (for authors) or the content packaged in the jar. */
public interface ContentSource {

    /** The UTF-8 text of a file, by its path relative to the content root. */
    Optional<String> read(String relativePath);

    /** How a file is named in messages to authors. */
    String describe(String relativePath);

    /**
     * The names of the sub-folders of a folder, sorted; empty where the source cannot list them (the jar), so
     * only a folder source can reveal chapters or exercises that nothing lists.
     */
    default List<String> folders(String relativeDir) {
        return List.of();
    }

    static ContentSource directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return new ContentSource() {
            @Override
            public Optional<String> read(String relativePath) {
                Path file = base.resolve(relativePath).normalize();
                if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe(String relativePath) {
                return base.resolve(relativePath).toString();
            }

            @Override
            public List<String> folders(String relativeDir) {
                Path dir = base.resolve(relativeDir).normalize();
                if (!dir.startsWith(base) || !Files.isDirectory(dir)) {
                    return List.of();
                }
                try (Stream<Path> children = Files.list(dir)) {
                    return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static ContentSource classpath(String prefix) {
        ClassLoader loader = ContentSource.class.getClassLoader();
        return new ContentSource() {
            @Override
            public Optional<String> read(String relativePath) {
                if (relativePath.contains("..")) {
                    return Optional.empty();
                }
                try (InputStream in = loader.getResourceAsStream(prefix + "/" + relativePath)) {
                    return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe(String relativePath) {
                return prefix + "/" + relativePath;
            }
        };
    }
}
