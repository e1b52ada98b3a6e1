package org.healthycities.notifications.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MailTextRepository extends JpaRepository<MailText, Long> {

    Optional<MailText> findByNetworkIdAndTemplateAndLanguage(String networkId, String template, String language);

    List<MailText> findByNetworkId(String networkId);
}
