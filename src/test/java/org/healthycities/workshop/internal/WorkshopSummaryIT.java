package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.healthycities.workshop.internal.TestSessions.Opened;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The consolidation page and the summary: printable page, PDF from the same HTML, XLSX of all answers. */
@IntegrationTest
class WorkshopSummaryIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    WorkshopService workshops;
    @Autowired
    ParticipantService participants;

    @Test
    void theSecretariatConsolidatesAndDownloadsTheSummaryAsPdfAndXlsx() throws Exception {
        Opened opened = TestSessions.opened(workshops, "Lighed\nFællesskab\nForskning", TestSessions.now().plusHours(1));
        Question text = opened.view().questions().get(0);
        Question choice = opened.view().questions().get(1);
        List<ParticipantService.Access> groups = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            JoinForm form = new JoinForm(opened.code(), opened.view().groups().get(g).getId(), null, null, null);
            groups.add(participants.access(participants.join(opened.view(), form, TestSessions.errors(form))
                    .orElseThrow()).orElseThrow());
        }
        participants.save(groups.get(0), text.getId(), 0, "Sundhed i alle politikker virker.\nOgså lokalt.", null);
        participants.save(groups.get(0), choice.getId(), 0, "Delvis", null);
        participants.submit(groups.get(0));
        participants.save(groups.get(1), text.getId(), 0, "Ulighed kræver handling – æøå", null);

        String secretary = TestUsers.create(identity, "sum", CurrentUser.SECRETARIAT, "sund-by");
        RequestPostProcessor user = TestMembers.login(identity, secretary);
        String url = "/workshops/sessions/" + opened.id();
        mvc.perform(get(url + "/consolidate").with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Grupperne arbejder stadig")));
        // closing asks first and does nothing until confirmed
        mvc.perform(post(url + "/close").with(user).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Luk sessionen nu?")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"yes\"")));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(opened.id()))
                .taskDefinitionKey(WorkshopProcess.CONSOLIDATE_TASK).count()).isZero();
        mvc.perform(post(url + "/close").with(user).with(csrf()).param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection());
        // the live table no longer calls the unsubmitted sheet open
        mvc.perform(get(url + "/live").with(user)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(">Åbent<"))));
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(opened.id()))
                .taskDefinitionKey(WorkshopProcess.CONSOLIDATE_TASK).count() == 0) {
            assertThat(System.nanoTime()).as("consolidation task").isLessThan(end);
            Thread.sleep(100);
        }
        String page = mvc.perform(get(url + "/consolidate").with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sundhed i alle politikker virker.")))
                .andExpect(content().string(containsString("Ulighed kræver handling – æøå")))
                .andExpect(content().string(containsString("Kladde")))
                .andExpect(content().string(containsString("Stigende ulighed i sundhed kræver handling")))
                .andExpect(content().string(containsString("10. Mindre ulighed")))
                .andReturn().getResponse().getContentAsString();
        var answerId = java.util.regex.Pattern.compile("name=\"tags-(\\d+)\"").matcher(page);
        assertThat(answerId.find()).isTrue();
        mvc.perform(post(url + "/consolidate").with(user).with(csrf())
                        .param("synthesis-" + text.getId(), "Lighed og sundhed i alle politikker går igen.")
                        .param("tags-" + answerId.group(1), "SDG:SDG10").param("action", "complete"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Afslut og send opsamlingen?")))
                // the texts ride along, and are kept already: going back loses nothing
                .andExpect(content().string(containsString("Lighed og sundhed i alle politikker går igen.")));
        mvc.perform(get(url + "/consolidate").with(user))
                .andExpect(content().string(containsString("Lighed og sundhed i alle politikker går igen.")));
        mvc.perform(post(url + "/consolidate").with(user).with(csrf())
                        .param("synthesis-" + text.getId(), "Lighed og sundhed i alle politikker går igen.")
                        .param("tags-" + answerId.group(1), "SDG:SDG10").param("action", "complete")
                        .param("confirmed", "yes"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get(url + "/summary").with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lighed og sundhed i alle politikker går igen.")))
                .andExpect(content().string(containsString("Mindre ulighed")));

        byte[] pdf = mvc.perform(get(url + "/summary.pdf").with(user)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        String pdfText = new Tika().parseToString(new ByteArrayInputStream(pdf));
        assertThat(pdfText).contains(opened.view().session().getTitle(), "Hvad fungerer godt?",
                "Sundhed i alle politikker virker.", "Ulighed kræver handling – æøå", "(Kladde)",
                "Lighed og sundhed i alle politikker går igen.", "Fællesskab");

        byte[] xlsx = mvc.perform(get(url + "/answers.xlsx").with(user)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var answers = book.getSheetAt(0);
            assertThat(answers.getLastRowNum()).as("one row per question and group").isEqualTo(2 * 3);
            List<String> rows = new ArrayList<>();
            for (Row row : answers) {
                rows.add(row.getCell(2).getStringCellValue() + "|" + row.getCell(3).getStringCellValue() + "|"
                        + row.getCell(4).getStringCellValue() + "|" + row.getCell(5).getStringCellValue());
            }
            assertThat(rows).contains("Gruppe|Status|Svar|Tags", "Fællesskab|Kladde|Ulighed kræver handling – æøå|",
                    "Lighed|Afleveret|Delvis|", "Forskning|Kladde||");
            assertThat(rows).anyMatch(r -> r.startsWith("Lighed|Afleveret|Sundhed i alle politikker virker.\nOgså lokalt.|"));
            assertThat(book.getSheetAt(1).getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo("Lighed og sundhed i alle politikker går igen.");
        }
    }
}
