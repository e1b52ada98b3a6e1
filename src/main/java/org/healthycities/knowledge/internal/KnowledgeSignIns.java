package org.healthycities.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.security.Throttle;
import org.healthycities.security.Tokens;
import org.healthycities.web.Dates;
import org.healthycities.web.PublicAddress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in by mail for members' contacts, who have no account: an address that belongs to a contact of an active
 * member gets a one-time link (15 minutes, used once, only its hash kept); using it gives the browser a reader
 * cookie (8 hours, hashed likewise) for that network and member. The answer to a request is the same whether the
 * address is known or not; an address may ask a few times an hour, a mailbox gets a few links an hour.
 */
@Service
class KnowledgeSignIns {

    static final Duration LINK_LIFE = Duration.ofMinutes(15);
    static final Duration READER_LIFE = Duration.ofHours(8);
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int PER_ADDRESS = 10;
    private static final int PER_MAILBOX = 3;

    private final JdbcTemplate jdbc;
    private final MemberService members;
    private final NetworkDirectory networks;
    private final Mailer mailer;
    private final PublicAddress address;
    private final Throttle throttle;
    private final NetworkClock time;
    private final Clock clock;

    KnowledgeSignIns(JdbcTemplate jdbc, MemberService members, NetworkDirectory networks, Mailer mailer,
                     PublicAddress address, Throttle throttle, NetworkClock time, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.networks = networks;
        this.mailer = mailer;
        this.address = address;
        this.throttle = throttle;
        this.time = time;
        this.clock = clock;
    }

    /** False when the client address has asked too often; else true, whether or not a mail went out. */
    @Transactional
    boolean request(String networkId, String email, String clientAddress, Locale locale) {
        if (!throttle.may("bank-address:" + (clientAddress == null ? "unknown" : clientAddress), PER_ADDRESS, WINDOW)) {
            return false;
        }
        String wanted = email == null ? "" : email.strip();
        if (wanted.isEmpty() || wanted.length() > 200) {
            return true;
        }
        Network network = networks.network(networkId).orElseThrow();
        Optional<Contact> contact = contact(networkId, wanted);
        if (contact.isPresent() && throttle.may("bank-mailbox:" + wanted.toLowerCase(Locale.ROOT), PER_MAILBOX, WINDOW)) {
            String token = Tokens.create();
            Instant now = clock.instant();
            jdbc.update("INSERT INTO knowledge_sign_in (token_hash, network_id, member_id, email, name, expires_at, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", Tokens.hash(token), networkId, contact.get().member().getId(),
                    wanted, contact.get().name(), Timestamp.from(now.plus(LINK_LIFE)), Timestamp.from(now));
            mailer.send(OutgoingMail.to(wanted, locale, "knowledge/mail/sign-in", networkId)
                    .withName(contact.get().name())
                    .with("network", network.getName())
                    .with("member", contact.get().member().getName())
                    .with("link", address.url() + "/bank/" + networkId + "/s/" + token)
                    .with("expires", Dates.moment(now.plus(LINK_LIFE), network.getZone(), locale)));
        }
        return true;
    }

    private record Contact(Member member, String name) {
    }

    /** The active member whose coordinator, political or administrative contact has this address. */
    private Optional<Contact> contact(String networkId, String email) {
        for (Member m : members.activeMembers(networkId, time.today(networkId))) {
            for (List<String> c : List.of(List.of(nz(m.getCoordinatorEmail()), nz(m.getCoordinatorName())),
                    List.of(nz(m.getPoliticalContactEmail()), nz(m.getPoliticalContactName())),
                    List.of(nz(m.getAdminContactEmail()), nz(m.getAdminContactName())))) {
                if (c.get(0).equalsIgnoreCase(email)) {
                    return Optional.of(new Contact(m, c.get(1).isEmpty() ? null : c.get(1)));
                }
            }
        }
        return Optional.empty();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    /** Whether the link can still be used in this network (for the page that asks to use it). */
    boolean usable(String networkId, String token) {
        if (!Tokens.plausible(token)) {
            return false;
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_sign_in WHERE token_hash = ? AND network_id = ?"
                + " AND used_at IS NULL AND expires_at > ?", Integer.class, Tokens.hash(token), networkId,
                Timestamp.from(clock.instant()));
        return n != null && n > 0;
    }

    /** Uses the link once: a new reader's cookie token, or empty if the link is unknown, used, expired or another network's. */
    @Transactional
    Optional<String> use(String networkId, String token) {
        if (!Tokens.plausible(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Tokens.hash(token);
        // one statement marks it used: two uses at once cannot both succeed
        if (jdbc.update("UPDATE knowledge_sign_in SET used_at = ? WHERE token_hash = ? AND network_id = ?"
                + " AND used_at IS NULL AND expires_at > ?", Timestamp.from(now), hash, networkId, Timestamp.from(now)) != 1) {
            return Optional.empty();
        }
        String reader = Tokens.create();
        jdbc.update("INSERT INTO knowledge_reader (token_hash, network_id, member_id, email, name, expires_at)"
                + " SELECT ?, network_id, member_id, email, name, ? FROM knowledge_sign_in WHERE token_hash = ?",
                Tokens.hash(reader), Timestamp.from(now.plus(READER_LIFE)), hash);
        return Optional.of(reader);
    }

    /** The reader a cookie stands for in this network, while it lasts and while its member is active. */
    @Transactional(readOnly = true)
    Optional<Reader> reader(String networkId, String cookie) {
        if (!Tokens.plausible(cookie)) {
            return Optional.empty();
        }
        return jdbc.query("SELECT member_id, name, email FROM knowledge_reader WHERE token_hash = ? AND network_id = ?"
                        + " AND expires_at > ?", (rs, i) -> Reader.member(networkId, rs.getLong(1), rs.getString(2),
                        rs.getString(3)), Tokens.hash(cookie), networkId, Timestamp.from(clock.instant()))
                .stream().findFirst()
                .filter(r -> members.find(List.of(networkId), r.memberId())
                        .filter(m -> m.isActiveOn(time.today(networkId))).isPresent());
    }

    @Transactional
    void signOut(String cookie) {
        if (Tokens.plausible(cookie)) {
            jdbc.update("DELETE FROM knowledge_reader WHERE token_hash = ?", Tokens.hash(cookie));
        }
    }
}
