package org.healthycities.knowledge.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/** Marks the words a search found in a text: the text escaped for HTML, each word (and its endings) in mark. */
public final class Marks {

    private Marks() {
    }

    public static String html(String text, List<String> words) {
        if (text == null) {
            return "";
        }
        Pattern p = pattern(words);
        if (p == null) {
            return HtmlUtils.htmlEscape(text);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = p.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(HtmlUtils.htmlEscape(text.substring(at, m.start()))).append("<mark>")
                    .append(HtmlUtils.htmlEscape(m.group())).append("</mark>");
            at = m.end();
        }
        return out.append(HtmlUtils.htmlEscape(text.substring(at))).toString();
    }

    static int firstMatch(String text, List<String> words) {
        Pattern p = pattern(words);
        if (p == null) {
            return -1;
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.start() : -1;
    }

    private static Pattern pattern(List<String> words) {
        if (words == null || words.isEmpty()) {
            return null;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + words.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")[\\p{L}\\p{N}]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
