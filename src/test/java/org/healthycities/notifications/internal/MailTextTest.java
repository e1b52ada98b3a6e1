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

    @Test
    void blanksEndingALineGoAndEmptyLinesNeverComeMoreThanOneInARow() {
        assertThat(MailRenderer.tidy("a  \t\n  \n\n\n\nb c\t \nd\te  ")).isEqualTo("a\n\nb c\nd\te  ");
        assertThat(MailRenderer.tidy("x\n\ny\n\n\nz")).isEqualTo("x\n\ny\n\nz");
        assertThat(text("<p>Kære Anne,   <br>  tak.</p>\n\n\n<div>  </div><p>Hilsen</p>"))
                .isEqualTo("Kære Anne,\ntak.\n\nHilsen\n");
    }

    /** The one pass says what the two regular expressions it replaced said, on any mix of letters and blanks. */
    @Test
    void tidyIsTheTwoRegularExpressionsItReplaced() {
        java.util.Random random = new java.util.Random(16);
        char[] alphabet = {'a', ' ', '\t', '\n'};
        for (int n = 0; n < 5000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertThat(MailRenderer.tidy(text)).as("%s", text.replace("\n", "\\n").replace("\t", "\\t"))
                    .isEqualTo(text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n"));
        }
    }
}
