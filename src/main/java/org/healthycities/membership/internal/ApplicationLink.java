package org.healthycities.membership.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A private link to one application: only the SHA-256 of its token is stored. */
@Entity
@Table(name = "membership_application_link")
class ApplicationLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    Long applicationId;
    String tokenHash;
    Instant createdAt;
    Instant expiresAt;

    protected ApplicationLink() {
    }

    ApplicationLink(Long applicationId, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.applicationId = applicationId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }
}
