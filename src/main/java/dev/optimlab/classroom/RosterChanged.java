package dev.optimlab.classroom;

/**
 * Published inside the transaction that adds or removes members of a classroom (a join, a removal, a roster
 * import); open instructor pages re-read their matrix after it commits.
 */
public record RosterChanged(long classroomId) {
}
