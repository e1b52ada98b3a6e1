package org.healthycities.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Slows down the guessing of staff passwords on every way in (our login form, Basic auth on the REST API, the
 * Camunda webapps' login): failures are counted per user and per client address, and a count that grows locks
 * for a while that grows too, never for good. Implemented by the staff feature, which can mail the owner a link
 * that ends a lock at once.
 */
public interface LoginGuard {

    /** Until when a login for this user from this address is refused without looking at the password, if it is. */
    Optional<Instant> lockedUntil(String username, String address);

    /** A wrong password (or an unknown user): counted for the user and for the address. */
    void failed(String username, String address);

    /** A right password: the user's count starts again. */
    void succeeded(String username, String address);
}
