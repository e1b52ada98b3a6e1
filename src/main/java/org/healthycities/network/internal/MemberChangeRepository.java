package org.healthycities.network.internal;

import java.util.List;
import org.healthycities.network.MemberChange;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberChangeRepository extends JpaRepository<MemberChange, Long> {
    List<MemberChange> findByMemberIdOrderByChangedAtDescIdDesc(Long memberId);
}
