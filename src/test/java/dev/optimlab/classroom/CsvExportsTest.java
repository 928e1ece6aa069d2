package dev.optimlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvExportsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.RFC4180).get()) {
            return parser.getRecords();
        }
    }

    private static Member member(String username, String displayName) {
        return new Member(1, username, displayName, MONDAY);
    }

    @Nested
    @DisplayName("the grades CSV")
    class Grades {

        final List<Gradebook.Column> columns = List.of(new Gradebook.Column("zero-grad", "01-training-loop", 2),
                new Gradebook.Column("momentum-by-hand", "03-sgd-momentum", 3), new Gradebook.Column("warmup", "06-schedules", 1));

        final Gradebook gradebook = new Gradebook(columns, List.of(
                new Gradebook.Row(member("wang", "王小明"), Map.of(
                        "zero-grad", new Gradebook.Cell(1.0, 2, MONDAY, false),
                        "momentum-by-hand", new Gradebook.Cell(0.5, 4, MONDAY, true))),
                new Gradebook.Row(member("-mallory", "=HYPERLINK(\"http://evil\",\"x\")"), Map.of(
                        "warmup", new Gradebook.Cell(1.0 / 3, 1, MONDAY, true)))));

        @Test
        @DisplayName("has one row per learner and one column per exercise in course order, then total, maximum and late exercises")
        void layout() throws IOException {
            List<CSVRecord> records = parse(CsvExports.grades(gradebook));
            assertThat(records.get(0).values()).containsExactly("username", "display_name", "zero-grad", "momentum-by-hand", "warmup",
                    "total", "max_total", "late");
            assertThat(records.get(1).values()).containsExactly("wang", "王小明", "2", "1.5", "", "3.5", "6", "momentum-by-hand");
            assertThat(records).hasSize(3);
        }

        @Test
        @DisplayName("neutralises cells a spreadsheet would run as formulas, and rounds points to two decimals")
        void neutralisesFormulas() throws IOException {
            CSVRecord mallory = parse(CsvExports.grades(gradebook)).get(2);
            assertThat(mallory.values()).containsExactly("'-mallory", "'=HYPERLINK(\"http://evil\",\"x\")", "", "", "0.33", "0.33", "6", "warmup");
        }

        @Test
        @DisplayName("keeps Chinese names intact and starts the download with a UTF-8 byte-order mark for Excel")
        void chineseNames() {
            byte[] bytes = CsvExports.utf8WithBom(CsvExports.grades(gradebook));
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("wang,王小明,2,1.5,");
        }

        @Test
        @DisplayName("ends every record with CRLF, as RFC 4180 asks")
        void lineEnds() {
            String csv = CsvExports.grades(gradebook);
            assertThat(csv).endsWith("\r\n");
            assertThat(csv.split("\r\n")).hasSize(3);
            assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
        }
    }

    static Stream<Arguments> dangerousCells() {
        return Stream.of(
                Arguments.of("=1+2", "'=1+2"),
                Arguments.of("+41 79 000", "'+41 79 000"),
                Arguments.of("-2+3", "'-2+3"),
                Arguments.of("@SUM(A1)", "'@SUM(A1)"),
                Arguments.of("\t=1", "'\t=1"),
                Arguments.of("\r=1", "'\r=1"),
                Arguments.of("plain text", "plain text"),
                Arguments.of("a=b", "a=b"),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @MethodSource("dangerousCells")
    @DisplayName("a text cell starting with = + - @ tab or CR gets a quote in front; others stay as they are")
    void neutralize(String cell, String written) {
        assertThat(CsvExports.neutralize(cell)).isEqualTo(written);
    }

    @Test
    @DisplayName("the attempts CSV lists each attempt with its failed checks and its code, multi-line code quoted")
    void attempts() throws IOException {
        String code = "import torch\nopt.step()\n";
        String csv = CsvExports.attempts(List.of(
                new CsvExports.AttemptRecord("li", "李雷", "zero-grad", 7, MONDAY, 0.5, true, false, 120,
                        List.of("zero_grad_called", "loss_decreases"), code),
                new CsvExports.AttemptRecord("li", "李雷", "zero-grad", 9, MONDAY.plusSeconds(60), 0.0, false, true, 5, List.of(), "=cmd")));
        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).values()).containsExactly("username", "display_name", "exercise", "attempt_id", "created_at", "score",
                "gradable", "late", "duration_ms", "failed_checks", "code");
        assertThat(records.get(1).values()).containsExactly("li", "李雷", "zero-grad", "7", "2026-11-16T09:00:00Z", "0.5", "true", "false",
                "120", "zero_grad_called; loss_decreases", code);
        assertThat(records.get(2).values()).containsExactly("li", "李雷", "zero-grad", "9", "2026-11-16T09:01:00Z", "0", "false", "true",
                "5", "", "'=cmd");
    }
}
