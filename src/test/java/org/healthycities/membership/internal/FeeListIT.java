package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BeanPropertyBindingResult;

/** Fee rules by year, and each year's fee list by its own rule: next year's rule never changes this year's list. */
@IntegrationTest
class FeeListIT {

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired TestNetworks testNetworks;
    @Autowired MemberService members;
    @Autowired Fees fees;

    String network;
    RequestPostProcessor secretary;

    @BeforeEach
    void setUp() {
        network = testNetworks.create("fee", 4, "member-evaluation.bpmn");
        secretary = TestMembers.login(identity, TestUsers.create(identity, "kontingent", CurrentUser.SECRETARIAT, network));
        member(1, 1_000, LocalDate.of(2020, 1, 1));
        member(2, 20_000, LocalDate.of(2021, 6, 1));
        member(3, 100_000, LocalDate.of(2026, 9, 1));
        member(4, null, LocalDate.of(2027, 2, 1)); // joins in 2027, and without a population
    }

    private void member(int i, Integer population, LocalDate joined) {
        MemberDetails details = new MemberDetails(TestNetworks.code(i), null, MemberStatus.ACTIVE, joined, population,
                null, null, null, null, null, null, null, null, null, null, Set.of());
        var errors = new BeanPropertyBindingResult(details, "details");
        assertThat(members.add(network, details, errors, "test")).as(errors.toString()).isPresent();
    }

    private void saveRule(int year, String rate) throws Exception {
        String page = mvc.perform(get("/membership/fees/" + network).param("year", String.valueOf(year)).with(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"" + year + "\"");
        int version = fees.rule(network, year).filter(r -> r.getFirstYear() == year).map(FeeRule::getVersion).orElse(0);
        mvc.perform(post("/membership/fees/" + network).with(secretary).with(csrf())
                        .param("version", String.valueOf(version)).param("firstYear", String.valueOf(year))
                        .param("kind", "PER_INHABITANT").param("ratePerInhabitant", rate)
                        .param("minimumFee", "5000").param("maximumFee", "90 000"))
                .andExpect(redirectedUrl("/membership/fees"));
    }

    private String listPage(int year) throws Exception {
        return mvc.perform(get("/membership/fees/" + network + "/list").param("year", String.valueOf(year)).with(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachYearsListUsesItsOwnRuleAndNextYearsRuleLeavesItAsItWas() throws Exception {
        saveRule(2026, "2,02");
        FeeList.Year y2026 = new FeeListAccess(fees, members).year(network, 2026);
        assertThat(y2026.lines()).extracting(FeeList.Line::amount).containsExactly(new BigDecimal("5000.00"),
                new BigDecimal("40400.00"), new BigDecimal("90000.00"));
        String before = listPage(2026);
        assertThat(before).contains("3 medlemmer, i alt 135.400 DKK.");

        saveRule(2027, "3");
        assertThat(fees.rule(network, 2026).orElseThrow().getFirstYear()).isEqualTo(2026);
        assertThat(listPage(2026)).contains("3 medlemmer, i alt 135.400 DKK.");
        assertThat(new FeeListAccess(fees, members).year(network, 2026).lines()).extracting(FeeList.Line::amount)
                .containsExactly(new BigDecimal("5000.00"), new BigDecimal("40400.00"), new BigDecimal("90000.00"));
        assertThat(listPage(2027)).contains("4 medlemmer, i alt 155.000 DKK. 1 medlem mangler indbyggertal.");
        assertThat(listPage(2025)).contains("Netværket har ingen regel endnu.");

        // the member's page tells its fee in each year, each by its own year's rule
        TestClock.set(LocalDate.of(2027, 3, 1).atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant());
        long id = members.findByCode(network, TestNetworks.code(2)).orElseThrow().getId();
        String memberPage = mvc.perform(get("/members/" + id).with(secretary)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(memberPage).contains("Kontingent pr. år", "2027: 60.000 DKK (reglen fra 2027)",
                "2026: 40.400 DKK (reglen fra 2026)").doesNotContain("2025:");

        byte[] xlsx = mvc.perform(get("/membership/fees/" + network + "/list.xlsx").param("year", "2026").with(secretary))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Kontingent 2026");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Kontingent (DKK)");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Testby T002 Kommune");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(20_000);
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue())
                    .isEqualTo("Reglen fra 2026: Sats pr. indbygger med minimum og maksimum");
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(40_400);
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(135_400);
        }
    }

    @Test
    void aRuleWithoutAYearIsRefusedNamingTheField() throws Exception {
        String page = mvc.perform(post("/membership/fees/" + network).with(secretary).with(csrf())
                        .param("version", "0").param("firstYear", "").param("kind", "PER_INHABITANT")
                        .param("ratePerInhabitant", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Skriv et år mellem 2000 og 2100.");
        assertThat(fees.rule(network, 2100)).isEmpty();
    }

    /** The list as the page computes it. */
    record FeeListAccess(Fees fees, MemberService members) {
        FeeList.Year year(String network, int year) {
            return new FeeList(fees, members, null).of(network, year);
        }
    }
}
