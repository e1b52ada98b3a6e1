package org.healthycities.staff.internal;

import org.healthycities.security.CurrentUser;

/** What a staff user does in the networks: the Camunda group that says so. */
public enum StaffRole {
    SECRETARIAT(CurrentUser.SECRETARIAT),
    BOARD(CurrentUser.BOARD);

    final String group;

    StaffRole(String group) {
        this.group = group;
    }
}
