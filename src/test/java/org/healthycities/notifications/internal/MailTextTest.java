package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The plain-text alternative is what a reader of the HTML would see. */
class MailTextTest {

    private static String text(String html) {
        return MailRenderer.text(Jsoup.parse(html).body());
    }

    @Test
    void paragraphsAreSeparatedAndWhitespaceIsTheReadersNotTheSources() {
        assertThat(text("<h1>Velkommen</h1>\n   <p>Kære   Anne,\n  tak.</p><p>Hilsen<br>Sekretariatet</p>"))
                .isEqualTo("Velkommen\n\nKære Anne, tak.\n\nHilsen\nSekretariatet\n");
    }

    @Test
    void linksAreSpelledOutUnlessTheTextIsTheAddress() {
        assertThat(text("<p>Se <a href=\"https://x.dk/a?t=1\">ansøgningen</a> eller <a href=\"https://x.dk\">https://x.dk</a>.</p>"))
                .isEqualTo("Se ansøgningen (https://x.dk/a?t=1) eller https://x.dk.\n");
    }

    @Test
    void listItemsGetADashEach() {
        assertThat(text("<p>Temagrupper:</p><ul><li>Lighed</li>\n<li>Mental <b>sundhed</b></li></ul><p>Slut</p>"))
                .isEqualTo("Temagrupper:\n\n- Lighed\n- Mental sundhed\n\nSlut\n");
    }

    @Test
    void escapedMarkupStaysText() {
        assertThat(text("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; æøå</p>"))
                .isEqualTo("<script>alert(1)</script> & æøå\n");
    }
}
