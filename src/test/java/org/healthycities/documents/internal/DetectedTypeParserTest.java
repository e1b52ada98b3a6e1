package org.healthycities.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;

class DetectedTypeParserTest {

    static final DetectedTypeParser parser = new DetectedTypeParser();

    static String text(byte[] bytes, Metadata metadata) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(-1);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        parser.parse(new ByteArrayInputStream(bytes), handler, metadata, context);
        return handler.toString();
    }

    @Test
    void theDetectedTypeIsTakenAsGiven_notDetectedAgain() throws Exception {
        Metadata asText = new Metadata();
        asText.set(DetectedTypeParser.DETECTED, "text/plain");

        String text = text(Corpus.pdf(Corpus.DANISH), asText);

        assertThat(text).as("a PDF's bytes read as the text they were said to be").startsWith("%PDF");
        assertThat(asText.get(Metadata.CONTENT_TYPE)).startsWith("text/plain");
    }

    @Test
    void withoutADetectedTypeTheContentDecides() throws Exception {
        Metadata metadata = new Metadata();

        String text = text(Corpus.pdf(Corpus.DANISH), metadata);

        assertThat(metadata.get(Metadata.CONTENT_TYPE)).isEqualTo("application/pdf");
        assertThat(text).contains("tiltrædelsesdokument").doesNotContain("%PDF");
    }

    @Test
    void aTypeFindsItsOwnParser_andItsSubtypesTheirSupertypes() {
        Metadata pdf = new Metadata();
        pdf.set(Metadata.CONTENT_TYPE, "application/pdf");
        Metadata unknown = new Metadata();
        unknown.set(Metadata.CONTENT_TYPE, "application/x-hc-unknown");

        assertThat(parser.getParser(pdf, new ParseContext())).isInstanceOf(PDFParser.class);
        assertThat(parser.getParser(unknown, new ParseContext())).isSameAs(parser.getFallback());
    }

    @Test
    void embeddedDocumentsAreDetectedByTheirContent() throws Exception {
        Metadata docx = new Metadata();
        docx.set(DetectedTypeParser.DETECTED, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        String text = text(Corpus.docxEmbedding(Corpus.docx(Corpus.SWEDISH)), docx);

        assertThat(text).contains(Corpus.SWEDISH.substring(0, 20));
    }
}
