package org.healthycities.staff.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffAccounts extends JpaRepository<StaffAccount, String> {

    /** A user without a row was made elsewhere (Camunda Admin, the first admin) and is active. */
    default boolean active(String userId) {
        return findById(userId).map(StaffAccount::isActive).orElse(true);
    }
}

interface StaffLinks extends JpaRepository<StaffLink, Long> {

    Optional<StaffLink> findByTokenHash(String tokenHash);

    List<StaffLink> findByUserIdAndUsedAtIsNull(String userId);
}

/** Names the file after a type in it, so the compiler finds its class and an unchanged build compiles nothing again. */
final class StaffRepositories {
    private StaffRepositories() {
    }
}
