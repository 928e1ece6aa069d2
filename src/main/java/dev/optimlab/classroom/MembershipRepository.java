package dev.optimlab.classroom;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Who is in which classroom. */
interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByClassroomIdAndUserId(long classroomId, long userId);

    List<Membership> findByClassroomIdOrderByJoinedAt(long classroomId);

    List<Membership> findByUserId(long userId);

    boolean existsByClassroomIdAndUserId(long classroomId, long userId);
}
