package org.healthycities.network;

/** Members made in memory for tests outside this package (a controller slice's page); none is saved. */
public final class UnsavedMembers {

    private UnsavedMembers() {
    }

    public static Member member(String networkId, String code, String name, MemberKind kind, MemberStatus status) {
        return new Member(networkId, code, name, kind, status);
    }
}
