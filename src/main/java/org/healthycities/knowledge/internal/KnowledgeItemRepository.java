package org.healthycities.knowledge.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface KnowledgeItemRepository extends JpaRepository<KnowledgeItem, Long> {

    List<KnowledgeItem> findByNetworkIdAndSource(String networkId, String source);

    List<KnowledgeItem> findTop50ByNetworkIdAndPublicSinceNotNullOrderByPublicSinceDesc(String networkId);

    List<KnowledgeItem> findByNetworkIdInOrderByYearDescIdDesc(Collection<String> networks);

    long countByNetworkIdAndPublicSinceAfter(String networkId, Instant since);
}
