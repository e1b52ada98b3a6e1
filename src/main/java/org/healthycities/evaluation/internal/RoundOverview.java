package org.healthycities.evaluation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.OverviewPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The overview's current evaluation round of each of the person's networks, with how many have answered. */
@Component
class RoundOverview implements OverviewPanel {

    private final RoundRepository rounds;
    private final RoundService service;
    private final NetworkDirectory networks;

    RoundOverview(RoundRepository rounds, RoundService service, NetworkDirectory networks) {
        this.rounds = rounds;
        this.service = service;
        this.networks = networks;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Panel> panel(CurrentUser user, Set<String> visible) {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EvaluationRound round : rounds.findByNetworkIdInOrderByYearDesc(visible)) {
            if (seen.add(round.getNetworkId())) { // the newest round of each network
                RoundService.Counts counts = service.counts(round.getId());
                rows.add(new Row("evaluation.overview.round", new Object[] {
                        networks.network(round.getNetworkId()).map(n -> n.getName()).orElse(""), round.getYear(),
                        counts.responded(), counts.total(), counts.ratePercent()},
                        "/evaluations/rounds/" + round.getId(), false));
            }
        }
        return Optional.of(new Panel(30, "evaluation.overview.title", "/evaluations", rows, "evaluation.overview.none"));
    }
}
