package org.healthycities.network;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a member is made of, as entered on the edit page or by the onboarding process. Validated on the
 * server; the messages come from the message bundles in the user's language.
 */
public record MemberDetails(
        @NotBlank(message = "{member.code.required}") @Size(max = 20, message = "{member.code.size}") String code,
        @NotBlank(message = "{member.name.required}") @Size(max = 200, message = "{member.name.size}") String name,
        MemberStatus status,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn,
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

    /** One field's value before and after a change, as text ({@code null} for none; theme groups by name). */
    public record Change(String property, String before, String after) {
    }

    /** The fields in which these details differ from {@code before}, in the order of the edit page. */
    List<Change> changesFrom(MemberDetails before, Function<Long, String> themeGroupName) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "code", before.code, code);
        compare(changes, "name", before.name, name);
        compare(changes, "status", before.status, status);
        compare(changes, "joinedOn", before.joinedOn, joinedOn);
        compare(changes, "population", before.population, population);
        compare(changes, "yearlyFee", before.yearlyFee == null ? null : before.yearlyFee.stripTrailingZeros().toPlainString(),
                yearlyFee == null ? null : yearlyFee.stripTrailingZeros().toPlainString());
        compare(changes, "coordinatorName", before.coordinatorName, coordinatorName);
        compare(changes, "coordinatorEmail", before.coordinatorEmail, coordinatorEmail);
        compare(changes, "coordinatorPhone", before.coordinatorPhone, coordinatorPhone);
        compare(changes, "politicalContactName", before.politicalContactName, politicalContactName);
        compare(changes, "politicalContactEmail", before.politicalContactEmail, politicalContactEmail);
        compare(changes, "politicalContactPhone", before.politicalContactPhone, politicalContactPhone);
        compare(changes, "adminContactName", before.adminContactName, adminContactName);
        compare(changes, "adminContactEmail", before.adminContactEmail, adminContactEmail);
        compare(changes, "adminContactPhone", before.adminContactPhone, adminContactPhone);
        if (!before.themeGroupIds.equals(themeGroupIds)) {
            changes.add(new Change("themeGroups", names(before.themeGroupIds, themeGroupName),
                    names(themeGroupIds, themeGroupName)));
        }
        return changes;
    }

    private static void compare(List<Change> changes, String property, Object before, Object after) {
        String b = text(before);
        String a = text(after);
        if (!Objects.equals(b, a)) {
            changes.add(new Change(property, b, a));
        }
    }

    private static String text(Object value) {
        String s = value == null ? null : value.toString().strip();
        return s == null || s.isEmpty() ? null : s;
    }

    private static String names(Set<Long> ids, Function<Long, String> name) {
        return ids.isEmpty() ? null : ids.stream().map(name).sorted().collect(Collectors.joining(", "));
    }

    MemberDetails withStatus(MemberStatus newStatus) {
        return new MemberDetails(code, name, newStatus, joinedOn, population, yearlyFee, politicalContactName,
                politicalContactEmail, politicalContactPhone, adminContactName, adminContactEmail,
                adminContactPhone, coordinatorName, coordinatorEmail, coordinatorPhone, themeGroupIds);
    }

    /** The same details under the official code and name of the municipality or region. */
    MemberDetails withOfficialName(String code, String name) {
        return new MemberDetails(code, name, status, joinedOn, population, yearlyFee, politicalContactName,
                politicalContactEmail, politicalContactPhone, adminContactName, adminContactEmail,
                adminContactPhone, coordinatorName, coordinatorEmail, coordinatorPhone, themeGroupIds);
    }
}
