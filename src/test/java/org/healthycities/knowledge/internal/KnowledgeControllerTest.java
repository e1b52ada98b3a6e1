package org.healthycities.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.documents.DocumentDownloads;
import org.healthycities.documents.DocumentService;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.WebSliceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The knowledge bank's staff form as a controller slice: validation, refusals in the person's language, the typed
 * text kept, and the security rules in front of it, with the bank's services mocked (KnowledgeBankIT proves the
 * same form against the database).
 */
@WebMvcTest(KnowledgeController.class)
class KnowledgeControllerTest extends WebSliceTest {

    static final CurrentUser SECRETARY = new CurrentUser("sekretaer", "Sekretær", Set.of(CurrentUser.SECRETARIAT),
            Set.of("sund-by"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    KnowledgePages pages;
    @MockitoBean
    KnowledgeService knowledge;
    @MockitoBean
    KnowledgeSignIns signIns;
    @MockitoBean
    KnowledgeFeed feed;
    @MockitoBean
    NetworkDirectory directory;
    @MockitoBean
    DocumentService documents;
    @MockitoBean
    DocumentDownloads downloads;

    @BeforeEach
    void theSecretaryWorksForSundBy() {
        given(directory.visibleTo(SECRETARY)).willReturn(Set.of("sund-by"));
        given(knowledge.options(eq("sund-by"), eq(true)))
                .willReturn(new KnowledgeService.Options(List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    static Authentication as(CurrentUser user) {
        return new UsernamePasswordAuthenticationToken(user, null, user.groups().stream()
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
    }

    static MockHttpServletRequestBuilder refusedPractice() {
        return post("/knowledge/new").param("network", "sund-by").param("title", " ")
                .param("text", "<script>alert(1)</script> Løbeklub for seniorer").param("link", "ftp://example")
                .param("year", "1999");
    }

    @Test
    void aRefusedPracticeNamesEachFieldInDanish_keepsWhatWasTyped_andSavesNothing() throws Exception {
        String html = mvc.perform(refusedPractice().with(csrf()).with(authentication(as(SECRETARY))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("#error-summary li").eachText())
                .contains("Skriv en titel.", "Skriv linket som en webadresse, der begynder med https://.",
                        "Skriv året mellem 2000 og 2100.");
        assertThat(page.select("#error-summary a").eachAttr("href")).contains("#title", "#link", "#year");
        assertThat(page.select("textarea[name=text]").text()).isEqualTo("<script>alert(1)</script> Løbeklub for seniorer");
        assertThat(page.select("script:containsData(alert(1))")).as("typed script is text, never a script").isEmpty();
        verify(knowledge, never()).add(any(), any(), any(), any(), any());
    }

    @Test
    void theSameRefusalSpeaksTheChosenLanguage() throws Exception {
        String html = mvc.perform(refusedPractice().cookie(new Cookie("hc-lang", "en")).with(csrf())
                        .with(authentication(as(SECRETARY))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(html).select("#error-summary li").eachText())
                .contains("Enter a title.", "Enter a year between 2000 and 2100.");
    }

    @Test
    void aValidPracticeIsSavedAndShown() throws Exception {
        KnowledgeItem saved = mock(KnowledgeItem.class);
        given(saved.getId()).willReturn(42L);
        given(knowledge.add(any(), eq("sund-by"), any(), any(), any())).willReturn(Optional.of(saved));

        mvc.perform(post("/knowledge/new").param("network", "sund-by").param("title", "Løbeklub")
                        .param("text", "Seniorer løber sammen hver tirsdag.").param("year", "2026")
                        .with(csrf()).with(authentication(as(SECRETARY))))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/knowledge/items/42"));
    }

    @Test
    void withoutTheFormsTokenNothingIsSaved() throws Exception {
        mvc.perform(post("/knowledge/new").param("network", "sund-by").param("title", "Løbeklub")
                        .param("text", "Tekst").param("year", "2026").with(authentication(as(SECRETARY))))
                .andExpect(status().isForbidden());
        verify(knowledge, never()).add(any(), any(), any(), any(), any());
    }

    @Test
    void anotherNetworksBankIsNotFound_andOnlyTheSecretariatGetsIn() throws Exception {
        mvc.perform(post("/knowledge/new").param("network", "hc-sverige").param("title", "Löpklubb")
                        .param("text", "Text").param("year", "2026").with(csrf()).with(authentication(as(SECRETARY))))
                .andExpect(status().isNotFound());
        CurrentUser board = new CurrentUser("styre", "Styre", Set.of(CurrentUser.BOARD), Set.of("sund-by"));
        mvc.perform(get("/knowledge/new").with(authentication(as(board)))).andExpect(status().isForbidden());
        mvc.perform(get("/knowledge/new")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        verify(knowledge, never()).add(any(), any(), any(), any(), any());
    }
}
