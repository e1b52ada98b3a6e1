package org.healthycities.network;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One field of a member changed: by whom, when, through which way in, and its value before and after. */
@Entity
public class MemberChange {

    /** How the change came in. */
    public enum Source { CREATED, EDIT, IMPORT, BY_HAND, ONBOARDING }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long memberId;
    private Instant changedAt;
    private String changedBy;
    @Enumerated(EnumType.STRING)
    private Source source;
    private String property;
    private String beforeValue;
    private String afterValue;

    protected MemberChange() {
    }

    MemberChange(Long memberId, Instant changedAt, String changedBy, Source source, MemberDetails.Change change) {
        this.memberId = memberId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.source = source;
        this.property = change.property();
        this.beforeValue = cut(change.before());
        this.afterValue = cut(change.after());
    }

    private static String cut(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    public Long getMemberId() { return memberId; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public Source getSource() { return source; }
    public String getProperty() { return property; }
    public String getBeforeValue() { return beforeValue; }
    public String getAfterValue() { return afterValue; }
}
