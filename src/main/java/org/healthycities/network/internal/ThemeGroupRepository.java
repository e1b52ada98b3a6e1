package org.healthycities.network.internal;

import java.util.Collection;
import java.util.List;
import org.healthycities.network.ThemeGroup;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ThemeGroupRepository extends JpaRepository<ThemeGroup, Long> {
    List<ThemeGroup> findByNetworkIdOrderByName(String networkId);

    List<ThemeGroup> findByNetworkIdInOrderByNetworkIdAscNameAsc(Collection<String> networkIds);

    boolean existsByNetworkIdAndNameIgnoreCase(String networkId, String name);

    @Query("""
            select count(g) > 0 from ThemeGroup g where g.networkId = :network and lower(g.name) = lower(:name)
            and (:exceptId is null or g.id <> :exceptId)""")
    boolean nameTaken(@Param("network") String networkId, @Param("name") String name, @Param("exceptId") Long exceptId);
}
