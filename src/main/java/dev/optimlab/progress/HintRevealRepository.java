package dev.optimlab.progress;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Opened hints by learner and exercise. */
interface HintRevealRepository extends JpaRepository<HintReveal, Long> {

    Optional<HintReveal> findByUserIdAndExerciseId(long userId, String exerciseId);
}
