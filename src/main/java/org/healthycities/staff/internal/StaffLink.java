package org.healthycities.staff.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time link that lets a person set a password: only the token's SHA-256 is stored. It works once, until it
 * expires; the version makes two uses at the same moment one success and one failure.
 */
@Entity
@Table(name = "staff_link")
class StaffLink {

    enum Purpose {
        /** A new person sets the first password. */
        INVITATION(Duration.ofHours(72)),
        /** A forgotten password. */
        RESET(Duration.ofHours(1));

        final Duration valid;

        Purpose(Duration valid) {
            this.valid = valid;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String tokenHash;
    private String userId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;
    @Version
    private int version;

    protected StaffLink() {
    }

    StaffLink(String tokenHash, String userId, Purpose purpose, Instant now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.purpose = purpose;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.valid);
    }

    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Uses the link up; refused when it is used or expired. */
    void use(Instant now) {
        if (!usable(now)) {
            throw new IllegalStateException("link " + id + " is used or expired");
        }
        usedAt = now;
    }

    /** Ends an unused link without using it (a newer link, a deactivation). */
    void revoke(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    String getUserId() {
        return userId;
    }

    Purpose getPurpose() {
        return purpose;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
