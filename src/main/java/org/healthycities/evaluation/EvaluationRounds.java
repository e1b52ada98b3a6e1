package org.healthycities.evaluation;

import java.util.Locale;
import java.util.Set;
import org.healthycities.evaluation.internal.EvaluationRound;
import org.healthycities.evaluation.internal.ReportService;
import org.healthycities.evaluation.internal.RoundService;
import org.springframework.stereotype.Service;

/**
 * The evaluation's public API for other features and for tools such as the benchmark in bench/: open a
 * round, follow its opening, produce its report. Pages and processes use the package's own services.
 */
@Service
public class EvaluationRounds {

    private final RoundService rounds;
    private final ReportService reports;

    EvaluationRounds(RoundService rounds, ReportService reports) {
        this.rounds = rounds;
        this.reports = reports;
    }

    /** Opens a network's round for a year by hand, as the secretariat's page does; returns the round's id. */
    public long open(String networkId, int year, String startedBy) {
        return rounds.startByHand(networkId, year, startedBy).getId();
    }

    /** How many members the round has (0 until the opening step has run). */
    public long members(long roundId) {
        return rounds.memberCount(roundId);
    }

    /** How many of the round's invitations are out (in the mail outbox). */
    public long invited(long roundId) {
        return rounds.invitedCount(roundId);
    }

    /** Produces the round's report and the network's year-over-year view; returns the number of goals reported. */
    public int report(long roundId, Locale locale) {
        EvaluationRound round = rounds.round(Set.of(rounds.networkOf(roundId)), roundId).orElseThrow();
        int goals = reports.round(round, locale).goals().size();
        reports.trend(round.getNetworkId());
        return goals;
    }
}
