package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code ```python run} block of every chapter, in both languages, runs to the end on our core. */
class RunnableBlocksTest {

    static Stream<ContentLinter.Block> blocks() {
        ContentSource source = ContentSource.directory(Path.of("content"));
        List<ContentLinter.Block> blocks = new ArrayList<>();
        for (Chapter chapter : new CourseLoader(source).load().chapters()) {
            for (Lang lang : Lang.values()) {
                String path = chapter.textPath(lang);
                blocks.addAll(ContentLinter.runnableBlocks(source.describe(path), source.read(path).orElseThrow()));
            }
        }
        return blocks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    @DisplayName("a runnable chapter block runs without error and prints its result")
    void blockRuns(ContentLinter.Block block) {
        assertThat(ContentLinter.runBlock(block)).as(block.toString()).isEmpty();
    }
}
