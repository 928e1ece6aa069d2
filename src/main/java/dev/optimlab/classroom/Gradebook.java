package dev.optimlab.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A classroom's learners × the course's exercises: what the instructor's matrix shows and the grades CSV holds.
 * Its closest counterpart is a Canvas or Moodle gradebook, one row per learner and one column per assignment.
 *
 * @param exercises the course's exercises in course order
 * @param rows one per learner, in roster order
 */
public record Gradebook(List<Column> exercises, List<Row> rows) {

    /** An exercise as a column: its id, its chapter and what it is worth. */
    public record Column(String exerciseId, String chapterFolder, int points) {
    }

    /** A learner's row: their cells by exercise id; exercises they have not tried have no cell. */
    public record Row(Member member, Map<String, Cell> cells) {

        public Row {
            cells = Map.copyOf(cells);
        }

        public Optional<Cell> cell(String exerciseId) {
            return Optional.ofNullable(cells.get(exerciseId));
        }

        /** Points earned: each exercise's best score times its points. */
        public double total(List<Column> columns) {
            return columns.stream().mapToDouble(c -> cell(c.exerciseId()).map(cell -> cell.bestScore() * c.points()).orElse(0.0)).sum();
        }

        /** The exercises whose best result came after their due date, in column order. */
        public List<String> lateExercises(List<Column> columns) {
            return columns.stream().map(Column::exerciseId).filter(id -> cell(id).map(Cell::late).orElse(false)).toList();
        }
    }

    /**
     * A learner's record on one exercise.
     *
     * @param bestScore the best gradable score, 0 to 1
     * @param attempts gradable attempts (a verdict that could not grade never counts)
     * @param lastActivity the newest attempt
     * @param late whether the first attempt that reached the best score came after the due date
     */
    public record Cell(double bestScore, int attempts, Instant lastActivity, boolean late) {
    }

    public Gradebook {
        exercises = List.copyOf(exercises);
        rows = List.copyOf(rows);
    }

    public int maxPoints() {
        return exercises.stream().mapToInt(Column::points).sum();
    }
}
