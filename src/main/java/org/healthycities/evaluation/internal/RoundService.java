package org.healthycities.evaluation.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.healthycities.network.Member;
import org.healthycities.network.MemberJoined;
import org.healthycities.network.MemberService;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opening and closing a network's yearly round; the process steps call in here. The calendar and the round's
 * process are started and told through {@link EvaluationGateway}.
 */
@Service
@Transactional
public class RoundService {

    /** The yearly round opens early in the morning of the network's day. */
    static final LocalTime YEARLY_START_TIME = LocalTime.of(5, 0);

    private static final Logger log = LoggerFactory.getLogger(RoundService.class);

    /** A round refused with a reason (a message key with arguments). */
    static final class Refused extends RuntimeException {
        final String messageKey;
        final Object[] args;

        Refused(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    private final RoundRepository rounds;
    private final EvaluationRepository evaluations;
    private final SettingsRepository settings;
    private final MemberService members;
    private final NetworkDirectory networks;
    private final EvaluationGateway process;
    private final JdbcTemplate jdbc;
    private final NetworkClock time;
    private final int batchSize;
    @PersistenceContext
    private EntityManager entityManager;

    RoundService(RoundRepository rounds, EvaluationRepository evaluations, SettingsRepository settings,
                 MemberService members, NetworkDirectory networks, EvaluationGateway process, JdbcTemplate jdbc,
                 NetworkClock time,
                 @Value("${hc.evaluation.batch-size:50}") int batchSize) {
        this.rounds = rounds;
        this.evaluations = evaluations;
        this.settings = settings;
        this.members = members;
        this.networks = networks;
        this.process = process;
        this.jdbc = jdbc;
        this.time = time;
        this.batchSize = batchSize;
    }

    @Transactional(readOnly = true)
    EvaluationSettings settings(String networkId) {
        return settings.findById(networkId).orElseGet(() -> EvaluationSettings.defaults(networkId));
    }

    void saveSettings(String networkId, boolean autoStart, int month, int day, int answerDays, int graceDays) {
        EvaluationSettings s = settings.findById(networkId).orElseGet(() -> EvaluationSettings.defaults(networkId));
        s.update(autoStart, month, day, answerDays, graceDays);
        settings.save(s);
        // the calendar waits for the new date (or ends when rounds are started by hand only)
        if (!process.settingsChanged(networkId) && autoStart) {
            startCalendar(networkId);
        }
    }

    /**
     * Starts the network's evaluation calendar, the one process that opens the yearly round, unless it runs,
     * automatic rounds are off or the network has no calendar deployed.
     */
    void startCalendar(String networkId) {
        if (process.calendarDeployed(networkId) && !process.calendarRunning(networkId)
                && settings(networkId).isAutoStart()) {
            process.startCalendar(networkId);
        }
    }

    /**
     * When the calendar next opens a round: the network's date in the first year whose round (for the year
     * before) is neither open nor handled yet, at five in the morning of the network's day; now when that date
     * passed less than {@link EvaluationSettings#CATCH_UP_DAYS} days ago (the date was just moved back).
     */
    @Transactional(readOnly = true)
    Instant nextYearlyStart(String networkId, int handledYear) {
        EvaluationSettings s = settings(networkId);
        LocalDate today = time.today(networkId);
        for (int year = Math.max(today.getYear(), handledYear + 1); ; year++) {
            LocalDate date = s.startDateIn(year);
            if (rounds.findByNetworkIdAndYear(networkId, year - 1).isPresent()
                    || !today.isBefore(date.plusDays(EvaluationSettings.CATCH_UP_DAYS))) {
                continue;
            }
            Instant at = time.at(networkId, date, YEARLY_START_TIME);
            return at.isBefore(time.now()) ? time.now() : at;
        }
    }

    /** The calendar's timer fired: opens last year's round when due; returns the calendar year it handled. */
    int openYearly(String networkId) {
        LocalDate today = time.today(networkId);
        openIfDue(networkId, today).ifPresent(process::startRound);
        return today.getYear();
    }

    /** The strategy whose goals a round for this year asks about: the one in force that year, else the current one. */
    Optional<Strategy> strategyFor(String networkId, int year) {
        return networks.strategyFor(networkId, year).or(() -> networks.currentStrategy(networkId));
    }

    /** The secretariat opens a round by hand for a year; the process prepares and invites in the background. */
    public EvaluationRound startByHand(String networkId, int year, String startedBy) {
        if (year < 2000 || year > 2999) {
            throw new Refused("evaluation.start.year");
        }
        if (rounds.findByNetworkIdAndYear(networkId, year).isPresent()) {
            throw new Refused("evaluation.start.exists", String.valueOf(year));
        }
        EvaluationRound round = create(networkId, year, startedBy, time.today(networkId));
        process.startRound(round);
        return round;
    }

    private EvaluationRound create(String networkId, int year, String startedBy, LocalDate today) {
        Strategy strategy = strategyFor(networkId, year).orElseThrow(() -> new Refused("evaluation.start.noStrategy"));
        EvaluationSettings s = settings(networkId);
        try {
            return rounds.saveAndFlush(new EvaluationRound(networkId, year, strategy.getId(), today,
                    today.plusDays(s.getAnswerDays()), s.getGraceDays(), startedBy, time.now()));
        } catch (DataIntegrityViolationException e) {
            throw new Refused("evaluation.start.exists", String.valueOf(year)); // another node or person was quicker
        }
    }

    /**
     * The calendar's timer: opens the round for last year when today is the network's start date (or within the
     * catch-up window after it) and there is none yet.
     */
    Optional<EvaluationRound> openIfDue(String networkId, LocalDate today) {
        EvaluationSettings s = settings(networkId);
        int year = today.getYear() - 1;
        if (!s.dueOn(today) || rounds.findByNetworkIdAndYear(networkId, year).isPresent()) {
            return Optional.empty();
        }
        if (strategyFor(networkId, year).isEmpty()) {
            log.info("No evaluation round for {} {}: the network has no strategy", networkId, year);
            return Optional.empty();
        }
        return Optional.of(create(networkId, year, "timer", today));
    }

    /**
     * Creates one evaluation per member active on the round's start date. Idempotent: a step that is run
     * again (after a crash) adds no member twice, thanks to the unique key (round, member).
     */
    int prepare(long roundId) {
        EvaluationRound round = rounds.findById(roundId).orElseThrow();
        if (round.getPreparedAt() != null) {
            return round.getMemberCount();
        }
        enrol(round, members.activeMembers(round.getNetworkId(), round.getStartDate()));
        int count = (int) evaluations.countByRoundId(roundId);
        round.prepared(count, time.now());
        log.info("Evaluation round {} ({} {}) prepared for {} members", roundId, round.getNetworkId(),
                round.getYear(), count);
        return count;
    }

    /** Gives these members their evaluations in the round (pending, the round's deadline); one it has is skipped. */
    private void enrol(EvaluationRound round, List<Member> joining) {
        Timestamp now = Timestamp.from(time.now());
        List<Object[]> rows = new ArrayList<>(joining.size());
        for (Member m : joining) {
            rows.add(new Object[] {round.getId(), round.getNetworkId(), m.getId(), m.getName(), m.getCoordinatorName(),
                    m.getCoordinatorEmail(), round.getDeadline(), now, now});
        }
        jdbc.batchUpdate("INSERT IGNORE INTO member_evaluation (round_id, network_id, member_id, member_name,"
                + " coordinator_name, coordinator_email, status, deadline, late, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, FALSE, ?, ?, 0)", rows);
    }

    /**
     * A member joined while a round of its network takes answers: it gets its evaluation and its member process in
     * the round's process, as the members of the start did (invitation with its link, reminders, the round's
     * deadline). A round past its deadline or closed leaves it out. After the joining is committed and in a
     * transaction of its own, so a round that cannot take the member never undoes the joining.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(MemberJoined joined) {
        LocalDate today = time.today(joined.networkId());
        Optional<Member> member = members.find(List.of(joined.networkId()), joined.memberId())
                .filter(m -> m.isActiveOn(today));
        if (member.isEmpty()) {
            return; // joins on a later day, or left again meanwhile
        }
        for (EvaluationRound round : rounds.findByNetworkIdAndStatusNot(joined.networkId(), RoundStatus.CLOSED)) {
            if (round.takesNewMembersOn(today)
                    && evaluations.findByRoundIdAndMemberId(round.getId(), joined.memberId()).isEmpty()) {
                enrol(round, List.of(member.get()));
                round.memberJoined();
                MemberEvaluation e = evaluations.findByRoundIdAndMemberId(round.getId(), joined.memberId()).orElseThrow();
                process.includeInRound(round, e.getId());
                log.info("Member {} joined {}: asked in the evaluation round {}", joined.memberId(),
                        joined.networkId(), round.getYear());
            }
        }
    }

    @Transactional(readOnly = true)
    List<Integer> batchNumbers(long roundId) {
        long count = evaluations.countByRoundId(roundId);
        return IntStream.range(0, (int) ((count + batchSize - 1) / batchSize)).boxed().toList();
    }

    /**
     * The evaluations of one batch of the round, by id. They are read whole, in one query, in the transaction that
     * starts the batch's member processes and sends their invitations: each invitation then finds its evaluation
     * read already instead of reading it on its own (read-write, as the invitations stamp them).
     * <p>
     * That transaction writes its entities at commit rather than before each query: every invitation queries the
     * outbox (and the network's mail texts), and each such query would otherwise first compare every entity the
     * batch has read or written so far with its snapshot (fifty evaluations, fifty outbox mails). Nothing in it
     * queries what it changed: the outbox's new rows are written as they are saved (their ids come from the
     * database), and the invitation stamps are only read back through the same entities.
     */
    List<Long> batch(long roundId, int batch) {
        entityManager.setFlushMode(FlushModeType.COMMIT);
        return evaluations.ofRound(roundId, PageRequest.of(batch, batchSize)).stream().map(MemberEvaluation::getId)
                .toList();
    }

    /** Closes the round: whoever has not answered is missing (drafts kept), the counts are frozen for the report. */
    void close(long roundId) {
        EvaluationRound round = rounds.findById(roundId).orElseThrow();
        if (round.isClosed()) {
            return;
        }
        jdbc.update("UPDATE member_evaluation SET status = 'MISSING', updated_at = ?, version = version + 1"
                        + " WHERE round_id = ? AND status IN ('PENDING', 'INVITED', 'DRAFT', 'SENT_BACK')",
                Timestamp.from(time.now()), roundId);
        Counts c = counts(roundId);
        round.close((int) c.responded(), (int) c.accepted(), (int) c.missing(), time.now());
        log.info("Evaluation round {} closed: {} of {} answered", roundId, c.responded(), c.total());
    }

    /** Live counts of a round's evaluations. */
    public record Counts(long total, long invited, long responded, long accepted, long missing, long late) {
        public int ratePercent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * responded / total);
        }
    }

