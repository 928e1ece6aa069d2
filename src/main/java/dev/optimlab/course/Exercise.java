package dev.optimlab.course;

import java.time.Duration;
import java.util.List;

/**
 * One exercise of a chapter: what the learner reads, the starter program, the reference solution and the
 * checks that grade an attempt. Its closest counterparts are an nbgrader/Otter assignment cell with its tests.
 *
 * @param id unique across the course; also the exercise's folder name
 * @param chapterFolder the chapter that holds it, e.g. {@code 01-training-loop}
 * @param contentHash SHA-256 of all its files, so that attempts and cached solutions name the exact version
 * @param wallTime the Submit time limit for this exercise
 * @param memoryBytes what a Submit's program may hold in this exercise, or 0 for the server's Submit budget
 */
public record Exercise(String id, String chapterFolder, Kind kind, int points, LocalizedText title,
                       LocalizedText instructions, List<LocalizedText> hints, List<LocalizedText> choices,
                       int revealSolutionAfter, Duration wallTime, long memoryBytes, String starter, String solution, String checks,
                       String contentHash) {

    /** What the learner does. */
    public enum Kind {
        FIX_BUG("fix-bug"), FILL_IN("fill-in"), BY_HAND("by-hand"), PREDICT("predict"), TUNE("tune"), RESUME("resume");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Exercise {
        hints = List.copyOf(hints);
        choices = List.copyOf(choices);
    }
}
