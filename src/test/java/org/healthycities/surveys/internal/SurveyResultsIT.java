package org.healthycities.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.forms.DesignedForm;
import org.healthycities.forms.FormDesigner;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.network.Member;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.PageWords;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The results of a survey on the real database: the counts, shares and mean are what form_answer holds, a filter by
 * region or population band narrows the page and the exports alike, an anonymous survey names nobody, the CSV and
 * XLSX read back, the same form sent again is compared year over year, and another network's survey is not found.
 */
@IntegrationTest
class SurveyResultsIT {

    private static final String SOUTH = "Region Syddanmark";
    private static final String CAPITAL = "Region Hovedstaden";
    private static final String TITLE = "Trivsel på Ærø 2027";
    private static final String FORM = """
            {"type":"default","id":"trivsel","schemaVersion":16,"components":[
              {"type":"radio","id":"F1","key":"glad","label":"Er I glade?","values":[{"label":"Ja","value":"ja"},{"label":"Nej","value":"nej"}]},
              {"type":"checklist","id":"F2","key":"emner","label":"Hvad arbejder I med?","values":[
                {"label":"Lighed i sundhed","value":"lighed"},{"label":"Børn og unge","value":"boern"},{"label":"Klima","value":"klima"}]},
              {"type":"number","id":"F3","key":"ansatte","label":"Antal ansatte"},
              {"type":"checkbox","id":"F4","key":"politik","label":"Har I en sundhedspolitik?"},
              {"type":"textfield","id":"F5","key":"kommentar","label":"Kommentar"}]}""";

    @Autowired SurveyService surveys;
    @Autowired SurveyResults results;
    @Autowired Submissions submissions;
    @Autowired FormDesigner designer;
    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;

    String network;
    Set<String> mine;
    long formId;

    @BeforeEach
    void setUp() {
        TestClock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        network = testNetworks.create("srr", 10, "survey-round.bpmn", "survey-member.bpmn");
        mine = Set.of(network);
        jdbc.update("INSERT INTO possible_member (network_id, code, name, kind) VALUES (?, 'R1', ?, 'REGION'), (?, 'R2', ?, 'REGION')",
                network, SOUTH, network, CAPITAL);
        jdbc.update("UPDATE possible_member SET name = 'Åbenrå Kommune' WHERE network_id = ? AND code = 'T001'", network);
        jdbc.update("UPDATE possible_member SET region_code = 'R1' WHERE network_id = ? AND code IN ('T001', 'T002')", network);
        jdbc.update("UPDATE possible_member SET region_code = 'R2' WHERE network_id = ? AND code IN ('T003', 'T004')", network);
        int[] populations = {15_000, 43_000, 60_000, 120_000};
        for (int i = 1; i <= populations.length; i++) {
            Member m = testMembers.activeMember(network, TestNetworks.code(i));
            jdbc.update("UPDATE member SET population = ? WHERE id = ?", populations[i - 1], m.getId());
        }
        formId = publishedForm();
    }

    private long publishedForm() {
        DesignedForm form = designer.create(mine, network, "Trivsel", "test").form();
        form = designer.saveDraft(mine, form.getId(), form.getVersion(), "Trivsel",
                FORM.getBytes(StandardCharsets.UTF_8), "test").form();
        form = designer.translate(mine, form.getId(), "en", Map.of("glad.label", "Are you happy?", "glad.option.ja", "Yes"),
                "test");
        FormDesigner.Outcome published = designer.publish(mine, form.getId(), form.getVersion(), "test");
        assertThat(published.ok()).as(published.errors().toString()).isTrue();
        return form.getId();
    }

    private Survey send(String title, SurveyAudience audience) {
        SurveyService.Sent sent = surveys.send(mine, new SurveyService.SendRequest(network, formId, title,
                LocalDate.ofInstant(TestClock.now(), TestClock.COPENHAGEN).plusDays(30), 0, audience,
                Recipients.all()), "test");
        assertThat(sent.ok()).as(sent.errors().toString()).isTrue();
        return sent.survey();
    }

