package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages as people read them, in each of the four languages: no message key left in the page (Thymeleaf
 * shows a missing one as ??key_locale??), no date in a machine's or another country's format (every date goes
 * through web/Dates), no network id where its name belongs. A check over each page's text, not page by page.
 */
@IntegrationTest
class PagesReadAsWordsIT {

    static final List<String> PAGES = List.of("/", "/apply", "/join", "/login", "/home", "/members", "/network",
            "/network/sund-by/edit", "/network/sund-by/mail-texts", "/workshops", "/evaluations", "/tasks",
            "/membership/applications", "/membership/fees", "/documents", "/admin/outbox", "/staff/users");

    static final Pattern RAW_KEY = org.healthycities.support.PageWords.RAW_KEY;
    static final Pattern MACHINE_DATE = org.healthycities.support.PageWords.MACHINE_DATE;

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired TestMembers members;
    @Autowired org.healthycities.workshop.internal.TestWorkshops workshops;
    @Autowired org.healthycities.membership.internal.TestApplications applications;

    @Test
    void aFirstVisitSpeaksTheBrowsersLanguageAndLangWorksBeforeTheLogin() throws Exception {
        assertThat(lang(get("/"))).isEqualTo("da"); // no header: Danish
        assertThat(lang(get("/").header("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.8"))).isEqualTo("sv");
        assertThat(lang(get("/").header("Accept-Language", "fr-FR,no;q=0.8,en;q=0.5"))).isEqualTo("nb");
        assertThat(lang(get("/").header("Accept-Language", "de-DE, en;q=0.1"))).isEqualTo("en");
        assertThat(lang(get("/").header("Accept-Language", "de-DE,fr;q=0.5"))).isEqualTo("da");
        assertThat(lang(get("/").header("Accept-Language", ";;q=x,"))).isEqualTo("da");
        // a chosen language outweighs the browser's
        assertThat(lang(get("/").header("Accept-Language", "sv")
                .cookie(new jakarta.servlet.http.Cookie("hc-lang", "nb")))).isEqualTo("nb");
        // ?lang= on the login page, and on a page behind the login: the login page it leads to speaks it
        assertThat(lang(get("/login").param("lang", "sv"))).isEqualTo("sv");
        var protectedPage = mvc.perform(get("/tasks").param("lang", "nb")).andReturn().getResponse();
        assertThat(protectedPage.getStatus()).isEqualTo(302);
        assertThat(protectedPage.getCookie("hc-lang").getValue()).isEqualTo("nb");
        assertThat(lang(get("/login").cookie(protectedPage.getCookie("hc-lang")))).isEqualTo("nb");
        // a language we do not have changes nothing
        assertThat(lang(get("/login").param("lang", "fr").header("Accept-Language", "en"))).isEqualTo("en");
    }

    @Test
    void anUnknownPageSaysSoToAnonymousVisitorsToo() throws Exception {
        var unknown = mvc.perform(get("/no-such-page")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        var known = mvc.perform(get("/members/123")).andReturn();
        assertThat(known.getResponse().getStatus()).isEqualTo(302);
        assertThat(known.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    private String lang(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString()).select("html")
                .attr("lang");
    }

    @Test
    void theNetworkFieldOffersThePersonsOwnNetworkFirst() throws Exception {
        RequestPostProcessor admin = TestMembers.login(identity, TestUsers.create(identity, "standard", CurrentUser.ADMIN));
        // an admin of no network: the network that speaks the page's language
        for (String[] expected : new String[][] {{"da", "sund-by"}, {"sv", "hc-sverige"}, {"nb", "sunne-kommuner"}}) {
            for (String page : List.of("/workshops", "/evaluations")) {
                String html = mvc.perform(get(page).param("lang", expected[0]).with(admin)).andReturn().getResponse()
                        .getContentAsString();
                assertThat(Jsoup.parse(html).select("select#networkId option[selected], select#network option[selected]"))
                        .as(page + " in " + expected[0]).extracting(e -> e.attr("value")).containsExactly(expected[1]);
            }
        }
        // a secretary of two networks: the own one that speaks the page's language
        RequestPostProcessor both = TestMembers.login(identity,
                TestUsers.create(identity, "toNet", CurrentUser.SECRETARIAT, "hc-sverige", "sund-by"));
        for (String[] expected : new String[][] {{"da", "sund-by"}, {"sv", "hc-sverige"}}) {
            String html = mvc.perform(get("/workshops").param("lang", expected[0]).with(both)).andReturn().getResponse()
                    .getContentAsString();
            assertThat(Jsoup.parse(html).select("select#networkId option[selected]")).extracting(e -> e.attr("value"))
                    .containsExactly(expected[1]);
        }
    }

    @Test
    void theCheckKnowsTheFormatsItRefuses() {
        for (String machine : List.of("2026-12-04 10:00", "04-12-2026", "14/11 2017", "4/12")) {
            assertThat(MACHINE_DATE.matcher(machine).find()).as(machine).isTrue();
        }
        for (String words : List.of("4. dec. 2026 16.23", "4 Dec 2026, 16:23", "4. des. 2026", "Strategi 2023-2026")) {
            assertThat(MACHINE_DATE.matcher(words).find()).as(words).isFalse();
        }
        assertThat(RAW_KEY.matcher("Gem ??form.save_da??").find()).isTrue();
        assertThat(org.healthycities.support.PageWords.problems("Trin: membership.step.done", "da")).hasSize(1);
        assertThat(org.healthycities.support.PageWords.problems("Skriv til info@sundby.example.org", "da")).isEmpty();
        // a task name left in the diagram's Danish, where the language says it otherwise
        assertThat(org.healthycities.support.PageWords.problems("Task: Sekretariatets vurdering", "en")).hasSize(1);
        assertThat(org.healthycities.support.PageWords.problems("Oppgave: Sekretariatets vurdering", "nb")).isEmpty();
        assertThat(org.healthycities.support.PageWords.problems("en påminnelse 7 dager før fristen", "nb")).isEmpty();
    }

    @Test
    void everyPageSpeaksWordsInEachLanguage() throws Exception {
        // pages with dates to show: a member, a workshop (14-15 Nov 2026), an application with its mail and task
        var member = members.activeMember("sund-by", "0461");
        workshops.opened();
        applications.runJobs(applications.apply("sund-by"));
        RequestPostProcessor admin = TestMembers.login(identity, TestUsers.create(identity, "ordene", CurrentUser.ADMIN));
        List<String> wrong = new ArrayList<>();
        List<String> pages = new ArrayList<>(PAGES);
        pages.add("/members/" + member.getId());
        for (String language : List.of("da", "en", "sv", "nb")) {
            String workshopDays = Dates.date(java.time.LocalDate.of(2026, 11, 14), java.util.Locale.forLanguageTag(language));
            String workshopsPage = Jsoup.parse(mvc.perform(get("/workshops").param("lang", language).with(admin))
                    .andReturn().getResponse().getContentAsString()).text();
            assertThat(workshopsPage).as("the workshop's days in words").contains(workshopDays);
            for (String page : pages) {
                var response = mvc.perform(get(page).param("lang", language).with(admin)).andReturn().getResponse();
                if (response.getStatus() != 200) {
                    wrong.add(page + " (" + language + "): status " + response.getStatus());
                    continue;
                }
                String text = Jsoup.parse(response.getContentAsString()).text();
                org.healthycities.support.PageWords.problems(text, language)
                        .forEach(problem -> wrong.add(page + " (" + language + "): " + problem));
            }
        }
        assertThat(wrong).as("pages with keys, machine dates or ids where words belong").isEmpty();
    }
}
