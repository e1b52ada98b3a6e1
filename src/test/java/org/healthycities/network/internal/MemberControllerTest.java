package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.spy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Optional;
import java.util.Set;
import org.healthycities.network.Member;
import org.healthycities.network.MemberKind;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.UnsavedMembers;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.WebSliceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Correcting a member, as a controller slice: each refused field named in the secretary's language with the typed
 * values kept, a save that lost the race to another secretary refused with the typed values kept, a member of
 * another network not found (MemberImportIT and NetworkContactPagesIT prove the saves against the database).
 */
@WebMvcTest(MemberController.class)
class MemberControllerTest extends WebSliceTest {

    static final CurrentUser SECRETARY = new CurrentUser("sekretaer", "Sekretær", Set.of(CurrentUser.SECRETARIAT),
            Set.of("sund-by"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    MemberService members;
    @MockitoBean
    NetworkDirectory directory;
    @MockitoBean
    NetworkScope scope;
    @MockitoBean
    MemberExport export;

    Member taarnby;

    @BeforeEach
    void sundBy() {
        taarnby = spy(UnsavedMembers.member("sund-by", "185", "Tårnby Kommune", MemberKind.MUNICIPALITY,
                MemberStatus.ACTIVE));
        doReturn(7L).when(taarnby).getId();
        given(directory.visibleTo(SECRETARY)).willReturn(Set.of("sund-by"));
        given(members.find(Set.of("sund-by"), 7L)).willReturn(Optional.of(taarnby));
    }

    private static MockHttpServletRequestBuilder save(long id, String name, String coordinatorEmail) {
        return post("/members/" + id + "/edit").param("version", "3").param("code", "185").param("name", name)
                .param("status", "ACTIVE").param("coordinatorName", "Anne Holm")
                .param("coordinatorEmail", coordinatorEmail).with(csrf())
                .with(authentication(new UsernamePasswordAuthenticationToken(SECRETARY, null,
                        Set.of(new SimpleGrantedAuthority("GROUP_" + CurrentUser.SECRETARIAT)))));
    }

    private Document page(MockHttpServletRequestBuilder request, ResultMatcher status) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status).andReturn().getResponse().getContentAsString());
    }

    @Test
    void refusedFieldsAreNamedInTheSecretarysLanguage_andTheTypedValuesKept() throws Exception {
        given(members.update(any(), eq(7L), eq(3), any(), any(), anyString())).willReturn(Optional.of(taarnby));

        Document danish = page(save(7, " ", "anne.holm(at)taarnby"), status().isOk());
        assertThat(danish.select("#error-summary li").eachText())
                .contains("Skriv medlemmets navn.", "Skriv en gyldig e-mailadresse, fx navn@kommune.dk.");
        assertThat(danish.select("input[name=coordinatorEmail]").val()).isEqualTo("anne.holm(at)taarnby");
        assertThat(danish.select("input[name=coordinatorName]").val()).isEqualTo("Anne Holm");

        Document english = page(save(7, " ", "anne.holm(at)taarnby").cookie(new Cookie("hc-lang", "en")), status().isOk());
        assertThat(english.select("#error-summary li").text()).doesNotContain("Skriv medlemmets navn.");
        assertThat(english.select("#error-summary li")).hasSize(danish.select("#error-summary li").size());
    }

    @Test
    void aSaveThatLostTheRaceIsRefused_andTheTypedValuesKept() throws Exception {
        given(members.update(any(), eq(7L), anyInt(), any(), any(), anyString()))
                .willThrow(new OptimisticLockingFailureException("version 3 is gone"));

        Document page = page(save(7, "Tårnby Kommune (rettet)", "anne@taarnby.dk"), status().isOk());

        assertThat(page.select("#error-summary").text()).contains("En anden har ændret medlemmet, mens du redigerede.");
        assertThat(page.select("input[name=name]").val()).isEqualTo("Tårnby Kommune (rettet)");
    }

    @Test
    void aMemberOfAnotherNetworkIsNotFound() throws Exception {
        given(members.update(any(), eq(99L), anyInt(), any(), any(), anyString())).willReturn(Optional.empty());

        mvc.perform(save(99, "Göteborgs Stad", "a@goteborg.se")).andExpect(status().isNotFound());
    }
}
