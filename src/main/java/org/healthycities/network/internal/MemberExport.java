package org.healthycities.network.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.healthycities.exports.ExportTable;
import org.healthycities.network.Member;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.ThemeGroup;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Members and their contacts as CSV or XLSX, headed by the same labels the member pages use, so the file opens in
 * Excel with Danish letters right and can be imported back unchanged. The coordinators' list is name, coordinator
 * and address only: a mailing list in one click.
 */
@Component
class MemberExport {

    private static final List<String> ALL = List.of("code", "name", "status", "joinedOn", "population",
            "coordinatorName", "coordinatorEmail", "coordinatorPhone", "politicalContactName", "politicalContactEmail",
            "politicalContactPhone", "adminContactName", "adminContactEmail", "adminContactPhone", "themeGroups");
    private static final List<String> COORDINATORS = List.of("name", "coordinatorName", "coordinatorEmail",
            "coordinatorPhone");

    private final MessageSource messages;
    private final NetworkClock time;

    MemberExport(MessageSource messages, NetworkClock time) {
        this.messages = messages;
        this.time = time;
    }

    void write(List<Member> members, boolean coordinators, boolean xlsx, Locale locale, OutputStream out)
            throws IOException {
        List<String> columns = coordinators ? COORDINATORS : ALL;
        // a list may span the caller's networks; the first one's zone would write its times (it has only dates)
        var zone = members.isEmpty() ? ZoneOffset.UTC : time.zone(members.get(0).getNetworkId());
        ExportTable table = xlsx
                ? ExportTable.xlsx(out, messages.getMessage(coordinators ? "members.export.coordinators"
                : "members.title", null, locale), zone)
                : ExportTable.csv(out, locale, zone);
        table.header(columns.stream().map(c -> messages.getMessage("member." + c, null, locale)).toList());
        for (Member m : members) {
            if (coordinators && (m.getCoordinatorEmail() == null || m.getCoordinatorEmail().isBlank())) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            for (String c : columns) {
                row.add(cell(m, c, locale));
            }
            table.row(row);
        }
        table.finish();
    }

    private Object cell(Member m, String column, Locale locale) {
        return switch (column) {
            case "code" -> m.getCode();
            case "name" -> m.getName();
            case "status" -> messages.getMessage("member.status." + m.getStatus(), null, locale);
            case "joinedOn" -> m.getJoinedOn();
            case "population" -> m.getPopulation() == null ? null : BigDecimal.valueOf(m.getPopulation());
            case "coordinatorName" -> m.getCoordinatorName();
            case "coordinatorEmail" -> m.getCoordinatorEmail();
            case "coordinatorPhone" -> m.getCoordinatorPhone();
            case "politicalContactName" -> m.getPoliticalContactName();
            case "politicalContactEmail" -> m.getPoliticalContactEmail();
            case "politicalContactPhone" -> m.getPoliticalContactPhone();
            case "adminContactName" -> m.getAdminContactName();
            case "adminContactEmail" -> m.getAdminContactEmail();
            case "adminContactPhone" -> m.getAdminContactPhone();
            case "themeGroups" -> m.getThemeGroups().stream().map(ThemeGroup::getName).sorted()
                    .collect(Collectors.joining(", "));
            default -> throw new IllegalArgumentException(column);
        };
    }
}
