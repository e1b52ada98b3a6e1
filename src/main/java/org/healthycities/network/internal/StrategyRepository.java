package org.healthycities.network.internal;

import java.util.List;
import org.healthycities.network.Strategy;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StrategyRepository extends JpaRepository<Strategy, Long> {
    List<Strategy> findByNetworkIdOrderByFirstYearDesc(String networkId);
}
