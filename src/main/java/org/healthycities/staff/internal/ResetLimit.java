package org.healthycities.staff.internal;

import java.time.Duration;
import java.util.Locale;
import org.healthycities.security.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many "forgot password" requests an address may send, and how many reset mails one user gets, per hour
 * (keys {@code reset-address:} and {@code reset-user:} of the shared {@link Throttle}).
 */
@Component
class ResetLimit {

    private final Throttle throttle;
    private final int perAddress;
    private final int perUser;
    private final Duration window;

    ResetLimit(Throttle throttle,
               @Value("${hc.security.reset.per-address:10}") int perAddress,
               @Value("${hc.security.reset.per-user:3}") int perUser,
               @Value("${hc.security.reset.window:PT1H}") Duration window) {
        this.throttle = throttle;
        this.perAddress = perAddress;
        this.perUser = perUser;
        this.window = window;
    }

    /** Counts a request from the address; false when it is one too many. */
    boolean addressMay(String address) {
        return throttle.may("reset-address:" + (address == null ? "unknown" : address), perAddress, window);
    }

    /** Counts a reset mail for the user; false when it is one too many. */
    boolean userMay(String userId) {
        return throttle.may("reset-user:" + userId.toLowerCase(Locale.ROOT), perUser, window);
    }
}
