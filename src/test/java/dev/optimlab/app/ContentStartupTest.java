package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

class ContentStartupTest {

    @TempDir
    Path content;

    @Test
    @DisplayName("a malformed course.yaml stops start-up with a report naming the file and position")
    void malformedCourseStopsStartup() throws Exception {
        Files.writeString(content.resolve("course.yaml"), "title:\n  en: A\n  zh: B\nchapters: [\n");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            assertThatThrownBy(() -> SpringApplication.run(Application.class, "--server.port=0",
                    "--optimlab.content-dir=" + content, "--spring.datasource.url=jdbc:h2:mem:startup-test"))
                    .hasRootCauseInstanceOf(dev.optimlab.course.ContentException.class);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("APPLICATION FAILED TO START")
                .contains("The course content could not be loaded:")
                .contains(content.resolve("course.yaml") + ":4:")
                .contains("not valid YAML");
    }
}