    @Transactional(readOnly = true)
    public Counts counts(long roundId) {
        return new Counts(evaluations.countByRoundId(roundId),
                evaluations.countByRoundIdAndInvitedAtIsNotNull(roundId),
                evaluations.countByRoundIdAndStatusIn(roundId, EvaluationStatus.ANSWERED),
                evaluations.countByRoundIdAndStatusIn(roundId, EnumSet.of(EvaluationStatus.ACCEPTED)),
                evaluations.countByRoundIdAndStatusIn(roundId, EnumSet.of(EvaluationStatus.MISSING)),
                evaluations.countByRoundIdAndStatusIn(roundId, EnumSet.of(EvaluationStatus.LATE)));
    }

    /**
     * How many evaluations the round has: one count query rather than the six of {@link #counts} (it is polled while
     * a round opens).
     */
    @Transactional(readOnly = true)
    public long memberCount(long roundId) {
        return evaluations.countByRoundId(roundId);
    }

    /** How many of the round's invitations are out: one count query rather than the six of {@link #counts}. */
    @Transactional(readOnly = true)
    public long invitedCount(long roundId) {
        return evaluations.countByRoundIdAndInvitedAtIsNotNull(roundId);
    }

    void recount(long roundId) {
        EvaluationRound round = rounds.findById(roundId).orElseThrow();
        Counts c = counts(roundId);
        round.recount((int) c.responded(), (int) c.accepted(), (int) c.missing());
    }

    @Transactional(readOnly = true)
    public Optional<EvaluationRound> round(Collection<String> visibleNetworks, long id) {
        return rounds.findById(id).filter(r -> visibleNetworks.contains(r.getNetworkId()));
    }

    @Transactional(readOnly = true)
    public String networkOf(long roundId) {
        return rounds.findById(roundId).orElseThrow().getNetworkId();
    }

    @Transactional(readOnly = true)
    List<EvaluationRound> rounds(Collection<String> visibleNetworks) {
        return visibleNetworks.isEmpty() ? List.of() : rounds.findByNetworkIdInOrderByYearDesc(visibleNetworks);
    }
}
