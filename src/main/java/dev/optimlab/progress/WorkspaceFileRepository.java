package dev.optimlab.progress;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Workspace files by learner and name. */
interface WorkspaceFileRepository extends JpaRepository<WorkspaceFile, Long> {

    Optional<WorkspaceFile> findByUserIdAndName(long userId, String name);

    /** Names, sizes and times only: listing a workspace must not load every checkpoint's bytes. */
    List<WorkspaceFiles.FileInfo> findByUserIdOrderByName(long userId);

    @Query("select coalesce(sum(f.size), 0) from WorkspaceFile f where f.userId = :userId")
    long totalSize(@Param("userId") long userId);
}
