package org.healthycities.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthycities.notifications.EditableMail;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.web.Dates;
import org.healthycities.web.PublicAddress;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a mail from a feature's Thymeleaf template in the recipient's language: the HTML as written, the
 * subject from its {@code <title>}, and a plain-text alternative derived from the HTML, so a template is
 * written once.
 */
@Component
class MailRenderer {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "h1",
            "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote", "pre", "hr", "dl", "dt", "dd");

    static final String OWN_TEMPLATE = "notifications/mail/own";
    private static final Logger log = LoggerFactory.getLogger(MailRenderer.class);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<]*[^\\s<.,;:!?)]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ITemplateEngine templates;
    private final MailTexts texts;
    private final Dates dates;
    private final PublicAddress address;

    MailRenderer(ITemplateEngine templates, MailTexts texts, Dates dates,
                 PublicAddress address) {
        this.templates = templates;
        this.texts = texts;
        this.dates = dates;
        this.address = address;
    }

    /**
     * The first mail after a start paid for the HTML escaping's tables (a class initialised once, which every other
     * mail and page then waits for), the layout's parsing and jsoup: with a round's batches keeping both cores busy
     * that first mail took seconds, so it is rendered here, in the background, once the application is ready.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUpInTheBackground() {
        Thread warmUp = new Thread(this::warmUp, "mail-renderer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Renders a mail in the network's own words to no one; it is not sent. */
    RenderedMail warmUp() {
        try {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("ownSubject", "-");
            variables.put("ownParagraphs", List.of("<a href=\"https://example.org/\">-</a>"));
            return rendered(OWN_TEMPLATE, templates.process(OWN_TEMPLATE, new Context(Locale.forLanguageTag("da"), variables)));
        } catch (RuntimeException e) {
            log.warn("Could not render a mail to warm up: {}", e.toString());
            return null;
        }
    }

    /** In the network's own words when it wrote a text for this kind and language, else the built-in text. */
    RenderedMail render(OutgoingMail mail) {
        String sender = texts.sender(mail.networkId()).orElse(null);
        Optional<EditableMail> kind = texts.kindOf(mail.template());
        if (kind.isPresent()) {
            Optional<MailText> own = texts.own(mail.networkId(), mail.template(), mail.locale().getLanguage());
            if (own.isPresent()) {
                return own(mail, kind.get(), own.get().getSubject(), own.get().getBody()).withSender(sender);
            }
        }
        return builtIn(mail).withSender(sender);
    }

    RenderedMail builtIn(OutgoingMail mail) {
        return rendered(mail.template(), templates.process(mail.template(), new Context(mail.locale(), variables(mail))));
    }

    /** A text with placeholders, filled from the mail's model; values are escaped and addresses become links. */
    RenderedMail own(OutgoingMail mail, EditableMail kind, String subject, String body) {
        Map<String, Object> variables = variables(mail);
        Map<String, String> values = MailTexts.values(kind, variables, mail.locale());
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : MailTexts.fill(body.replace("\r\n", "\n"), values).strip().split("\\n\\s*\\n")) {
            String html = HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8");
            paragraphs.add(LINK.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                            "<a href=\"" + m.group() + "\">" + m.group() + "</a>"))
                    .replace("\n", "<br>\n"));
        }
        variables.put("ownSubject", MailTexts.fill(subject, values).replaceAll("\\s+", " ").strip());
        variables.put("ownParagraphs", paragraphs);
        return rendered(mail.template(), templates.process(OWN_TEMPLATE, new Context(mail.locale(), variables)));
    }

    /** The variables a template gets: the model, the base address (links in mails must be absolute) and the name. */
    Map<String, Object> variables(OutgoingMail mail) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("baseUrl", address.url());
        variables.put("recipientName", mail.toName());
        variables.put("dates", dates.in(mail.locale())); // dates in the recipient's language
        variables.putAll(mail.model());
        return variables;
    }

    private static RenderedMail rendered(String template, String html) {
        Document document = Jsoup.parse(html);
        String subject = document.title().strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("Mail template " + template + " has no <title> (the subject)");
        }
        return new RenderedMail(subject, html, text(document.body()), null);
    }

    /** The text a reader of the HTML sees: paragraphs and list items on their own lines, links spelled out. */
    static String text(Element body) {
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String words = WHITESPACE.matcher(text.text()).replaceAll(" ");
                    boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
                    out.append(lineStart ? words.stripLeading() : words);
                } else if (node instanceof Element element) {
                    switch (element.normalName()) {
                        case "br" -> out.append('\n');
                        case "li" -> newLine(out).append("- ");
                        default -> {
                            if (BLOCKS.contains(element.normalName())) {
                                newLine(out);
                            }
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String href = element.normalName().equals("a") ? element.attr("href") : "";
                    if (!href.isEmpty() && !href.equals(element.text().strip())) {
                        out.append(" (").append(href).append(')');
                    }
                    if (BLOCKS.contains(element.normalName())) {
                        newLine(out).append('\n');
                    } else if (element.normalName().equals("li")) {
                        newLine(out);
                    }
                }
            }
        });
        return tidy(out).strip() + "\n";
    }

    /**
     * Without the blanks at the end of each line and with at most one empty line in a row, in one pass: the two
     * regular expressions it was were 6 % of a round's 1,300 invitations.
     */
    static String tidy(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int blanksFrom = -1; // blanks not written yet: dropped when the line ends
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                blanksFrom = blanksFrom < 0 ? i : blanksFrom;
            } else if (c == '\n') {
                blanksFrom = -1;
                if (++newlines <= 2) {
                    out.append('\n');
                }
            } else {
                if (blanksFrom >= 0) {
                    out.append(text, blanksFrom, i);
                    blanksFrom = -1;
                }
                newlines = 0;
                out.append(c);
            }
        }
        if (blanksFrom >= 0) {
            out.append(text, blanksFrom, text.length());
        }
        return out.toString();
    }

    private static StringBuilder newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out;
    }
}
