package org.healthycities.network;

import java.time.LocalDate;
import java.util.List;

/**
 * A part of a member's story that another feature knows: its application, its evaluations, its fees. The member
 * page asks every such part, so the network feature never reaches into the others (they depend on it, not it on
 * them). Texts are message keys with arguments, said in the reader's language by the page.
 */
public interface MemberStory {

    /** The part's heading (a message key), its place on the page, and its lines, newest first. */
    record Chapter(int order, String titleKey, List<Line> lines) {
    }

    /**
     * One line: when (may be null), what (a message key and its arguments), where it stands (a message key, may be
     * null) and a page to read more (may be null).
     */
    record Line(LocalDate date, String messageKey, Object[] args, String statusKey, String href) {
    }

    Chapter of(Member member);
}
