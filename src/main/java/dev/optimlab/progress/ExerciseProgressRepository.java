package dev.optimlab.progress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Progress rows by learner and exercise. */
public interface ExerciseProgressRepository extends JpaRepository<ExerciseProgress, Long> {

    Optional<ExerciseProgress> findByUserIdAndExerciseId(long userId, String exerciseId);

    List<ExerciseProgress> findByUserId(long userId);

    /** The rows of several learners at once, for a classroom's roster × exercise matrix. */
    List<ExerciseProgress> findByUserIdIn(Collection<Long> userIds);
}
