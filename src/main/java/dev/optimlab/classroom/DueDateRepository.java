package dev.optimlab.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Classrooms' due dates per chapter. */
interface DueDateRepository extends JpaRepository<DueDate, Long> {

    List<DueDate> findByClassroomIdOrderByChapterFolder(long classroomId);

    Optional<DueDate> findByClassroomIdAndChapterFolder(long classroomId, String chapterFolder);

    /** The earliest due date for a chapter over every classroom the learner is in. */
    @Query("select min(d.dueAt) from DueDate d, Membership m where m.classroomId = d.classroomId"
            + " and m.userId = :userId and d.chapterFolder = :chapterFolder")
    Optional<Instant> earliestDueFor(long userId, String chapterFolder);
}
