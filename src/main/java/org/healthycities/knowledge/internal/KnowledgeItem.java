package org.healthycities.knowledge.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One piece of the network's knowledge: an activity a member reported, its action plan, a consolidated workshop
 * session, or a good practice added by hand. Who may read it follows from {@link #isShared()} (the network's
 * members) and {@link #isPublic()} (anyone, chosen by the secretariat among shared items).
 */
@Entity
@Table(name = "knowledge_item")
public class KnowledgeItem {

    public enum Kind { ACTIVITY, ACTION_PLAN, WORKSHOP, PRACTICE }

    /** The tag sets an item is found by besides member, region, year and kind. */
    public enum Facet { GOAL, SDG, SIX_P, THEME_GROUP }

    /** A tag with the name it had when tagged. */
    @Embeddable
    public record ItemTag(@Enumerated(EnumType.STRING) @Column(name = "facet") Facet facet,
                          @Column(name = "code") String code, @Column(name = "label") String label) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String source;
    private Long memberId;
    private String memberName;
    private String region;
    private int year;
    private String title;
    private String body;
    private String results;
    private String link;
    private Long documentId;
    private String contactName;
    private String contactEmail;
    private boolean shared;
    private Instant publicSince;
    private String author;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private int version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "knowledge_tag", joinColumns = @JoinColumn(name = "item_id"))
    private Set<ItemTag> tags = new LinkedHashSet<>();

    protected KnowledgeItem() {
    }

    /** What an item says, whoever made it. */
    public record Content(Kind kind, String title, String body, String results, String link, Long documentId, int year,
                         Set<ItemTag> tags) {
    }

    /** Who it is from and who to ask. */
    public record Origin(String networkId, Long memberId, String memberName, String region, String contactName,
                         String contactEmail, String author) {
    }

    static KnowledgeItem of(String source, Content content, Origin origin, boolean shared, Instant now) {
        KnowledgeItem item = new KnowledgeItem();
        item.source = source;
        item.networkId = origin.networkId();
        item.memberId = origin.memberId();
        item.memberName = origin.memberName();
        item.region = origin.region();
        item.contactName = origin.contactName();
        item.contactEmail = origin.contactEmail();
        item.author = origin.author();
        item.kind = content.kind();
        item.title = cut(content.title(), 300);
        item.body = content.body();
        item.results = content.results();
        item.link = content.link();
        item.documentId = content.documentId();
        item.year = content.year();
        item.tags.addAll(content.tags());
        item.shared = shared;
        item.createdAt = now;
        item.updatedAt = now;
        return item;
    }

    /** The document uploaded with an item added by hand. */
    void attach(Long documentId) {
        if (this.documentId != null) {
            throw new IllegalStateException("Item " + id + " has its document");
        }
        this.documentId = documentId;
    }

    /** Shown on the public page and in the feed; only what the member shared with the network can be. */
    void publish(Instant now) {
        if (!shared) {
            throw new IllegalStateException("Item " + id + " is kept for the secretariat: it cannot be public");
        }
        if (publicSince == null) {
            publicSince = now;
            updatedAt = now;
        }
    }

    void unpublish(Instant now) {
        publicSince = null;
        updatedAt = now;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public Kind getKind() { return kind; }
    public String getSource() { return source; }
    public Long getMemberId() { return memberId; }
    public String getMemberName() { return memberName; }
    public String getRegion() { return region; }
    public int getYear() { return year; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getResults() { return results; }
    public String getLink() { return link; }
    public Long getDocumentId() { return documentId; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public boolean isShared() { return shared; }
    public boolean isPublic() { return publicSince != null; }
    public Instant getPublicSince() { return publicSince; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public int getVersion() { return version; }
    public Set<ItemTag> getTags() { return Set.copyOf(tags); }

    public List<ItemTag> tags(Facet facet) {
        return tags.stream().filter(t -> t.facet() == facet).toList();
    }
}
