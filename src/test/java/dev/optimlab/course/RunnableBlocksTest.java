package dev.optimlab.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code ```python run} block of every chapter, in both languages, runs to the end on our core. */
class RunnableBlocksTest {

    /** A runnable block: where it stands and its code. */
    record Block(String file, int line, String code) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    @BeforeAll
    static void registerTorch() {
        TorchBridge.register();
    }

    static Stream<Block> blocks() {
        ContentSource source = ContentSource.directory(Path.of("content"));
        List<Block> blocks = new ArrayList<>();
        for (Chapter chapter : new CourseLoader(source).load().chapters()) {
            for (Lang lang : Lang.values()) {
                String path = chapter.textPath(lang);
                blocks.addAll(extract(source.describe(path), source.read(path).orElseThrow()));
            }
        }
        return blocks.stream();
    }

    static List<Block> extract(String file, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().matches("```python\\s+run\\b.*")) {
                StringBuilder code = new StringBuilder();
                int start = i + 1;
                for (i = start; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    code.append(lines[i]).append('\n');
                }
                blocks.add(new Block(file, start, code.toString()));
            }
        }
        return blocks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    @DisplayName("a runnable chapter block runs without error")
    void blockRuns(Block block) throws IOException {
        Path workspace = Files.createTempDirectory("block");
        Limits limits = Limits.defaults().withWallTime(Duration.ofSeconds(60));
        RunResult result = TorchBridge.run(block.code(), "main.py", limits, RunListener.NONE, Storage.folder(workspace),
                TorchEvents.NONE);
        assertThat(result.status()).as("%s ended with:%n%s", block, result.stderr()).isEqualTo(RunResult.Status.OK);
        assertThat(result.stdout()).as("%s printed nothing", block).isNotEmpty();
    }
}
