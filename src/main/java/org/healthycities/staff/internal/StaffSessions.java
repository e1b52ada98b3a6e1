package org.healthycities.staff.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's web sessions on every node (they live in the database, indexed by the user's name): our pages'
 * and the Camunda webapps' alike (the webapps' login records the name too). The REST API keeps no session.
 */
@Component
class StaffSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void end(String userId) {
        sessions.findByPrincipalName(userId).keySet().forEach(sessions::deleteById);
    }
}
