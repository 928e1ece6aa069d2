package dev.optimlab.progress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** Attempts, always looked up together with their owner so that no query can return someone else's. */
public interface AttemptRepository extends JpaRepository<Attempt, Long> {

    List<Attempt> findByUserIdAndExerciseIdOrderByCreatedAtDescIdDesc(long userId, String exerciseId);

    List<Attempt> findByUserIdOrderByCreatedAtDescIdDesc(long userId, Limit limit);

    Optional<Attempt> findByIdAndUserId(long id, long userId);

    /** Every attempt of the given learners in time order, for an instructor's view of a class. */
    List<Attempt> findByUserIdInOrderByCreatedAtAscIdAsc(Collection<Long> userIds);
}
