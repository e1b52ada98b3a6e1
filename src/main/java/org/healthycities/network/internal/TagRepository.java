package org.healthycities.network.internal;

import java.util.List;
import org.healthycities.network.Tag;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TagRepository extends JpaRepository<Tag, Tag.Key> {
    List<Tag> findByTagSetOrderByPosition(String tagSet);
}
