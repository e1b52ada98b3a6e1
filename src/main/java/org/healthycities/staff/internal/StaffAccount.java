package org.healthycities.staff.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What our pages know of a staff user beyond Camunda's identity service: who invited the person, and whether the
 * account is switched off. A user without a row (made before this feature, or in Camunda Admin) is active.
 */
@Entity
@Table(name = "staff_account")
class StaffAccount {

    @Id
    private String userId;
    private String invitedBy;
    private Instant invitedAt;
    private String deactivatedBy;
    private Instant deactivatedAt;
    @Version
    private int version;

    protected StaffAccount() {
    }

    private StaffAccount(String userId) {
        this.userId = userId;
    }

    static StaffAccount invited(String userId, String by, Instant at) {
        StaffAccount account = new StaffAccount(userId);
        account.invitedBy = by;
        account.invitedAt = at;
        return account;
    }

    /** The row of a user who had none yet. */
    static StaffAccount existing(String userId) {
        return new StaffAccount(userId);
    }

    boolean isActive() {
        return deactivatedAt == null;
    }

    void deactivate(String by, Instant at) {
        if (!isActive()) {
            throw new IllegalStateException(userId + " is already deactivated");
        }
        deactivatedBy = by;
        deactivatedAt = at;
    }

    void reactivate() {
        deactivatedBy = null;
        deactivatedAt = null;
    }

    String getUserId() {
        return userId;
    }

    String getInvitedBy() {
        return invitedBy;
    }

    Instant getInvitedAt() {
        return invitedAt;
    }

    String getDeactivatedBy() {
        return deactivatedBy;
    }

    Instant getDeactivatedAt() {
        return deactivatedAt;
    }
}
