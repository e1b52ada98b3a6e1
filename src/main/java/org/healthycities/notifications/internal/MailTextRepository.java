package org.healthycities.notifications.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MailTextRepository extends JpaRepository<MailText, Long> {

    /**
     * Read for every mail sent. Written as JPQL, not derived from the name: Hibernate translates a derived (criteria)
     * query anew at each call, a JPQL string once (a round's opening reads this 1,300 times).
     */
    @Query("select t from MailText t where t.networkId = :networkId and t.template = :template and t.language = :language")
    Optional<MailText> findByNetworkIdAndTemplateAndLanguage(@Param("networkId") String networkId,
                                                             @Param("template") String template,
                                                             @Param("language") String language);

    List<MailText> findByNetworkId(String networkId);
}
