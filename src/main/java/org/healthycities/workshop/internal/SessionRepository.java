package org.healthycities.workshop.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Repository;

/** Named apart from Spring Session's own "sessionRepository" bean (web sessions in the database). */
@Repository("workshopSessionRepository")
public interface SessionRepository extends JpaRepository<WorkshopSession, Long> {
    List<WorkshopSession> findByWorkshopIdOrderById(Long workshopId);

    List<WorkshopSession> findByStatus(WorkshopSession.Status status);

    Optional<WorkshopSession> findByJoinCodeHash(String joinCodeHash);

    Optional<WorkshopSession> findFirstByOldCodeHashOrderByIdDesc(String oldCodeHash);
}
