package dev.optimlab.classroom;

import java.time.Instant;

/** A learner on a classroom's roster, as the instructor sees them. */
public record Member(long userId, String username, String displayName, Instant joinedAt) {
}
