package dev.optimlab.classroom.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the classroom pages write times and scores. */
final class Formats {

    private Formats() {
    }

    /** A short date and time in the server's zone, which a classroom server shares with its class. */
    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }

    /** A short date and a time to the second, so that attempts made within a minute still show their order. */
    static String dateTimeToSecond(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneId.systemDefault())
                .format(instant);
    }

    static String percent(double score) {
        return Math.round(score * 100) + "%";
    }

    static String points(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
