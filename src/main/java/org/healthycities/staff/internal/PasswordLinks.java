package org.healthycities.staff.internal;

import org.healthycities.security.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The one-time links by which a person sets a password (an invitation, 72 hours; a reset, one hour): a new link ends
 * the user's older ones; setting the password uses the link up, ends the user's other links and sessions and any
 * login lock. A link of a deactivated user opens nothing.
 */
@Component
class PasswordLinks {

    private final StaffLinks links;
    private final StaffAccounts accounts;
    private final IdentityService identity;
    private final StaffMail mail;
    private final PasswordRule rule;
    private final StaffSessions sessions;
    private final LoginThrottle throttle;
    private final Clock clock;

    PasswordLinks(StaffLinks links, StaffAccounts accounts, IdentityService identity, StaffMail mail,
                  PasswordRule rule, StaffSessions sessions, LoginThrottle throttle, Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.identity = identity;
        this.mail = mail;
        this.rule = rule;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Makes a link for the user and mails it with the purpose's template; the model adds to the mail's. */
    @Transactional
    void mail(User user, StaffLink.Purpose purpose, Map<String, Object> model) {
        Instant now = clock.instant();
        revokeAll(user.getId(), now);
        String token = Tokens.create();
        StaffLink link = links.save(new StaffLink(Tokens.hash(token), user.getId(), purpose, now));
        Map<String, Object> all = new HashMap<>(model);
        all.put("expires", link.getExpiresAt());
        mail.send(user, "staff/mail/" + purpose.name().toLowerCase(Locale.ROOT), "/login/password/" + token,
                all, "staff:link:" + link.getUserId() + ":" + Tokens.hash(token).substring(0, 16));
    }

    /** The open link's purpose and user, if the token opens one now. */
    @Transactional(readOnly = true)
    Optional<StaffLink> open(String token) {
        if (!Tokens.plausible(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.findByTokenHash(Tokens.hash(token))
                .filter(link -> link.usable(now) && accounts.active(link.getUserId()));
    }

    /**
     * Sets the password the form names, if it passes the rule and the link still opens; refusals go to the form's
     * fields. Returns the user's id when the password was set.
     */
    @Transactional
    Optional<String> setPassword(String token, PasswordForm form, Errors errors) {
        Optional<StaffLink> found = open(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StaffLink link = found.get();
        rule.problem(form.getPassword(), link.getUserId())
                .ifPresent(problem -> errors.rejectValue("password", problem));
        if (!errors.hasFieldErrors("password") && !form.getPassword().equals(form.getRepeat())) {
            errors.rejectValue("repeat", "staff.password.repeat");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        link.use(now);
        // written at once: a second use at the same moment fails here on the version, before the password is touched
        links.saveAndFlush(link);
        revokeAll(link.getUserId(), now);
        User user = identity.createUserQuery().userId(link.getUserId()).singleResult();
        user.setPassword(form.getPassword());
        identity.saveUser(user);
        throttle.release(link.getUserId());
        sessions.end(link.getUserId()); // a reset means the old password may be known to someone else
        return Optional.of(link.getUserId());
    }

    /** Ends the user's unused links (a newer link, a deactivation). */
    void revokeAll(String userId, Instant now) {
        links.findByUserIdAndUsedAtIsNull(userId).forEach(l -> l.revoke(now));
    }
}
