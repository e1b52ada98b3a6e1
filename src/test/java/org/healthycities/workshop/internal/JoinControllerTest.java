package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.healthycities.network.NetworkClock;
import org.healthycities.support.WebSliceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * A participant's phone typing the code from the screen, as a controller slice: each answer of the code check is
 * said in the participant's language on the same page, with the typed code kept, and nothing else happens
 * (the join itself, against the database, is in WorkshopPagesIT and WorkshopBrowserIT).
 */
@WebMvcTest(JoinController.class)
class JoinControllerTest extends WebSliceTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ParticipantService participants;
    @MockitoBean
    SheetStore sheets;
    @MockitoBean
    NetworkClock time;

    private Document typed(String code, String language, ResultMatcher status) throws Exception {
        String html = mvc.perform(post("/join").param("code", code).cookie(new Cookie("hc-lang", language))
                .with(csrf())).andExpect(status).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void aWrongCodeIsSaidOnThePage_withTheCodeKept() throws Exception {
        given(participants.check(anyString(), any())).willReturn(new ParticipantService.CodeCheck.Wrong());

        Document page = typed("ab12cx", "da", status().isOk());

        assertThat(page.text()).contains("Koden findes ikke. Tjek, at du har skrevet den rigtigt: den har 6 tegn.");
        assertThat(page.select("input[name=code]").val()).isEqualTo("ab12cx");
        verify(participants, never()).join(any(), any(), any());
    }

    @Test
    void aBlankCodeAsksForTheCode_aClosedSessionSaysItIsClosed() throws Exception {
        given(participants.check(anyString(), any())).willReturn(new ParticipantService.CodeCheck.Wrong());
        assertThat(typed(" ", "da", status().isOk()).text()).contains("Skriv koden fra skærmen.");

        given(participants.check(anyString(), any())).willReturn(new ParticipantService.CodeCheck.Closed());
        assertThat(typed("AB12CX", "sv", status().isOk()).text())
                .contains("Grupparbetet med den här koden är stängt, så inga fler svar kan lämnas in.");
    }

    @Test
    void tooManyWrongCodesFromOneAddressIsRefusedWithTooManyRequests() throws Exception {
        given(participants.check(anyString(), any())).willReturn(new ParticipantService.CodeCheck.TooManyGuesses());

        Document page = typed("ZZZZZZ", "sv", status().isTooManyRequests());

        assertThat(page.text()).contains("För många felaktiga koder har provats härifrån. Vänta 10 minuter och försök igen.");
    }

    @Test
    void withoutTheFormsTokenTheCodeIsNotEvenChecked() throws Exception {
        mvc.perform(post("/join").param("code", "AB12CX")).andExpect(status().isForbidden());
        verify(participants, never()).check(anyString(), any());
    }
}
