package dev.optimlab.progress;

import org.springframework.data.jpa.repository.JpaRepository;

/** Solution views by learner and exercise. */
interface SolutionViewRepository extends JpaRepository<SolutionView, Long> {

    boolean existsByUserIdAndExerciseId(long userId, String exerciseId);
}
