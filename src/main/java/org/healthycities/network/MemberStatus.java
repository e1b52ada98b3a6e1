package org.healthycities.network;

public enum MemberStatus {
    APPLICANT, ACTIVE, RESIGNED
}