    private void answer(long submissionId, Map<String, ?> values) {
        Submission s = submissions.find(submissionId).orElseThrow();
        SaveResult<Submission> saved = submissions.submit(s.id(), s.version(), FormInput.of(values));
        assertThat(saved).as(saved.toString()).isInstanceOf(SaveResult.Submitted.class);
    }

    private Map<String, SurveyRecipient> recipients(Survey survey) {
        Map<String, SurveyRecipient> byName = new HashMap<>();
        surveys.recipients(survey).forEach(r -> byName.put(r.getMemberName(), r));
        return byName;
    }

    /** Three of four members answer: Åbenrå (south, under 20,000), T002 (south, 43,000) and T003 (capital, 60,000). */
    private Survey answered() {
        Survey survey = send(TITLE, SurveyAudience.MEMBERS);
        Map<String, SurveyRecipient> r = recipients(survey);
        answer(r.get("Åbenrå Kommune").getSubmissionId(), Map.of("glad", "ja", "emner", List.of("lighed", "boern"),
                "ansatte", "10", "politik", "true", "kommentar", "Godt; \"tak\" <b>fra</b> Åbenrå"));
        answer(r.get("Testby T002 Kommune").getSubmissionId(), Map.of("glad", "ja", "emner", List.of("lighed"),
                "ansatte", "4", "kommentar", "Mere tid"));
        answer(r.get("Testby T003 Kommune").getSubmissionId(), Map.of("glad", "nej", "ansatte", "7.5"));
        return survey;
    }

