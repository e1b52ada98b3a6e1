package org.healthycities.network;

public enum MemberKind {
    MUNICIPALITY, REGION
}
