package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The application's bundles through the ICU message source: plurals by each language's rules. */
class IcuMessageSourceTest {

    private final IcuMessageSource messages = source();

    private static IcuMessageSource source() {
        IcuMessageSource source = new IcuMessageSource();
        source.setBasenames("messages", "i18n/network", "i18n/workshop", "i18n/notifications");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String say(String code, String language, Object... args) {
        return messages.getMessage(code, args, Locale.forLanguageTag(language));
    }

    @Test
    void oneMemberAndManyMembersInEachLanguage() {
        assertThat(say("members.count", "da", 1)).isEqualTo("1 medlem");
        assertThat(say("members.count", "da", 0)).isEqualTo("0 medlemmer");
        assertThat(say("members.count", "da", 1234)).isEqualTo("1.234 medlemmer");
        assertThat(say("members.count", "sv", 1)).isEqualTo("1 medlem");
        assertThat(say("members.count", "sv", 2)).isEqualTo("2 medlemmar");
        assertThat(say("members.count", "nb", 3)).isEqualTo("3 medlemmer");
        assertThat(say("members.count", "en", 1)).isEqualTo("1 member");
        assertThat(say("workshop.copy.done", "da", 3)).isEqualTo("3 opgaver er kopieret.");
        assertThat(say("workshop.copy.done", "da", 1)).isEqualTo("1 opgave er kopieret.");
    }

    @Test
    void choiceFormatsApostrophesAndTextsWithoutArgumentsReadAsBefore() {
        assertThat(say("notifications.overview.failed", "da", 1)).isEqualTo("1 mail kunne ikke sendes");
        assertThat(say("workshop.sheet.alreadySubmitted", "en", "10:12"))
                .isEqualTo("The group's answers were handed in at 10:12. You can still change them until the deadline.");
        assertThat(say("notifications.texts.lead", "en")).contains("network's own mails");
    }
}
