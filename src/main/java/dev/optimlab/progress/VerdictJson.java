package dev.optimlab.progress;

import dev.optimlab.course.Verdict;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads back the verdict JSON that {@link Verdict#toJson()} wrote, so a stored attempt shows as it was graded. */
final class VerdictJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VerdictJson() {
    }

    static Verdict parse(String json) {
        JsonNode root = JSON.readTree(json);
        List<Verdict.Check> checks = new ArrayList<>();
        for (JsonNode c : root.path("checks")) {
            checks.add(new Verdict.Check(c.path("name").asString(), c.path("points").asInt(),
                    c.path("max_points").asInt(), c.path("passed").asBoolean(), c.path("feedback").asString(),
                    c.path("hidden").asBoolean()));
        }
        return new Verdict(root.path("gradable").asBoolean(), root.path("score").asDouble(), root.path("points").asInt(),
                root.path("max_points").asInt(), root.path("message").asString(), checks, root.path("output").asString(),
                root.path("duration_ms").asLong());
    }
}
