package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 13, part 1: the secretariat designs a form in the browser. Drafts are checked on the server (each refusal
 * names the field in the person's language and changes nothing), published versions never change, the texts are
 * translated beside the form with Danish as the fallback, and the form goes out and comes in as a .form file.
 */
@IntegrationTest
class FormDesignerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired FormCatalog catalog;
    @Autowired FormViews views;

    private RequestPostProcessor user(String prefix, String group, String network) {
        return TestMembers.login(identity, TestUsers.create(identity, prefix, group, network));
    }

    private long create(RequestPostProcessor who, String title) throws Exception {
        String location = mvc.perform(post("/forms/designer").with(who).with(csrf())
                        .param("networkId", "sund-by").param("title", title))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static final String GOOD = """
            {"type":"default","id":"whatever","schemaVersion":16,"components":[
              {"type":"textfield","id":"F1","key":"name","label":"Navn","validate":{"required":true}},
              {"type":"radio","id":"F2","key":"glad","label":"Er I glade?","values":[{"label":"Ja","value":"ja"},{"label":"Nej","value":"nej"}]}]}""";

    private MvcResult save(RequestPostProcessor who, long id, int version, String schema) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", "Trivsel 2027");
        body.put("version", version);
        body.set("schema", JSON.readTree(schema));
        return mvc.perform(post("/forms/designer/{id}/draft", id).with(who).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.toString())).andReturn();
    }

    private String draft(RequestPostProcessor who, long id) throws Exception {
        return mvc.perform(get("/forms/designer/{id}/export", id).with(who)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private int version(long id) {
        return jdbc.queryForObject("SELECT version FROM designed_form WHERE id = ?", Integer.class, id);
    }

    @Test
    void onlyTheSecretariatOfTheFormsNetworkReachesTheDesigner() throws Exception {
        mvc.perform(get("/forms/designer")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/forms/designer").with(user("fd-board", CurrentUser.BOARD, "sund-by")))
                .andExpect(status().isForbidden());
        long id = create(user("fd-own", CurrentUser.SECRETARIAT, "sund-by"), "Kun vores");
        RequestPostProcessor swede = user("fd-swede", CurrentUser.SECRETARIAT, "hc-sverige");
        mvc.perform(get("/forms/designer/{id}", id).with(swede)).andExpect(status().isNotFound());
        mvc.perform(get("/forms/designer/{id}/export", id).with(swede)).andExpect(status().isNotFound());
        mvc.perform(get("/forms/designer").with(swede)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Kun vores"))));
        assertThat(save(swede, id, 0, GOOD).getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post("/forms/designer/{id}/draft", id).with(user("fd-own2", CurrentUser.SECRETARIAT, "sund-by"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void aRefusedDraftNamesEachFieldInThePersonsLanguageAndKeepsWhatWasSaved() throws Exception {
        RequestPostProcessor secretary = user("fd-refuse", CurrentUser.SECRETARIAT, "sund-by");
        mvc.perform(post("/forms/designer").with(secretary).with(csrf()).param("networkId", "sund-by").param("title", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Skriv en titel.")))
                .andExpect(content().string(containsString("href=\"#new-title\"")));
        long id = create(secretary, "Trivsel 2027");
        assertThat(save(secretary, id, version(id), GOOD).getResponse().getStatus()).isEqualTo(200);
        String saved = draft(secretary, id);

        String bad = """
                {"type":"default","components":[
                  {"type":"textfield","id":"F1","key":"name","label":"Navn"},
                  {"type":"textfield","id":"F2","key":"name","label":"Fornavn"},
                  {"type":"textfield","id":"F3","key":"code","label":"","validate":{"pattern":"[0-9"}}]}""";
        MvcResult refused = save(secretary, id, version(id), bad);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        JsonNode answer = JSON.readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.path("saved").asBoolean()).isFalse();
        assertThat(answer.path("errors").toString())
                .contains("Feltet «Fornavn» bruger nøglen «name», som et andet felt også bruger.")
                .contains("Feltet «code» mangler en tekst (label).")
                .contains("mønsteret «[0-9» er ikke et gyldigt regulært udtryk");
        assertThat(draft(secretary, id)).isEqualTo(saved);

        MvcResult english = mvc.perform(post("/forms/designer/{id}/draft", id).with(secretary).with(csrf())
                .locale(Locale.ENGLISH).header("Accept-Language", "en").param("lang", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"T\",\"version\":" + version(id) + ",\"schema\":" + bad + "}")).andReturn();
        assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("The field “Fornavn” uses the key “name”, which another field uses too.");
    }

    @Test
    void aDraftSavedMeanwhileIsAConflictThatOverwritesNothingUntilAskedTo() throws Exception {
        RequestPostProcessor secretary = user("fd-conflict", CurrentUser.SECRETARIAT, "sund-by");
        long id = create(secretary, "Samtidig");
        int before = version(id);
        assertThat(save(secretary, id, before, GOOD).getResponse().getStatus()).isEqualTo(200);
        String theirs = draft(secretary, id);
        String mine = GOOD.replace("Navn", "Fulde navn");
        MvcResult conflict = save(secretary, id, before, mine);
        assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
        assertThat(draft(secretary, id)).isEqualTo(theirs);
        int current = JSON.readTree(conflict.getResponse().getContentAsString()).path("version").asInt();
        assertThat(save(secretary, id, current, mine).getResponse().getStatus()).isEqualTo(200); // "save anyway"
        assertThat(draft(secretary, id)).contains("Fulde navn");
    }

    @Test
    void aPublishedVersionNeverChangesAndTranslationsFallBackToDanish() throws Exception {
        RequestPostProcessor secretary = user("fd-publish", CurrentUser.SECRETARIAT, "sund-by");
        long id = create(secretary, "Udgivelse");
        mvc.perform(post("/forms/designer/{id}/publish", id).with(secretary).with(csrf()).param("version", "" + version(id)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Formularen har ingen spørgsmål endnu.")));
        save(secretary, id, version(id), GOOD);
        mvc.perform(post("/forms/designer/{id}/publish", id).with(secretary).with(csrf()).param("version", "" + version(id)))
                .andExpect(status().is3xxRedirection());
        String v1 = mvc.perform(get("/forms/designer/{id}/export", id).param("version", "1").with(secretary))
                .andExpect(header().string("Content-Disposition", containsString("-v1.form")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(post("/forms/designer/{id}/publish", id).with(secretary).with(csrf()).param("version", "" + version(id)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kladden er den samme som version 1")));

        save(secretary, id, version(id), GOOD.replace("Er I glade?", "Er I tilfredse?"));
        mvc.perform(post("/forms/designer/{id}/texts", id).with(secretary).with(csrf()).param("language", "en")
                        .param("t.name.label", "Name").param("t.glad.option.ja", "Yes").param("t.unknown.label", "ignored"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/forms/designer/{id}/publish", id).with(secretary).with(csrf()).param("version", "" + version(id)))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/forms/designer/{id}/export", id).param("version", "1").with(secretary))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(v1).contains("Er I glade?");

        String formId = jdbc.queryForObject("SELECT form_id FROM designed_form WHERE id = ?", String.class, id);
        String v2Hash = jdbc.queryForObject("SELECT version_hash FROM designed_form_version WHERE designed_form_id = ? AND number = 2",
                String.class, id);
        FormDefinition v2 = catalog.version(formId, v2Hash);
        FormView english = views.blank(v2, Locale.ENGLISH);
        FormView swedish = views.blank(v2, Locale.forLanguageTag("sv"));
        assertThat(english.fields()).extracting(FormView.FieldView::label).containsExactly("Name", "Er I tilfredse?");
        assertThat(swedish.fields()).extracting(FormView.FieldView::label).containsExactly("Navn", "Er I tilfredse?");
        assertThat(english.fields().get(1).choices()).extracting(FormView.Choice::label).containsExactly("Yes", "Nej");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_version WHERE form_id = ?", Integer.class, formId)).isEqualTo(2);

        mvc.perform(get("/forms/designer/{id}", id).with(secretary)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Version 2 udgivet")))
                .andExpect(content().string(containsString("Hent version 1")));
    }

    @Test
    void aFormFileGoesOutAsCamundaModelerOpensItAndComesBackChecked() throws Exception {
        RequestPostProcessor secretary = user("fd-file", CurrentUser.SECRETARIAT, "sund-by");
        long id = create(secretary, "Ud og ind");
        save(secretary, id, version(id), GOOD);
        byte[] exported = draft(secretary, id).getBytes(StandardCharsets.UTF_8);
        JsonNode file = JSON.readTree(exported);
        assertThat(file.path("type").asText()).isEqualTo("default");
        assertThat(file.path("components").size()).isEqualTo(2);
        assertThat(file.path("schemaVersion").asInt()).isEqualTo(16);

        int before = jdbc.queryForObject("SELECT COUNT(*) FROM designed_form", Integer.class);
        byte[] unsupported = """
                {"type":"default","components":[{"type":"dynamiclist","id":"L","label":"Aktiviteter","components":[]}]}"""
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/forms/designer/import").file(new MockMultipartFile("file", "x.form", "application/json", unsupported))
                        .param("networkId", "sund-by").param("title", "Med liste").with(secretary).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Feltet «Aktiviteter» er af typen dynamiclist, som vores sider ikke kan vise.")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM designed_form", Integer.class)).isEqualTo(before);

        String location = mvc.perform(multipart("/forms/designer/import")
                        .file(new MockMultipartFile("file", "ud-og-ind.form", "application/json", exported))
                        .param("networkId", "sund-by").param("title", "Kopi").with(secretary).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long copy = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonNode copied = JSON.readTree(draft(secretary, copy));
        assertThat(copied.path("components")).isEqualTo(file.path("components"));
        assertThat(copied.path("id").asText()).isNotEqualTo(file.path("id").asText()).startsWith("survey_kopi_");

        mvc.perform(multipart("/forms/designer/{id}/draft-file", id).file(new MockMultipartFile("file", "x.form", "application/json", unsupported))
                        .param("version", "" + version(id)).with(secretary).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("dynamiclist")));
        assertThat(draft(secretary, id).getBytes(StandardCharsets.UTF_8)).isEqualTo(exported);
    }

    @Test
    void thePreviewShowsTheDraftInTheChosenLanguageAndAScriptInALabelAsText() throws Exception {
        RequestPostProcessor secretary = user("fd-preview", CurrentUser.SECRETARIAT, "sund-by");
        long id = create(secretary, "Forhåndsvist");
        save(secretary, id, version(id), GOOD.replace("Navn", "<script>alert(1)</script>Navn"));
        mvc.perform(post("/forms/designer/{id}/texts", id).with(secretary).with(csrf()).param("language", "nb")
                .param("t.glad.label", "Er dere glade?"));
        mvc.perform(get("/forms/designer/{id}/preview", id).with(secretary)).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;Navn")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("Er I glade?")));
        mvc.perform(get("/forms/designer/{id}/preview", id).param("language", "nb").with(secretary))
                .andExpect(content().string(containsString("Er dere glade?")));
        mvc.perform(get("/forms/designer/{id}/texts", id).param("language", "nb").with(secretary))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"Er dere glade?\"")));
    }
}
