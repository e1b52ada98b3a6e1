package org.healthycities.security;

/**
 * Whether a staff account is switched on. A closed account's password is also replaced, so this is the second
 * lock: a password set for it elsewhere (Camunda Admin) still opens nothing. Implemented by the staff feature.
 */
public interface AccountStatus {

    boolean active(String userId);
}
