package dev.optimlab.progress;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Drafts by learner and exercise. */
interface DraftRepository extends JpaRepository<Draft, Long> {

    Optional<Draft> findByUserIdAndExerciseId(long userId, String exerciseId);
}
