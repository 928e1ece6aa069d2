package dev.optimlab.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-chapter course with one exercise, written to a folder, that lints clean until a test breaks it. */
public final class TinyCourse {

    public static final String CHAPTER_EN = """
            # One

            ## Running

            ```python run
            print(1 + 1)
            ```

            See [the other language](chapter.zh.md) and [PyTorch](https://pytorch.org/docs/stable/optim.html).
            """;

    public static final String CHAPTER_ZH = """
            # 一

            ## 运行

            ```python run
            print(2 + 2)
            ```
            """;

    private static final String EXERCISE = """
            kind: fill-in
            points: 1
            title: {en: Set answer, zh: 设置 answer}
            instructions: {en: Set answer to 1., zh: 把 answer 设为 1。}
            hints:
              - {en: It is a number., zh: 它是一个数。}
              - {en: It is one., zh: 它是一。}
            """;

    static final String CHECKS = """
            from optimlab_checks import check, ns
            for name in ["first", "second", "third"]:
                check(name, ns.get("answer") == 1, feedback={"en": "answer is not 1 yet", "zh": "answer 还不是 1"})
            """;

    private TinyCourse() {
    }

    /** Writes the course into root and returns root. */
    public static Path write(Path root) throws IOException {
        Files.writeString(root.resolve("course.yaml"), """
                title: {en: Tiny, zh: 小课}
                chapters:
                  - folder: 01-one
                    title: {en: One, zh: 一}
                """);
        Path chapter = Files.createDirectories(root.resolve("01-one"));
        Files.writeString(chapter.resolve("chapter.en.md"), CHAPTER_EN);
        Files.writeString(chapter.resolve("chapter.zh.md"), CHAPTER_ZH);
        Path exercise = Files.createDirectories(chapter.resolve("exercises/set-answer"));
        Files.writeString(chapter.resolve("exercises/index.yaml"), "- set-answer\n");
        Files.writeString(exercise.resolve("exercise.yaml"), EXERCISE);
        Files.writeString(exercise.resolve("starter.py"), "answer = 0\n");
        Files.writeString(exercise.resolve("solution.py"), "answer = 1\n");
        Files.writeString(exercise.resolve("checks.py"), CHECKS);
        return root;
    }
}
