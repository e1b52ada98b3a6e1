package org.healthycities.membership;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an applicant fills in (the fields of forms/membership-application.form, same keys), from the page or,
 * for an application started in Tasklist or over the REST API, from the process variables. Public only because
 * Thymeleaf binds check boxes through bean introspection, which skips non-public classes.
 */
public class ApplicationForm {

    /** Random, made when the page is shown: a second submit of the same page finds the first application. */
    @NotBlank
    @Size(max = 64)
    private String idempotencyKey;
    /** What the applicant typed into the municipality search (not stored). */
    private String municipalitySearch;
    @NotBlank(message = "{membership.municipality.required}")
    @Size(max = 20, message = "{membership.code.size}")
    private String municipalityCode;
    /** Typed by hand for a municipality the network's list does not have; used when none is chosen. */
    @Size(max = 20, message = "{membership.code.size}")
    private String otherMunicipalityCode;
    /** Only for a municipality the network's list does not have. */
    @Size(max = 200, message = "{membership.size200}")
    private String municipalityName;
    @NotNull(message = "{membership.population.required}")
    @PositiveOrZero(message = "{membership.population.negative}")
    @Max(value = 100_000_000, message = "{membership.population.max}")
    private Integer population;
    @NotBlank(message = "{membership.politicalContactName.required}")
    @Size(max = 200, message = "{membership.size200}")
    private String politicalContactName;
    @NotBlank(message = "{membership.email.required}")
    @Email(message = "{membership.email.invalid}")
    @Size(max = 200, message = "{membership.size200}")
    private String politicalContactEmail;
    @Size(max = 40, message = "{membership.phone.size}")
    private String politicalContactPhone;
    @NotBlank(message = "{membership.adminContactName.required}")
    @Size(max = 200, message = "{membership.size200}")
    private String adminContactName;
    @NotBlank(message = "{membership.email.required}")
    @Email(message = "{membership.email.invalid}")
    @Size(max = 200, message = "{membership.size200}")
    private String adminContactEmail;
    @Size(max = 40, message = "{membership.phone.size}")
    private String adminContactPhone;
    @NotBlank(message = "{membership.coordinatorName.required}")
    @Size(max = 200, message = "{membership.size200}")
    private String coordinatorName;
    @NotBlank(message = "{membership.email.required}")
    @Email(message = "{membership.email.invalid}")
    @Size(max = 200, message = "{membership.size200}")
    private String coordinatorEmail;
    @Size(max = 40, message = "{membership.phone.size}")
    private String coordinatorPhone;
    @NotNull(message = "{membership.decisionDate.required}")
    @PastOrPresent(message = "{membership.decisionDate.future}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate decisionDate;
    @NotBlank(message = "{membership.decisionBody.required}")
    @Size(max = 200, message = "{membership.size200}")
    private String decisionBody;
    /** Sund By Netværket only (checked by the service): the accession document is signed by the mayor. */
    private boolean accessionSignedByMayor;
    @Size(max = 200, message = "{membership.size200}")
    private String mayorName;
    /** Sund By Netværket only: the coordinator takes a seat in the general assembly (repræsentantskab). */
    private boolean coordinatorJoinsAssembly;
    @NotBlank(message = "{membership.motivation.required}")
    @Size(max = 5000, message = "{membership.size5000}")
    private String motivation;
    private Set<Long> themeGroupIds = new LinkedHashSet<>();
    @AssertTrue(message = "{membership.consent.required}")
    private boolean consent;

    /** The same fields from process variables (Tasklist start form or REST start). */
    static ApplicationForm fromVariables(Map<String, Object> v) {
        ApplicationForm f = new ApplicationForm();
        f.municipalityCode = str(v.get("municipalityCode"));
        f.municipalityName = str(v.get("municipalityName"));
        Object pop = v.get("population");
        f.population = pop instanceof Number n ? n.intValue() : pop == null ? null : Integer.valueOf(pop.toString().trim());
        f.politicalContactName = str(v.get("politicalContactName"));
        f.politicalContactEmail = str(v.get("politicalContactEmail"));
        f.politicalContactPhone = str(v.get("politicalContactPhone"));
        f.adminContactName = str(v.get("adminContactName"));
        f.adminContactEmail = str(v.get("adminContactEmail"));
        f.adminContactPhone = str(v.get("adminContactPhone"));
        f.coordinatorName = str(v.get("coordinatorName"));
        f.coordinatorEmail = str(v.get("coordinatorEmail"));
        f.coordinatorPhone = str(v.get("coordinatorPhone"));
        Object date = v.get("decisionDate");
        f.decisionDate = date == null ? null : date instanceof Date d
                ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(date.toString().substring(0, 10));
        f.decisionBody = str(v.get("decisionBody"));
        f.accessionSignedByMayor = Boolean.TRUE.equals(v.get("accessionSignedByMayor"));
        f.mayorName = str(v.get("mayorName"));
        f.coordinatorJoinsAssembly = Boolean.TRUE.equals(v.get("coordinatorJoinsAssembly"));
        f.motivation = str(v.get("motivation"));
        Object groups = v.get("themeGroupIds");
        if (groups instanceof Iterable<?> it) {
            it.forEach(g -> f.themeGroupIds.add(Long.valueOf(g.toString())));
        }
        f.consent = Boolean.TRUE.equals(v.get("consent"));
        return f;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String v) { idempotencyKey = v; }
    public String getMunicipalitySearch() { return municipalitySearch; }
    public void setMunicipalitySearch(String v) { municipalitySearch = v; }
    public String getMunicipalityCode() { return municipalityCode; }
    public void setMunicipalityCode(String v) { municipalityCode = v; }
    public String getOtherMunicipalityCode() { return otherMunicipalityCode; }
    public void setOtherMunicipalityCode(String v) { otherMunicipalityCode = v; }

    /** The code typed by hand counts when none was chosen from the list. */
    void takeOtherCode() {
        if ((municipalityCode == null || municipalityCode.isBlank()) && otherMunicipalityCode != null
                && !otherMunicipalityCode.isBlank()) {
            municipalityCode = otherMunicipalityCode.trim();
        }
    }

    public String getMunicipalityName() { return municipalityName; }
    public void setMunicipalityName(String v) { municipalityName = v; }
    public Integer getPopulation() { return population; }
    public void setPopulation(Integer v) { population = v; }
    public String getPoliticalContactName() { return politicalContactName; }
    public void setPoliticalContactName(String v) { politicalContactName = v; }
    public String getPoliticalContactEmail() { return politicalContactEmail; }
    public void setPoliticalContactEmail(String v) { politicalContactEmail = v; }
    public String getPoliticalContactPhone() { return politicalContactPhone; }
    public void setPoliticalContactPhone(String v) { politicalContactPhone = v; }
    public String getAdminContactName() { return adminContactName; }
    public void setAdminContactName(String v) { adminContactName = v; }
    public String getAdminContactEmail() { return adminContactEmail; }
    public void setAdminContactEmail(String v) { adminContactEmail = v; }
    public String getAdminContactPhone() { return adminContactPhone; }
    public void setAdminContactPhone(String v) { adminContactPhone = v; }
    public String getCoordinatorName() { return coordinatorName; }
    public void setCoordinatorName(String v) { coordinatorName = v; }
    public String getCoordinatorEmail() { return coordinatorEmail; }
    public void setCoordinatorEmail(String v) { coordinatorEmail = v; }
    public String getCoordinatorPhone() { return coordinatorPhone; }
    public void setCoordinatorPhone(String v) { coordinatorPhone = v; }
    public LocalDate getDecisionDate() { return decisionDate; }
    public void setDecisionDate(LocalDate v) { decisionDate = v; }
    public String getDecisionBody() { return decisionBody; }
    public void setDecisionBody(String v) { decisionBody = v; }
    public boolean isAccessionSignedByMayor() { return accessionSignedByMayor; }
    public void setAccessionSignedByMayor(boolean v) { accessionSignedByMayor = v; }
    public String getMayorName() { return mayorName; }
    public void setMayorName(String v) { mayorName = v; }
    public boolean isCoordinatorJoinsAssembly() { return coordinatorJoinsAssembly; }
    public void setCoordinatorJoinsAssembly(boolean v) { coordinatorJoinsAssembly = v; }
    public String getMotivation() { return motivation; }
    public void setMotivation(String v) { motivation = v; }
    public Set<Long> getThemeGroupIds() { return themeGroupIds; }
    public void setThemeGroupIds(Set<Long> v) { themeGroupIds = v == null ? new LinkedHashSet<>() : v; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean v) { consent = v; }
}
