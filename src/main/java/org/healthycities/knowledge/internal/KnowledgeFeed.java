package org.healthycities.knowledge.internal;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.healthycities.network.Network;
import org.healthycities.web.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Atom feed of what the secretariat made public, newest first (Rome writes it, so feed readers read it). */
@Component
class KnowledgeFeed {

    private final KnowledgeService knowledge;
    private final PublicAddress address;
    private final MessageSource messages;

    KnowledgeFeed(KnowledgeService knowledge, PublicAddress address, MessageSource messages) {
        this.knowledge = knowledge;
        this.address = address;
        this.messages = messages;
    }

    String atom(Network network, Locale locale) {
        String base = address.url() + "/bank/" + network.getId() + "/public";
        List<KnowledgeItem> items = knowledge.published(network.getId());
        Feed feed = new Feed("atom_1.0");
        feed.setId(base);
        feed.setTitle(messages.getMessage("knowledge.feed.title", new Object[] {network.getName()}, locale));
        feed.setLanguage(locale.getLanguage());
        feed.setUpdated(items.isEmpty() ? new Date(0) : Date.from(items.get(0).getPublicSince()));
        feed.setAlternateLinks(List.of(link(base, "alternate")));
        feed.setOtherLinks(List.of(link(address.url() + "/bank/" + network.getId() + "/feed.atom", "self")));
        Person author = new Person();
        author.setName(network.getSecretariatName() == null ? network.getName() : network.getSecretariatName());
        feed.setAuthors(List.of(author));
        feed.setEntries(items.stream().map(i -> entry(base, i, locale)).toList());
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("The feed of " + network.getId() + " could not be written", e);
        }
    }

    private Entry entry(String base, KnowledgeItem item, Locale locale) {
        Entry e = new Entry();
        e.setId(base + "/items/" + item.getId());
        e.setTitle(item.getTitle());
        e.setUpdated(Date.from(item.getPublicSince()));
        e.setPublished(Date.from(item.getPublicSince()));
        e.setAlternateLinks(List.of(link(base + "/items/" + item.getId(), "alternate")));
        Content summary = new Content();
        summary.setType("text");
        String who = item.getMemberName() == null ? "" : item.getMemberName() + ", ";
        summary.setValue(messages.getMessage("knowledge.kind." + item.getKind(), null, locale) + " · " + who
                + item.getYear() + (item.getBody() == null ? "" : "\n\n" + item.getBody()));
        e.setSummary(summary);
        return e;
    }

    private static Link link(String href, String rel) {
        Link l = new Link();
        l.setHref(href);
        l.setRel(rel);
        return l;
    }
}
