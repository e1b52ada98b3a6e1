package org.healthycities.membership.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.healthycities.exports.ExportTable;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.Network;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's fee list for invoicing: every member active in the year, its population, the rule in force that year
 * and the amount by it. Each year uses its own rule, so a rule for next year never changes this year's list.
 */
@Component
class FeeList {

    /** One member's line; {@code amount} is null when the member has no population to compute it from. */
    record Line(String code, String name, Integer population, BigDecimal amount) {
    }

    record Year(int year, FeeRule rule, List<Line> lines) {
        public BigDecimal total() {
            return lines.stream().map(Line::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public long missing() {
            return lines.stream().filter(l -> l.amount() == null).count();
        }
    }

    private final Fees fees;
    private final MemberService members;
    private final MessageSource messages;

    FeeList(Fees fees, MemberService members, MessageSource messages) {
        this.fees = fees;
        this.members = members;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    Year of(String networkId, int year) {
        Optional<FeeRule> rule = fees.rule(networkId, year);
        List<Line> lines = new ArrayList<>();
        // members who were members at some time in the year: active by its last day
        for (Member m : members.activeMembers(networkId, LocalDate.of(year, 12, 31))) {
            BigDecimal amount = rule.isPresent() && m.getPopulation() != null
                    ? rule.get().feeFor(m.getPopulation(), m.getKind()) : null;
            lines.add(new Line(m.getCode(), m.getName(), m.getPopulation(), amount));
        }
        return new Year(year, rule.orElse(null), lines);
    }

    void xlsx(Network network, int year, Locale locale, OutputStream out) throws IOException {
        Year list = of(network.getId(), year);
        ExportTable table = ExportTable.xlsx(out, msg("membership.fees.list.sheet", locale, year), network.getZone());
        table.header(List.of(msg("membership.fees.list.code", locale), msg("membership.fees.list.member", locale),
                msg("membership.fees.list.population", locale), msg("membership.fees.list.rule", locale),
                msg("membership.fees.list.amount", locale, network.getCurrency())));
        String rule = list.rule() == null ? msg("membership.fees.none", locale)
                : msg("membership.fees.list.ruleFrom", locale, list.rule().getFirstYear(),
                msg("membership.fees.kind." + list.rule().getKind(), locale));
        for (Line line : list.lines()) {
            table.row(Arrays.asList(line.code(), line.name(),
                    line.population() == null ? null : BigDecimal.valueOf(line.population()), rule, line.amount()));
        }
        table.row(Arrays.asList(null, msg("membership.fees.list.total", locale), null, null, list.total()));
        table.finish();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
