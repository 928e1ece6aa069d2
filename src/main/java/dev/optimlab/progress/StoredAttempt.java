package dev.optimlab.progress;

import dev.optimlab.course.Verdict;
import java.time.Instant;

/**
 * An attempt as it is stored, returned once its transaction has committed.
 *
 * @param verdictJson the verdict exactly as stored (DESIGN.md's verdict JSON)
 */
public record StoredAttempt(long id, long userId, String exerciseId, String contentHash, String code, Verdict verdict,
                            String verdictJson, boolean late, Instant createdAt) {

    static StoredAttempt of(Attempt a) {
        return new StoredAttempt(a.id(), a.userId(), a.exerciseId(), a.contentHash(), a.code(),
                VerdictJson.parse(a.verdictJson()), a.verdictJson(), a.late(), a.createdAt());
    }

    public double score() {
        return verdict.score();
    }
}
