package org.healthycities.staff.internal;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": every active user with the address gets a reset link (one hour); an unknown address, a
 * deactivated user or one who already had three links this hour gets nothing, and the page says the same.
 */
@Service
class ForgottenPasswords {

    private final IdentityService identity;
    private final StaffAccounts accounts;
    private final PasswordLinks links;
    private final ResetLimit limit;

    ForgottenPasswords(IdentityService identity, StaffAccounts accounts, PasswordLinks links, ResetLimit limit) {
        this.identity = identity;
        this.accounts = accounts;
        this.links = links;
        this.limit = limit;
    }

    /** False when the address has asked too often; else true, whether or not a mail went out. */
    @Transactional
    boolean request(String email, String address) {
        if (!limit.addressMay(address)) {
            return false;
        }
        String wanted = email.strip();
        if (wanted.length() > 200) {
            return true;
        }
        for (User user : identity.createUserQuery().userEmail(wanted).list()) {
            if (accounts.active(user.getId()) && limit.userMay(user.getId())) {
                links.mail(user, StaffLink.Purpose.RESET, Map.of());
            }
        }
        return true;
    }
}
