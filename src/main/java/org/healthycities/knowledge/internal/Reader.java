package org.healthycities.knowledge.internal;

import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Who reads the knowledge bank, and so what they may see: the secretariat sees everything of its networks; a
 * member's contact (signed in by a mailed link) sees what members share and everything of its own member; anyone
 * sees what the secretariat made public. The one rule for the search, the item page, documents and exports.
 */
public record Reader(Mode mode, Set<String> networks, Long memberId, String name, String email) {

    public enum Mode { SECRETARIAT, MEMBER, PUBLIC }

    static Reader secretariat(Set<String> networks, String name) {
        return new Reader(Mode.SECRETARIAT, Set.copyOf(networks), null, name, null);
    }

    static Reader member(String networkId, long memberId, String name, String email) {
        return new Reader(Mode.MEMBER, Set.of(networkId), memberId, name, email);
    }

    static Reader anyone(String networkId) {
        return new Reader(Mode.PUBLIC, Set.of(networkId), null, null, null);
    }

    /** The condition on knowledge_item {@code k} that keeps what this reader may see; fills its parameters. */
    String where(MapSqlParameterSource params) {
        params.addValue("readerNetworks", networks);
        return switch (mode) {
            case SECRETARIAT -> "k.network_id IN (:readerNetworks)";
            case MEMBER -> {
                params.addValue("readerMember", memberId);
                yield "k.network_id IN (:readerNetworks) AND (k.shared OR k.member_id = :readerMember)";
            }
            case PUBLIC -> "k.network_id IN (:readerNetworks) AND k.shared AND k.public_since IS NOT NULL";
        };
    }

    boolean maySee(KnowledgeItem item) {
        if (!networks.contains(item.getNetworkId())) {
            return false;
        }
        return switch (mode) {
            case SECRETARIAT -> true;
            case MEMBER -> item.isShared() || memberId.equals(item.getMemberId());
            case PUBLIC -> item.isShared() && item.isPublic();
        };
    }

    public boolean isSecretariat() {
        return mode == Mode.SECRETARIAT;
    }

    /** The network a member's contact or the public page reads (the secretariat may read several). */
    public String network() {
        return networks.iterator().next();
    }
}
