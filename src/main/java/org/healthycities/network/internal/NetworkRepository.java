package org.healthycities.network.internal;

import java.util.List;
import org.healthycities.network.Network;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NetworkRepository extends JpaRepository<Network, String> {
    List<Network> findAllByOrderByName();
}
