package dev.optimlab.course;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome of grading one attempt, in the shape of Otter-Grader's and PrairieLearn's results: a score from 0
 * to 1 and one entry per check. {@code gradable == false} means the checks themselves failed: such a verdict
 * never counts against the learner.
 */
public record Verdict(boolean gradable, double score, int points, int maxPoints, String message, List<Check> checks,
                      String output, long durationMs) {

    /** One check as the learner sees it; a hidden check keeps its name and feedback to itself. */
    public record Check(String name, int points, int maxPoints, boolean passed, String feedback, boolean hidden) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public Verdict {
        checks = List.copyOf(checks);
    }

    /** The verdict JSON with snake_case keys, as DESIGN.md's Check API describes it. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gradable", gradable);
        json.put("score", score);
        json.put("points", points);
        json.put("max_points", maxPoints);
        json.put("message", message);
        json.put("checks", checks.stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", c.name());
            check.put("points", c.points());
            check.put("max_points", c.maxPoints());
            check.put("passed", c.passed());
            check.put("feedback", c.feedback());
            check.put("hidden", c.hidden());
            return check;
        }).toList());
        json.put("output", output);
        json.put("duration_ms", durationMs);
        return JSON.writeValueAsString(json);
    }
}
