package org.healthycities.forms.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.healthycities.forms.DesignedForm;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DesignedForms extends JpaRepository<DesignedForm, Long> {

    List<DesignedForm> findByNetworkIdInOrderByUpdatedAtDesc(Collection<String> networkIds);

    Optional<DesignedForm> findByFormId(String formId);

    boolean existsByFormId(String formId);
}
