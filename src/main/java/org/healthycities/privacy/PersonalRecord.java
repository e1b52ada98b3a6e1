package org.healthycities.privacy;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * One record that holds a person's data.
 *
 * @param type    what kind of record, e.g. "membership-application" (stable: it is in exported files)
 * @param id      the record's id in its table
 * @param network the network it belongs to, or null
 * @param summary a short text for the admin's list, e.g. "Testby Kommune: coordinator"
 * @param data    the person's data in the record, plain values (strings, numbers, dates), for the export
 */
@NamedInterface("personal-data")
public record PersonalRecord(String type, String id, String network, String summary, Map<String, Object> data) {
}
