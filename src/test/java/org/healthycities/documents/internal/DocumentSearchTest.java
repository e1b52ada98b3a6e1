package org.healthycities.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentSearchTest {

    @Test
    void theQueryKeepsOnlyIndexableWordsSoNothingInItIsAFullTextOperator() {
        assertThat(DocumentSearch.words("+Tårnby -\"handleplan\" ab* (sund)~ @3 x")).containsExactly("tårnby", "handleplan", "sund");
        assertThat(DocumentSearch.words("  ")).isEmpty();
        assertThat(DocumentSearch.words(null)).isEmpty();
    }

    @Test
    void aSnippetCutOutOfTheTextStartsAndEndsAtWholeWords() {
        assertThat(DocumentSearch.snippet("rnby Kommune\n\ntiltræder net", true, true)).isEqualTo("… Kommune tiltræder …");
        assertThat(DocumentSearch.snippet("Tårnby Kommune tiltræder", false, false)).isEqualTo("Tårnby Kommune tiltræder");
        assertThat(DocumentSearch.snippet(null, false, false)).isEmpty();
    }

    @Test
    void theFileNameKeepsNoFolderOrControlCharacters() {
        assertThat(TikaDocumentService.safeName("C:\\Users\\anne\\Tårnby.pdf")).isEqualTo("Tårnby.pdf");
        assertThat(TikaDocumentService.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(TikaDocumentService.safeName("a\u0000b\r\n.pdf")).isEqualTo("ab.pdf");
        assertThat(TikaDocumentService.safeName("  ")).isEqualTo("upload");
        assertThat(TikaDocumentService.safeName("x".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
    }
}
