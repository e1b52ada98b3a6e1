package org.healthycities.evaluation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoundRepository extends JpaRepository<EvaluationRound, Long> {
    Optional<EvaluationRound> findByNetworkIdAndYear(String networkId, int year);

    List<EvaluationRound> findByNetworkIdInOrderByYearDesc(Collection<String> networkIds);

    List<EvaluationRound> findByNetworkIdOrderByYearAsc(String networkId);

    List<EvaluationRound> findByNetworkIdAndStatusNot(String networkId, RoundStatus status);
}

interface SettingsRepository extends JpaRepository<EvaluationSettings, String> {
}

/** Names the file after a type in it, so the compiler finds its class and an unchanged build compiles nothing again. */
final class Repositories {
    private Repositories() {
    }
}
