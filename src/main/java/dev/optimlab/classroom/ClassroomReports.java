package dev.optimlab.classroom;

import dev.optimlab.course.Exercise;
import dev.optimlab.progress.Attempt;
import dev.optimlab.progress.AttemptRepository;
import dev.optimlab.progress.CourseExercises;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an instructor reads about a classroom: the gradebook matrix, per-exercise statistics, a learner's attempts
 * and the attempts export. Only learners on the roster are ever read, so a classroom shows nobody else's work.
 */
@Service
public class ClassroomReports {

    private static final double FULL_SCORE = 1.0;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClassroomService classrooms;
    private final AttemptRepository attempts;
    private final CourseExercises exercises;

    ClassroomReports(ClassroomService classrooms, AttemptRepository attempts, CourseExercises exercises) {
        this.classrooms = classrooms;
        this.attempts = attempts;
        this.exercises = exercises;
    }

    /** Every learner × every exercise of the course, in roster and course order. */
    @Transactional(readOnly = true)
    public Gradebook gradebook(long classroomId) {
        List<Member> roster = classrooms.roster(classroomId);
        Map<Long, List<Attempt>> byLearner = attemptsOf(roster).stream().collect(Collectors.groupingBy(Attempt::userId));
        return new Gradebook(columns(), roster.stream().map(m -> row(m, byLearner.getOrDefault(m.userId(), List.of()))).toList());
    }

    /** One learner's row, for a live update; empty when they are not on the roster. */
    @Transactional(readOnly = true)
    public Optional<Gradebook.Row> row(long classroomId, long userId) {
        return classrooms.roster(classroomId).stream().filter(m -> m.userId() == userId).findFirst()
                .map(m -> row(m, attempts.findByUserIdInOrderByCreatedAtAscIdAsc(List.of(userId))));
    }

    public List<Gradebook.Column> columns() {
        return exercises.all().stream().map(e -> new Gradebook.Column(e.id(), e.chapterFolder(), e.points())).toList();
    }

    /** Statistics per exercise of the course, in course order. */
    @Transactional(readOnly = true)
    public List<ExerciseStatistics> statistics(long classroomId) {
        List<Member> roster = classrooms.roster(classroomId);
        Map<String, List<Attempt>> byExercise = attemptsOf(roster).stream().filter(Attempt::gradable)
                .collect(Collectors.groupingBy(Attempt::exerciseId));
        return exercises.all().stream().map(Exercise::id)
                .map(id -> statistics(id, byExercise.getOrDefault(id, List.of()), roster.size())).toList();
    }

    /** A learner's attempts in time order; empty when the learner is not in the classroom. */
    @Transactional(readOnly = true)
    public List<AttemptDetail> attemptsOf(long classroomId, long userId) {
        if (!classrooms.isMember(classroomId, userId)) {
            return List.of();
        }
        return attempts.findByUserIdInOrderByCreatedAtAscIdAsc(List.of(userId)).stream().map(ClassroomReports::detail).toList();
    }

    private static AttemptDetail detail(Attempt a) {
        List<AttemptDetail.CheckOutcome> checks = new ArrayList<>();
        String message = "";
        try {
            JsonNode verdict = JSON.readTree(a.verdictJson());
            message = verdict.path("message").asString("");
            for (JsonNode c : verdict.path("checks")) {
                checks.add(new AttemptDetail.CheckOutcome(c.path("name").asString(""), c.path("passed").asBoolean(),
                        c.path("points").asInt(), c.path("max_points").asInt(), c.path("feedback").asString("")));
            }
        } catch (JacksonException e) {
            message = "the stored verdict is not valid JSON: " + e.getOriginalMessage();
        }
        return new AttemptDetail(a.id(), a.exerciseId(), a.createdAt(), a.score(), a.gradable(), a.late(), a.code(), message, checks);
    }

    /** Every attempt of the classroom's learners, oldest first, as the attempts CSV lists them. */
    @Transactional(readOnly = true)
    public List<CsvExports.AttemptRecord> attemptRecords(long classroomId) {
        Map<Long, Member> roster = classrooms.roster(classroomId).stream().collect(Collectors.toMap(Member::userId, Function.identity()));
        return attemptsOf(List.copyOf(roster.values())).stream().map(a -> {
            Member m = roster.get(a.userId());
            return new CsvExports.AttemptRecord(m.username(), m.displayName(), a.exerciseId(), a.id(), a.createdAt(), a.score(),
                    a.gradable(), a.late(), a.durationMs(), failedChecks(a.verdictJson()), a.code());
        }).toList();
    }

    /** The names of the checks that failed in a verdict JSON, in the verdict's order. */
    static List<String> failedChecks(String verdictJson) {
        List<String> failed = new ArrayList<>();
        try {
            for (JsonNode check : JSON.readTree(verdictJson).path("checks")) {
                if (!check.path("passed").asBoolean(true)) {
                    failed.add(check.path("name").asString());
                }
            }
        } catch (JacksonException e) {
            return List.of();
        }
        return failed;
    }

    private List<Attempt> attemptsOf(List<Member> roster) {
        return roster.isEmpty() ? List.of() : attempts.findByUserIdInOrderByCreatedAtAscIdAsc(roster.stream().map(Member::userId).toList());
    }

    private static Gradebook.Row row(Member member, List<Attempt> learnerAttempts) {
        Map<String, List<Attempt>> byExercise = learnerAttempts.stream().collect(Collectors.groupingBy(Attempt::exerciseId, LinkedHashMap::new, Collectors.toList()));
        Map<String, Gradebook.Cell> cells = new LinkedHashMap<>();
        byExercise.forEach((exerciseId, list) -> cells.put(exerciseId, cell(list)));
        return new Gradebook.Row(member, cells);
    }

    /** A learner's attempts at one exercise, in time order, summarised. */
    private static Gradebook.Cell cell(List<Attempt> inTimeOrder) {
        List<Attempt> gradable = inTimeOrder.stream().filter(Attempt::gradable).toList();
        double best = gradable.stream().mapToDouble(Attempt::score).max().orElse(0);
        boolean late = gradable.stream().filter(a -> a.score() == best).findFirst().map(Attempt::late).orElse(false);
        Instant last = inTimeOrder.getLast().createdAt();
        return new Gradebook.Cell(best, gradable.size(), last, late);
    }

    private static ExerciseStatistics statistics(String exerciseId, List<Attempt> gradableInTimeOrder, int rosterSize) {
        Map<Long, List<Attempt>> byLearner = gradableInTimeOrder.stream().collect(Collectors.groupingBy(Attempt::userId));
        List<Integer> attemptsToSolve = new ArrayList<>();
        for (List<Attempt> learner : byLearner.values()) {
            for (int i = 0; i < learner.size(); i++) {
                if (learner.get(i).score() >= FULL_SCORE) {
                    attemptsToSolve.add(i + 1);
                    break;
                }
            }
        }
        Map<String, Integer> failures = new TreeMap<>();
        gradableInTimeOrder.forEach(a -> failedChecks(a.verdictJson()).forEach(name -> failures.merge(name, 1, Integer::sum)));
        Optional<ExerciseStatistics.FailedCheck> mostFailed = failures.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> new ExerciseStatistics.FailedCheck(e.getKey(), e.getValue()));
        return new ExerciseStatistics(exerciseId, gradableInTimeOrder.size(), byLearner.size(), attemptsToSolve.size(), rosterSize,
                median(attemptsToSolve), mostFailed);
    }

    /** Python's {@code statistics.median}. */
    static OptionalDouble median(List<Integer> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return OptionalDouble.of(sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0);
    }
}
