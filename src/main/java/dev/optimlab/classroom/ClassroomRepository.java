package dev.optimlab.classroom;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Classrooms by join code and by owner. */
interface ClassroomRepository extends JpaRepository<Classroom, Long> {

    Optional<Classroom> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);

    List<Classroom> findByOwnerIdOrderByCreatedAtDesc(long ownerId);

    List<Classroom> findAllByOrderByCreatedAtDesc();
}