    private Map<String, Long> sqlCounts(Survey survey, String key, String column) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT a." + column + ", COUNT(*) FROM form_answer a JOIN form_submission s ON s.id = a.submission_id"
                        + " WHERE s.subject_type = 'survey' AND s.subject_id = ? AND s.status = 'SUBMITTED' AND a.field_key = ?"
                        + " GROUP BY a." + column,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, survey.getId().toString(), key);
        return counts;
    }

    private BigDecimal sqlMean(Survey survey, String key) {
        return jdbc.queryForObject("SELECT AVG(a.number_value) FROM form_answer a JOIN form_submission s ON s.id = a.submission_id"
                + " WHERE s.subject_type = 'survey' AND s.subject_id = ? AND s.status = 'SUBMITTED' AND a.field_key = ?",
                BigDecimal.class, survey.getId().toString(), key);
    }

    private static <Q extends SurveyResults.Question> Q question(SurveyResults.Results r, String key, Class<Q> type) {
        return r.questions().stream().filter(q -> q.key().equals(key)).map(type::cast).findFirst().orElseThrow();
    }

    private static Map<String, Long> counts(SurveyResults.Choices c) {
        Map<String, Long> counts = new HashMap<>();
        c.options().stream().filter(o -> o.count() > 0).forEach(o -> counts.put(o.value(), o.count()));
        return counts;
    }

    @Test
    void theCountsAndTheMeanAreWhatTheDatabaseHolds() {
        Survey survey = answered();
        SurveyResults.Results r = results.results(survey, SurveyResults.Filter.NONE, Locale.forLanguageTag("da"));

        assertThat(r.rate().answered()).isEqualTo(3);
        assertThat(r.rate().asked()).isEqualTo(4);
        assertThat(r.rate().percent()).isEqualTo(75);
        assertThat(r.questions()).extracting(SurveyResults.Question::key)
                .containsExactly("glad", "emner", "ansatte", "politik", "kommentar");
        assertThat(r.trend().shown()).as("sent once: nothing to compare").isFalse();

        SurveyResults.Choices glad = question(r, "glad", SurveyResults.Choices.class);
        assertThat(counts(glad)).isEqualTo(sqlCounts(survey, "glad", "option_value")).containsEntry("ja", 2L);
        assertThat(glad.options()).extracting(SurveyResults.Option::label).containsExactly("Ja", "Nej");
        assertThat(glad.options()).extracting(o -> o.percent().toPlainString()).containsExactly("66.7", "33.3");

        SurveyResults.Choices emner = question(r, "emner", SurveyResults.Choices.class);
        assertThat(emner.multiple()).isTrue();
        assertThat(counts(emner)).isEqualTo(sqlCounts(survey, "emner", "option_value"));
        assertThat(emner.options()).extracting(SurveyResults.Option::value, SurveyResults.Option::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lighed", 2L),
                        org.assertj.core.groups.Tuple.tuple("boern", 1L), org.assertj.core.groups.Tuple.tuple("klima", 0L));
        assertThat(emner.answered()).isEqualTo(2); // T003 chose none: not counted in the shares
        assertThat(emner.options().get(0).percent()).isEqualByComparingTo("100.0");

        SurveyResults.Choices politik = question(r, "politik", SurveyResults.Choices.class);
        Map<String, Long> yesNo = sqlCounts(survey, "politik", "boolean_value");
        assertThat(politik.options()).extracting(SurveyResults.Option::label).containsExactly("Ja", "Nej");
        assertThat(politik.options().get(0).count()).isEqualTo(yesNo.getOrDefault("1", yesNo.getOrDefault("true", 0L)));
        assertThat(politik.options().get(1).count()).isEqualTo(yesNo.getOrDefault("0", yesNo.getOrDefault("false", 0L)))
                .isEqualTo(2); // an unticked checkbox is an answer: no

        SurveyResults.Numbers ansatte = question(r, "ansatte", SurveyResults.Numbers.class);
        assertThat(ansatte.answered()).isEqualTo(3);
        assertThat(ansatte.mean()).isEqualByComparingTo(sqlMean(survey, "ansatte").setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("7.17");
        assertThat(ansatte.min()).isEqualByComparingTo("4");
        assertThat(ansatte.max()).isEqualByComparingTo("10");
        assertThat(ansatte.distribution()).extracting(SurveyResults.Bar::count).containsExactly(1L, 0L, 1L, 0L, 1L);

        SurveyResults.Texts kommentar = question(r, "kommentar", SurveyResults.Texts.class);
        assertThat(kommentar.answers()).extracting(SurveyResults.TextAnswer::memberName, SurveyResults.TextAnswer::text)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Åbenrå Kommune", "Godt; \"tak\" <b>fra</b> Åbenrå"),
                        org.assertj.core.groups.Tuple.tuple("Testby T002 Kommune", "Mere tid"));

        // the reader's language, as the form renders it: translated where the designer translated, else Danish
        SurveyResults.Results english = results.results(survey, SurveyResults.Filter.NONE, Locale.ENGLISH);
        SurveyResults.Choices happy = question(english, "glad", SurveyResults.Choices.class);
        assertThat(happy.label()).isEqualTo("Are you happy?");
        assertThat(happy.options()).extracting(SurveyResults.Option::label).containsExactly("Yes", "Nej");
        assertThat(question(english, "politik", SurveyResults.Choices.class).options())
                .extracting(SurveyResults.Option::label).containsExactly("Yes", "No");
    }

    @Test
    void aRegionOrAPopulationBandNarrowsTheResultsAndTheRate() {
        Survey survey = answered();
        Locale da = Locale.forLanguageTag("da");
        assertThat(results.results(survey, SurveyResults.Filter.NONE, da).regions()).containsExactly(CAPITAL, SOUTH);

        SurveyResults.Results south = results.results(survey, new SurveyResults.Filter(SOUTH, null), da);
        assertThat(south.rate().answered()).isEqualTo(2);
        assertThat(south.rate().asked()).isEqualTo(2);
        assertThat(counts(question(south, "glad", SurveyResults.Choices.class))).isEqualTo(Map.of("ja", 2L));
        assertThat(question(south, "ansatte", SurveyResults.Numbers.class).mean()).isEqualByComparingTo("7.00");

        SurveyResults.Results capital = results.results(survey, new SurveyResults.Filter(CAPITAL, null), da);
        assertThat(capital.rate().answered()).isEqualTo(1);
        assertThat(capital.rate().asked()).isEqualTo(2); // T004 did not answer
        assertThat(counts(question(capital, "glad", SurveyResults.Choices.class))).isEqualTo(Map.of("nej", 1L));

        SurveyResults.Results small = results.results(survey,
                new SurveyResults.Filter(null, SurveyResults.PopulationBand.UNDER_20000), da);
        assertThat(question(small, "kommentar", SurveyResults.Texts.class).answers())
                .extracting(SurveyResults.TextAnswer::memberName).containsExactly("Åbenrå Kommune");
        SurveyResults.Results mid = results.results(survey,
                new SurveyResults.Filter(null, SurveyResults.PopulationBand.FROM_50000), da);
        assertThat(question(mid, "ansatte", SurveyResults.Numbers.class).mean()).isEqualByComparingTo("7.50");
        SurveyResults.Results large = results.results(survey,
                new SurveyResults.Filter(null, SurveyResults.PopulationBand.FROM_100000), da);
        assertThat(large.rate().answered()).isZero();
        assertThat(large.rate().asked()).isEqualTo(1);
        SurveyResults.Results none = results.results(survey,
                new SurveyResults.Filter(CAPITAL, SurveyResults.PopulationBand.UNDER_20000), da);
        assertThat(none.rate().asked()).isZero();
        assertThat(question(none, "glad", SurveyResults.Choices.class).answered()).isZero();
    }

    @Test
    void anAnonymousSurveyNamesNobodyOnThePageOrInTheExports() throws Exception {
        Survey open = send("Åben trivselsmåling", SurveyAudience.OPEN);
        answer(surveys.anonymous(open).id(), Map.of("glad", "ja", "ansatte", "3", "kommentar", "Anonymt svar"));
        answer(surveys.anonymous(open).id(), Map.of("glad", "nej", "ansatte", "5", "kommentar", "Endnu et"));
        surveys.anonymous(open); // a draft never handed in does not count

        SurveyResults.Results r = results.results(open, new SurveyResults.Filter(SOUTH, null), Locale.forLanguageTag("da"));
        assertThat(r.anonymous()).isTrue();
        assertThat(r.filter().isEmpty()).as("an open survey has no members to filter").isTrue();
        assertThat(r.rate().answered()).isEqualTo(2);
        assertThat(r.rate().asked()).isNull();
        assertThat(question(r, "kommentar", SurveyResults.Texts.class).answers())
                .extracting(SurveyResults.TextAnswer::memberName).containsOnlyNulls().hasSize(2);

        RequestPostProcessor secretary = secretary();
        String page = mvc.perform(get("/surveys/{id}/results", open.getId()).with(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(page);
        assertThat(doc.select(".text-answers li")).hasSize(2).allSatisfy(li -> assertThat(li.select("strong")).isEmpty());
        assertThat(doc.select("form#filter")).isEmpty();
        assertThat(doc.select("#response-rate").text()).isEqualTo("2 svar");

        List<String[]> csv = csv(mvc.perform(get("/surveys/{id}/results.csv", open.getId()).with(secretary))
                .andExpect(status().isOk()).andReturn().getResponse());
        assertThat(csv).hasSize(3);
        assertThat(csv.subList(1, 3)).allSatisfy(row -> {
            assertThat(row[0]).isEmpty();
            assertThat(row[1]).isEmpty();
        });
    }

    @Test
    void theCsvAndTheXlsxHoldEveryAnswerUnderTheFilterWithTranslatedLabels() throws Exception {
        Survey survey = answered();
        RequestPostProcessor secretary = secretary();

        MockHttpServletResponse response = mvc.perform(get("/surveys/{id}/results.csv", survey.getId()).with(secretary))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(ContentDisposition.parse(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
                .isEqualTo(TITLE + ".csv");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"Godt; \"\"tak\"\" <b>fra</b> Åbenrå\"");
        List<String[]> rows = csv(response);
        assertThat(rows.get(0)).containsExactly("Medlem", "Region", "Indsendt", "Er I glade?", "Hvad arbejder I med?",
                "Antal ansatte", "Har I en sundhedspolitik?", "Kommentar");
        assertThat(rows).hasSize(4);
        assertThat(row(rows, "Åbenrå Kommune")).startsWith("Åbenrå Kommune", SOUTH, "2027-03-01 10:00", "Ja", "Lighed i sundhed, Børn og unge",
                "10", "Ja");
        assertThat(row(rows, "Testby T003 Kommune")).startsWith("Testby T003 Kommune", CAPITAL, "2027-03-01 10:00", "Nej", "", "7,5", "Nej");

        List<String[]> capital = csv(mvc.perform(get("/surveys/{id}/results.csv", survey.getId()).with(secretary)
                .param("region", CAPITAL)).andReturn().getResponse());
        assertThat(capital).hasSize(2);
        assertThat(capital.get(1)[0]).isEqualTo("Testby T003 Kommune");

        MockHttpServletResponse xlsx = mvc.perform(get("/surveys/{id}/results.xlsx", survey.getId()).with(secretary)
                .param("band", "FROM_20000").param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(ContentDisposition.parse(xlsx.getHeader(HttpHeaders.CONTENT_DISPOSITION)).getFilename())
                .isEqualTo(TITLE + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Member");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Are you happy?");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Testby T002 Kommune");
            assertThat(row.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2027, 3, 1, 10, 0));
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Yes");
            assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(4.0);
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("No");
        }
    }

    @Test
    void theSameFormSentAgainIsComparedYearOverYearOldestFirst() throws Exception {
        Survey first = answered();
        TestClock.set(LocalDateTime.of(2028, 3, 1, 10, 0));
        Survey second = send("Trivsel 2028", SurveyAudience.MEMBERS);
        Map<String, SurveyRecipient> r = recipients(second);
        answer(r.get("Åbenrå Kommune").getSubmissionId(), Map.of("glad", "ja", "ansatte", "20"));
        answer(r.get("Testby T004 Kommune").getSubmissionId(), Map.of("glad", "ja", "ansatte", "30"));

        SurveyResults.Trend trend = results.results(second, SurveyResults.Filter.NONE, Locale.forLanguageTag("da")).trend();
        assertThat(trend.shown()).isTrue();
        assertThat(trend.surveys()).extracting(SurveyResults.Column::surveyId).containsExactly(first.getId(), second.getId());
        assertThat(trend.surveys()).extracting(SurveyResults.Column::current).containsExactly(false, true);
        assertThat(trend.surveys()).extracting(SurveyResults.Column::answered).containsExactly(3L, 2L);
        SurveyResults.ChoiceTrend glad = trend.choices().stream().filter(c -> c.key().equals("glad")).findFirst().orElseThrow();
        assertThat(glad.options()).extracting(SurveyResults.OptionTrend::label).containsExactly("Ja", "Nej");
        assertThat(glad.options().get(0).percents()).extracting(BigDecimal::toPlainString).containsExactly("66.7", "100.0");
        assertThat(glad.options().get(1).percents()).extracting(BigDecimal::toPlainString).containsExactly("33.3", "0.0");
        SurveyResults.NumberTrend ansatte = trend.numbers().get(0);
        assertThat(ansatte.key()).isEqualTo("ansatte");
        assertThat(ansatte.means()).extracting(BigDecimal::toPlainString).containsExactly("7.17", "25.00");
        // under a filter, both years count only those members
        SurveyResults.Trend south = results.results(second, new SurveyResults.Filter(SOUTH, null),
                Locale.forLanguageTag("da")).trend();
        assertThat(south.numbers().get(0).means()).extracting(BigDecimal::toPlainString).containsExactly("7.00", "20.00");

        Document page = Jsoup.parse(mvc.perform(get("/surveys/{id}/results", second.getId()).with(secretary()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#year-over-year")).hasSize(1);
        assertThat(page.select("#trend-surveys tbody tr")).hasSize(2);
        assertThat(page.select("#trend-surveys a").attr("href")).isEqualTo("/surveys/" + first.getId() + "/results");
        assertThat(page.select(".trend-question[data-key=glad] tbody tr").first().select("td").eachText())
                .containsExactly("66,7 %", "100,0 %");
    }

    @Test
    void thePageShowsEachQuestionAsAChartWithItsTableInEveryLanguageAndOtherNetworksGetNotFound() throws Exception {
        Survey survey = answered();
        RequestPostProcessor secretary = secretary();
        for (String lang : List.of("da", "en", "sv", "nb")) {
            String html = mvc.perform(get("/surveys/{id}/results", survey.getId()).param("lang", lang).with(secretary))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document doc = Jsoup.parse(html);
            String words = doc.text();
            assertThat(PageWords.problems(words, lang)).as(lang).isEmpty();
            assertThat(words).as(lang).doesNotContain("survey.results").doesNotContain("??");
            assertThat(html).as("answers are escaped, never markup").doesNotContain("<b>fra</b>")
                    .contains("&lt;b&gt;fra&lt;/b&gt;");
            assertThat(doc.select("h1").text()).contains(TITLE);
            assertThat(doc.select(".question")).hasSize(5);
            for (Element canvas : doc.select("canvas")) {
                assertThat(canvas.attr("role")).isEqualTo("img");
                assertThat(canvas.attr("aria-label")).isNotBlank();
                assertThat(canvas.attr("data-chart")).startsWith("{");
                assertThat(canvas.parent().parent().select("table")).as("a table beside every chart").hasSize(1);
            }
            assertThat(doc.select("canvas")).hasSize(4); // radio, checklist, number, checkbox
            for (Element select : doc.select("form#filter select")) {
                assertThat(doc.select("label[for=" + select.id() + "]")).as("labelled " + select.id()).hasSize(1);
            }
            assertThat(doc.select("a#export-csv").attr("href")).isEqualTo("/surveys/" + survey.getId() + "/results.csv");
        }
        Document danish = Jsoup.parse(mvc.perform(get("/surveys/{id}/results", survey.getId()).with(secretary)
                .param("region", SOUTH).param("band", "UNDER_20000")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(danish.select("#response-rate").text()).isEqualTo("1 af 1 medlem har svaret (100 %)");
        assertThat(danish.select("#region option[selected]").attr("value")).isEqualTo(SOUTH);
        assertThat(danish.select("#band option[selected]").attr("value")).isEqualTo("UNDER_20000");
        assertThat(danish.select("a#export-xlsx").attr("href")).isEqualTo("/surveys/" + survey.getId()
                + "/results.xlsx?region=Region%20Syddanmark&band=UNDER_20000");
        assertThat(danish.select(".question[data-key=ansatte] .mean").text()).isEqualTo("10");

        RequestPostProcessor swede = TestMembers.login(identity,
                TestUsers.create(identity, "srswe", CurrentUser.SECRETARIAT, "hc-sverige"));
        for (String path : List.of("/surveys/{id}/results", "/surveys/{id}/results.csv", "/surveys/{id}/results.xlsx")) {
            mvc.perform(get(path, survey.getId()).with(swede)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/surveys/{id}/results", Long.MAX_VALUE).with(secretary)).andExpect(status().isNotFound());
    }

    private static String[] row(List<String[]> rows, String member) {
        return rows.stream().filter(r -> r[0].equals(member)).findFirst().orElseThrow(() -> new AssertionError(member));
    }

    private RequestPostProcessor secretary() {
        return TestMembers.login(identity, TestUsers.create(identity, "srsek", CurrentUser.SECRETARIAT, network));
    }

    /** The rows of a CSV export (";" between cells, RFC 4180 quotes), after its byte-order mark. */
    private static List<String[]> csv(MockHttpServletResponse response) throws Exception {
        String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return text.substring(1).lines().map(SurveyResultsIT::cells).toList();
    }

    private static String[] cells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
