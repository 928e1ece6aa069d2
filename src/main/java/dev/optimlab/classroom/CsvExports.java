package dev.optimlab.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The classroom's CSV files, written by Apache Commons CSV (RFC 4180 quoting) with text cells that a spreadsheet
 * would run as a formula neutralised, as OWASP's "CSV Injection" page advises: a leading {@code = + - @}, tab or
 * carriage return gets a single quote in front. Its counterpart is Python's {@code csv.writer} with that filter.
 */
public final class CsvExports {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvExports() {
    }

    /** One row per learner: username, display name, points per exercise in course order, total, late exercises. */
    public static String grades(Gradebook gradebook) {
        List<String> header = new ArrayList<>(List.of("username", "display_name"));
        gradebook.exercises().forEach(c -> header.add(c.exerciseId()));
        header.addAll(List.of("total", "max_total", "late"));
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(CsvExports::neutralize).toList());
            for (Gradebook.Row row : gradebook.rows()) {
                List<String> record = new ArrayList<>();
                record.add(neutralize(row.member().username()));
                record.add(neutralize(row.member().displayName()));
                for (Gradebook.Column column : gradebook.exercises()) {
                    record.add(row.cell(column.exerciseId()).map(cell -> points(cell.bestScore() * column.points())).orElse(""));
                }
                record.add(points(row.total(gradebook.exercises())));
                record.add(Integer.toString(gradebook.maxPoints()));
                record.add(neutralize(String.join(" ", row.lateExercises(gradebook.exercises()))));
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One row per attempt, oldest first, with the code as submitted. */
    public static String attempts(List<AttemptRecord> attempts) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord("username", "display_name", "exercise", "attempt_id", "created_at", "score", "gradable", "late",
                    "duration_ms", "failed_checks", "code");
            for (AttemptRecord a : attempts) {
                printer.printRecord(neutralize(a.username()), neutralize(a.displayName()), neutralize(a.exerciseId()), a.attemptId(),
                        a.createdAt().toString(), score(a.score()), a.gradable(), a.late(), a.durationMs(),
                        neutralize(String.join("; ", a.failedChecks())), neutralize(a.code()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The accounts a roster import created, with their one-time passwords, to print or mail to the learners. */
    public static String credentials(List<RosterImport.IssuedAccount> accounts) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord("username", "display_name", "one_time_password");
            for (RosterImport.IssuedAccount a : accounts) {
                printer.printRecord(neutralize(a.username()), neutralize(a.displayName()), a.oneTimePassword());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The bytes to download: UTF-8 behind a byte-order mark, without which Excel reads Chinese names as Latin-1. */
    public static byte[] utf8WithBom(String csv) {
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }

    /** A text cell a spreadsheet shows as text rather than evaluates. */
    static String neutralize(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    private static String points(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String score(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** One attempt as the attempts CSV lists it. */
    public record AttemptRecord(String username, String displayName, String exerciseId, long attemptId, Instant createdAt,
                                double score, boolean gradable, boolean late, long durationMs, List<String> failedChecks,
                                String code) {

        public AttemptRecord {
            failedChecks = List.copyOf(failedChecks);
        }
    }
}
