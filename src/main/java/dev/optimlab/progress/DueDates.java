package dev.optimlab.progress;

import java.time.Instant;
import java.util.Optional;

/**
 * When a learner's work on a chapter is due, if ever; an attempt stored after that instant is marked late.
 * Classrooms provide the real implementation; without one, nothing is ever late.
 */
public interface DueDates {

    DueDates NONE = (userId, chapterFolder) -> Optional.empty();

    Optional<Instant> dueFor(long userId, String chapterFolder);
}
