package org.healthycities.documents.internal;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Tells the language of a document's text among the languages a network's documents are written in: the networks'
 * own and their neighbours', the languages of Europe they work with, and the largest languages of newcomers in the
 * Nordic municipalities. Optimaize's n-gram detector, as Tika uses it, but with these 23 of its 71 languages: 5 MB
 * of the heap where Tika's wrapper keeps all 71 in a static field (66 MB); with too few languages a text in another
 * one is told as the nearest with full confidence (Polish as English with four), hence the broad list.
 */
final class DocumentLanguages {

    static final List<String> LANGUAGES = List.of("da", "sv", "no", "is", "fi", "en", "de", "nl", "fr", "es", "it",
            "pt", "pl", "et", "lv", "lt", "ru", "uk", "ar", "tr", "fa", "so", "ur");

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    DocumentLanguages() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readBuiltIn(LANGUAGES.stream().map(LdLocale::fromString).toList()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("The language profiles shipped with the detector could not be read", e);
        }
    }

    /**
     * The language's code ("da", "sv", "no", ...), or null when the detector is not sure (its own measure: a
     * probability of 0.9999 or more; a text of a few words or in another language is not told).
     */
    String of(String text) {
        return detector.detect(texts.forText(text)).transform(LdLocale::getLanguage).orNull();
    }
}
