package org.healthycities.staff.internal;

import java.time.Instant;
import java.util.List;

/** A staff user as the staff pages show one: Camunda's user, groups and networks, and our account row. */
public record StaffMember(String id, String firstName, String lastName, String email, StaffRole role, boolean lead,
                   boolean admin, List<String> networks, boolean active, Instant invitedAt, Instant deactivatedAt) {

    public String name() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? id : name;
    }
}
