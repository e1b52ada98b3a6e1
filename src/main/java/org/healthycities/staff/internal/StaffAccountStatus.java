package org.healthycities.staff.internal;

import org.healthycities.security.AccountStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class StaffAccountStatus implements AccountStatus {

    private final StaffAccounts accounts;

    StaffAccountStatus(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean active(String userId) {
        return userId == null || accounts.active(userId.strip());
    }
}
