package dev.optimlab.classroom;

import java.time.Instant;
import java.util.List;

/** One attempt as the instructor's drill-down shows it: the code and the verdict's message and checks. */
public record AttemptDetail(long id, String exerciseId, Instant createdAt, double score, boolean gradable, boolean late,
                            String code, String message, List<CheckOutcome> checks) {

    /** One check of the verdict; hidden checks included, since the instructor may see them. */
    public record CheckOutcome(String name, boolean passed, int points, int maxPoints, String feedback) {
    }

    public AttemptDetail {
        checks = List.copyOf(checks);
    }
}
