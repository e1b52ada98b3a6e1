package org.healthycities.forms;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A form's text components are markdown; any HTML in them is shown as text and unsafe links are dropped. */
final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    static String toHtml(String markdown) {
        return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
    }
}
