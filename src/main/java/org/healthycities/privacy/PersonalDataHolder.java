package org.healthycities.privacy;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A feature's personal data, found, exported and erased by the feature itself in its own tables. All methods run
 * in the caller's transaction: an erase across all holders stands or falls as one.
 */
@NamedInterface("personal-data")
public interface PersonalDataHolder {

    /** The records that hold the person's data, with what the export shows of each. */
    List<PersonalRecord> find(PersonQuery person);

    /**
     * Anonymises or deletes the person's data, keeping answers and counts for statistics.
     *
     * @return how many records were changed or deleted
     */
    int erase(PersonQuery person);
}
