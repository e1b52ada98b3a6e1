package org.healthycities.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
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

    private final ITemplateEngine templates;
    private final String baseUrl;

    MailRenderer(ITemplateEngine templates, @Value("${hc.base-url:http://localhost:8080}") String baseUrl) {
        this.templates = templates;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    RenderedMail render(OutgoingMail mail) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("baseUrl", baseUrl); // links in mails must be absolute
        variables.put("recipientName", mail.toName());
        variables.putAll(mail.model());
        String html = templates.process(mail.template(), new Context(mail.locale(), variables));
        Document document = Jsoup.parse(html);
        String subject = document.title().strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("Mail template " + mail.template() + " has no <title> (the subject)");
        }
        return new RenderedMail(subject, html, text(document.body()));
    }

    /** The text a reader of the HTML sees: paragraphs and list items on their own lines, links spelled out. */
    static String text(Element body) {
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String words = text.text().replaceAll("\\s+", " ");
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
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static StringBuilder newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out;
    }
}
