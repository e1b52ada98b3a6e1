package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public demo over HTTP, without an account: draft, resume from the private link, submit, locked. */
@IntegrationTest
class SampleFormIT {

    private static final Pattern LINK = Pattern.compile("/forms/sample/t/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubmissionLinks links;
    @Autowired
    Submissions submissions;

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private String firstDraft(String kommune) throws Exception {
        MvcResult r = mvc.perform(post("/forms/sample").with(csrf()).param("action", "draft")
                .param("f.kommune", kommune).param("f.kode", "185")).andExpect(status().is3xxRedirection()).andReturn();
        Matcher m = LINK.matcher(r.getResponse().getRedirectedUrl());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private MockHttpServletRequestBuilder save(String token, Document page, String action) {
        return post("/forms/sample/t/" + token).with(csrf()).param("action", action)
                .param("version", page.selectFirst("input[name=version]").val());
    }

    @Test
    void draftResumeSubmitLocked() throws Exception {
        assertThat(page("/forms/sample").select("label[for=f-kommune]").text()).startsWith("Kommunens navn");

        String token = firstDraft("Tårnby Kommune");
        String url = "/forms/sample/t/" + token;
        // only the hash of the token is stored
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_link WHERE token_hash = ?", Integer.class, token)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_link WHERE token_hash = ?", Integer.class,
                SubmissionLinks.hash(token))).isEqualTo(1);
        long id = links.resolve(token).orElseThrow();

        Document resumed = page(url);
        assertThat(resumed.selectFirst("#f-kommune").val()).isEqualTo("Tårnby Kommune");
        assertThat(resumed.selectFirst("#f-kode").val()).isEqualTo("185");

        // submitting with required fields missing: refused, named, nothing stored
        String refused = mvc.perform(save(token, resumed, "submit").param("f.kommune", "Tårnby Kommune")
                        .param("f.motivation", "Vi vil <b>gerne</b>"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document errors = Jsoup.parse(refused);
        assertThat(errors.select("#error-summary").text()).contains("Kommunetype: Udfyld feltet.",
                "Jeg bekræfter, at oplysningerne er rigtige: Sæt flueben i feltet.");
        assertThat(errors.selectFirst("#f-motivation").text()).isEqualTo("Vi vil <b>gerne</b>"); // kept, as text
        assertThat(submissions.answers(id)).doesNotContainKey("motivation");

        mvc.perform(save(token, resumed, "submit").param("f.kommune", "Tårnby Kommune").param("f.kommunetype", "kommune")
                        .param("f.samtykke", "true").param("f.pejlemaerker", "ulighed", "verdensmaal"))
                .andExpect(status().is3xxRedirection());
        Document locked = page(url);
        assertThat(locked.text()).contains("Formularen er sendt ind og kan ikke ændres.");
        assertThat(locked.select("input[name^=f.]")).isEmpty();
        assertThat(locked.select("dl.form-answers").text()).contains("Tårnby Kommune", "Ulighed i sundhed, Verdensmålene");

        mvc.perform(post(url).with(csrf()).param("version", "2").param("action", "draft").param("f.kommune", "Andet"))
                .andExpect(status().is3xxRedirection());
        assertThat(submissions.answers(id)).containsEntry("kommune", "Tårnby Kommune");
        assertThat(submissions.find(id).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);
    }

    @Test
    void aFieldTheFormDoesNotHaveIsRefusedWithAClearMessage() throws Exception {
        String html = mvc.perform(post("/forms/sample").with(csrf()).param("action", "draft")
                        .param("f.kommune", "Vejle").param("f.isAdmin", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(html).select("#error-summary").text()).contains("Feltet ”isAdmin” findes ikke i formularen");
    }

    @Test
    void twoPhonesOnOneDraftBothVersionsStayInFrontOfThePerson() throws Exception {
        String token = firstDraft("Tårnby");
        String url = "/forms/sample/t/" + token;
        Document phoneA = page(url);
        Document phoneB = page(url);
        mvc.perform(save(token, phoneA, "draft").param("f.kommune", "Tårnby Kommune").param("f.kode", "185"))
                .andExpect(status().is3xxRedirection());

        String html = mvc.perform(save(token, phoneB, "draft").param("f.kommune", "Taarnby").param("f.kode", "185"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document conflict = Jsoup.parse(html);
        assertThat(conflict.select("#conflict-summary").text()).contains("En anden har gemt denne kladde");
        assertThat(conflict.selectFirst("#f-kommune").val()).isEqualTo("Taarnby");
        assertThat(conflict.select("#f-kommune-stored").text()).contains("Tårnby Kommune");
        assertThat(conflict.selectFirst("#f-kommune").attr("aria-describedby")).contains("f-kommune-stored");
        assertThat(conflict.select("#f-kode-stored")).isEmpty();
        assertThat(submissions.answers(links.resolve(token).orElseThrow())).containsEntry("kommune", "Tårnby Kommune");

        // saving again from the conflict page keeps this person's version
        mvc.perform(save(token, conflict, "draft").param("f.kommune", "Taarnby")).andExpect(status().is3xxRedirection());
        assertThat(submissions.answers(links.resolve(token).orElseThrow())).containsEntry("kommune", "Taarnby");
    }

    @Test
    void anUploadGoesThroughTheDocumentsCheckAndARefusalIsTheFieldsError() throws Exception {
        String token = firstDraft("Odense");
        String url = "/forms/sample/t/" + token;
        Document draft = page(url);
        String html = mvc.perform(((MockHttpServletRequestBuilder) multipart(url)
                        .file(new MockMultipartFile("f.handleplan", "virus.pdf", "application/pdf", "MZ\u0090 not a pdf".getBytes())))
                        .with(csrf()).param("action", "draft").param("version", draft.selectFirst("input[name=version]").val())
                        .param("f.kommune", "Odense").param("f.harHandleplan", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document refused = Jsoup.parse(html);
        assertThat(refused.selectFirst("#f-handleplan").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("#f-handleplan-error").text()).isNotBlank().doesNotContain("document.");

        mvc.perform(((MockHttpServletRequestBuilder) multipart(url)
                        .file(new MockMultipartFile("f.handleplan", "plan.png", "image/png", TestFiles.png())))
                        .with(csrf()).param("action", "draft").param("version", draft.selectFirst("input[name=version]").val())
                        .param("f.kommune", "Odense").param("f.harHandleplan", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(url).select(".uploaded").text()).contains("plan.png");
    }

    @Test
    void theServerTellsTheBrowserWhichFieldsItsConditionsHide() throws Exception {
        String hidden = mvc.perform(post("/forms/sample-all-components/conditions").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(hidden).contains("f-handleplan");
        String shown = mvc.perform(post("/forms/sample-all-components/conditions").with(csrf())
                .param("f.harHandleplan", "true")).andReturn().getResponse().getContentAsString();
        assertThat(shown).doesNotContain("f-handleplan");
    }
}
