package org.healthycities.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.WebSliceTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.Errors;

/**
 * The staff pages as a controller slice: only the admin and a network's secretariat lead get in (a secretary, the
 * board and strangers do not), and a refused invitation is said on the form with what was typed kept (StaffUsersIT
 * proves invitations, leads' limits and deactivation against the database, the engine and GreenMail).
 */
@WebMvcTest(StaffController.class)
class StaffControllerTest extends WebSliceTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StaffService staff;

    static Authentication as(String id, String... groups) {
        CurrentUser user = new CurrentUser(id, id, Set.of(groups), Set.of("sund-by"));
        return new UsernamePasswordAuthenticationToken(user, null,
                Set.of(groups).stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
    }

    @Test
    void onlyTheAdminAndASecretariatLeadGetIn() throws Exception {
        given(staff.list(any())).willReturn(List.of());
        mvc.perform(get("/staff/users").with(authentication(as("admin", CurrentUser.ADMIN)))).andExpect(status().isOk());
        mvc.perform(get("/staff/users").with(authentication(as("lead", CurrentUser.SECRETARIAT, CurrentUser.SECRETARIAT_LEAD))))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/users").with(authentication(as("sekretaer", CurrentUser.SECRETARIAT))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/users/new").with(authentication(as("styre", CurrentUser.BOARD))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/users")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSecretaryCannotInviteEvenWithTheFormsToken() throws Exception {
        mvc.perform(post("/staff/users/new").param("email", "ny@sundby.dk").with(csrf())
                        .with(authentication(as("sekretaer", CurrentUser.SECRETARIAT))))
                .andExpect(status().isForbidden());
        verify(staff, never()).invite(any(), any(), any());
    }

    @Test
    void aRefusedInvitationIsSaidOnTheFormWithWhatWasTypedKept() throws Exception {
        willAnswer(call -> {
            call.<Errors>getArgument(2).rejectValue("email", "staff.email.taken");
            return Optional.empty();
        }).given(staff).invite(any(), any(), any());

        String html = mvc.perform(post("/staff/users/new").param("email", "anne@sundby.dk")
                        .param("firstName", "Anne").param("lastName", "Holm").with(csrf())
                        .with(authentication(as("admin", CurrentUser.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(html).text()).contains("E-mail: adressen hører allerede til en konto.");
        assertThat(Jsoup.parse(html).select("input[name=email]").val()).isEqualTo("anne@sundby.dk");
        verify(staff).invite(any(), any(), any());
    }

    @Test
    void anAcceptedInvitationLeadsBackToTheList() throws Exception {
        given(staff.invite(any(), any(), any())).willReturn(Optional.of("anne.holm"));

        mvc.perform(post("/staff/users/new").param("email", "anne@sundby.dk").with(csrf())
                        .with(authentication(as("lead", CurrentUser.SECRETARIAT, CurrentUser.SECRETARIAT_LEAD))))
                .andExpect(status().is3xxRedirection());
        verify(staff).invite(eq(new CurrentUser("lead", "lead",
                Set.of(CurrentUser.SECRETARIAT, CurrentUser.SECRETARIAT_LEAD), Set.of("sund-by"))), any(), any());
    }
}
