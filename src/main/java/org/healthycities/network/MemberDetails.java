package org.healthycities.network;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a member is made of, as entered on the edit page or by the onboarding process. Validated on the
 * server; the messages come from the message bundles in the user's language.
 */
public record MemberDetails(
        @NotBlank(message = "{member.code.required}") @Size(max = 20, message = "{member.code.size}") String code,
        @NotBlank(message = "{member.name.required}") @Size(max = 200, message = "{member.name.size}") String name,
        MemberStatus status,
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate joinedOn,
        @PositiveOrZero(message = "{member.population.negative}") @Max(value = 100_000_000, message = "{member.population.max}") Integer population,
        @PositiveOrZero(message = "{member.fee.negative}") BigDecimal yearlyFee,
        @Size(max = 200, message = "{field.size200}") String politicalContactName,
        @Email(message = "{field.email}") @Size(max = 200, message = "{field.size200}") String politicalContactEmail,
        @Size(max = 40, message = "{field.phone}") String politicalContactPhone,
        @Size(max = 200, message = "{field.size200}") String adminContactName,
        @Email(message = "{field.email}") @Size(max = 200, message = "{field.size200}") String adminContactEmail,
        @Size(max = 40, message = "{field.phone}") String adminContactPhone,
        @Size(max = 200, message = "{field.size200}") String coordinatorName,
        @Email(message = "{field.email}") @Size(max = 200, message = "{field.size200}") String coordinatorEmail,
        @Size(max = 40, message = "{field.phone}") String coordinatorPhone,
        Set<Long> themeGroupIds) {

    public MemberDetails {
        themeGroupIds = themeGroupIds == null ? new LinkedHashSet<>() : themeGroupIds;
    }

    public static MemberDetails of(Member m) {
        Set<Long> groups = new LinkedHashSet<>();
        m.getThemeGroups().forEach(g -> groups.add(g.getId()));
        return new MemberDetails(m.getCode(), m.getName(), m.getStatus(), m.getJoinedOn(), m.getPopulation(),
                m.getYearlyFee(), m.getPoliticalContactName(), m.getPoliticalContactEmail(),
                m.getPoliticalContactPhone(), m.getAdminContactName(), m.getAdminContactEmail(),
                m.getAdminContactPhone(), m.getCoordinatorName(), m.getCoordinatorEmail(), m.getCoordinatorPhone(),
                groups);
    }

    /** The same details under the official code and name of the municipality or region. */
    MemberDetails withOfficialName(String code, String name) {
        return new MemberDetails(code, name, status, joinedOn, population, yearlyFee, politicalContactName,
                politicalContactEmail, politicalContactPhone, adminContactName, adminContactEmail,
                adminContactPhone, coordinatorName, coordinatorEmail, coordinatorPhone, themeGroupIds);
    }
}
