package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.web.Dates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The receipt and the applicant's page say what happens next and by when (the times the diagram gives the
 * secretariat and the board, the review task's own due date), and show no step that was not taken.
 */
@IntegrationTest
class ApplicantNextStepsIT {

    @Autowired MockMvc mvc;
    @Autowired MembershipFixtures fixtures;
    @Autowired ApplicationRepository repository;

    @Test
    void theApplicantIsToldWhatHappensNextAndSeesOnlyStepsTaken() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = UUID.randomUUID().toString();
        String email = "ansoeger@" + code + ".example.org";
        mvc.perform(TestApplications.applyRequest("sund-by", key, code, Map.of())
                .file(new org.springframework.mock.web.MockMultipartFile("decisionDocument", "t.pdf", "application/pdf",
                        MembershipFixtures.pdf("Tiltraedelse"))).with(csrf()));
        Document receipt = page("/apply/received/" + key);
        // P10D on the review task and P30D on the board's in membership-onboarding.bpmn
        assertThat(receipt.select("ol.next-steps li").eachText()).containsExactly(
                "Sekretariatet vurderer ansøgningen, normalt inden for 10 dage. Har de spørgsmål, skriver de til " + email + ".",
                "Anbefaler sekretariatet optagelse, beslutter bestyrelsen, normalt inden for 30 dage. I får besked på mail.",
                "I kan følge ansøgningen undervejs via linket i mailen.");
        assertThat(page("/apply/received/" + key + "?lang=en").select("ol.next-steps li").first().text())
                .contains("usually within 10 days");

        Application a = repository.findByIdempotencyKey(key).orElseThrow();
        String pi = fixtures.instance(a).getId();
        fixtures.runJobs(pi);
        Matcher link = ApplyPagesIT.LINK.matcher(MailServer.html(MailServer.awaitMails(email, 1).get(0)));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        // in review: by the review task's own due date, in the network's zone; nobody waits for the applicant
        var review = fixtures.task(pi, "review");
        String due = Dates.date(review.getDueDate().toInstant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate(),
                Locale.forLanguageTag("da"));
        Document inReview = page("/application/" + token);
        assertThat(inReview.select("#next").text())
                .isEqualTo("Næste skridt: Sekretariatet vurderer ansøgningen senest " + due + ". Har de spørgsmål, får I en mail.");
        assertThat(inReview.select("ol.steps li strong").eachText())
                .containsExactly("Modtaget", "Under behandling", "Hos bestyrelsen", "Afgjort");

        // rejected at the review: the board's step was never taken and is not shown as done
        fixtures.complete(review, Map.of("reviewDecision", "reject", "reviewNote", "Ikke en kommune i netværkets område."));
        fixtures.runJobs(pi);
        Document rejected = page("/application/" + token);
        assertThat(rejected.select("ol.steps li strong").eachText()).containsExactly("Modtaget", "Under behandling", "Afgjort");
        assertThat(rejected.select("ol.steps li.done strong").eachText()).containsExactly("Modtaget", "Under behandling");
        assertThat(rejected.select("#next")).isEmpty();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
    }
}
