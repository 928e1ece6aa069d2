package dev.optimlab.progress;

/**
 * Published inside the transaction that stores an attempt; listen with {@code @TransactionalEventListener}
 * (after commit, the default phase) to see only attempts that are durably stored.
 */
public record AttemptRecorded(long userId, String exerciseId, long attemptId, double score) {
}
