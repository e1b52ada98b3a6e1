/**
 * Data protection: an admin finds a person's data by email address and/or name ({@code /admin/privacy}),
 * exports it as one JSON file and erases it in one action; a scheduled job enforces retention periods.
 *
 * <h2>How a feature plugs in</h2>
 * Each feature owns its data, so each declares beans in its own package:
 * <ul>
 *   <li>{@link org.healthycities.privacy.PersonalDataHolder}: finds, exports and erases a person's data in the
 *       feature's own tables. Erasing anonymises: personal fields become {@link org.healthycities.privacy.Erased#MARKER}
 *       or null, answers and counts stay for statistics.</li>
 *   <li>{@link org.healthycities.privacy.RetentionRule}: anonymises or deletes records older than a period
 *       (configurable as {@code hc.privacy.retention.<key>}, an ISO-8601 period such as {@code P2Y}).</li>
 * </ul>
 * These types are the named interface {@code personal-data}; the page, the search, export and erasure across the
 * holders and the retention job are internal. This package depends on no feature, so every feature may depend
 * on it.
 */
package org.healthycities.privacy;
