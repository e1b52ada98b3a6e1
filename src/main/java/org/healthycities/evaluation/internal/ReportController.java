package org.healthycities.evaluation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.healthycities.evaluation.Progress;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.Charts;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.healthycities.security.NotFound;

/** The round report with charts, its XLSX and PDF exports, the network's trend and a member's history. */
@Controller
class ReportController {

    private final RoundService rounds;
    private final ReportService reports;
    private final ReportExports exports;
    private final EvaluationService evaluations;
    private final NetworkDirectory networks;
    private final MessageSource messages;

    ReportController(RoundService rounds, ReportService reports, ReportExports exports,
                     EvaluationService evaluations, NetworkDirectory networks, MessageSource messages) {
        this.rounds = rounds;
        this.reports = reports;
        this.exports = exports;
        this.evaluations = evaluations;
        this.networks = networks;
        this.messages = messages;
    }

    @GetMapping("/evaluations/rounds/{id}/report")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        fill(visibleRound(user, id), model, locale);
        return "evaluation/report";
    }

    @GetMapping("/evaluations/rounds/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        EvaluationRound round = visibleRound(user, id);
        byte[] pdf = exports.pdf(reports.round(round, locale), networks.network(round.getNetworkId()).orElseThrow(), locale);
        return download(pdf, MediaType.APPLICATION_PDF, "evaluering-" + round.getYear() + ".pdf");
    }

    @GetMapping("/evaluations/rounds/{id}/answers.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale)
            throws IOException {
        EvaluationRound round = visibleRound(user, id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the round's goals and theme groups once, not per member
        List<MemberEvaluation> members = evaluations.ofRound(id);
        EvaluationService.FormContext ctx = members.isEmpty() ? null : evaluations.context(members.get(0));
        exports.xlsx(round, members.stream().map(e -> new ReportExports.Answered(e, evaluations.answers(e, ctx)))
                .toList(), locale, out);
        return download(out.toByteArray(),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "evaluering-" + round.getYear() + ".xlsx");
    }

    @GetMapping("/evaluations/networks/{networkId}/trend")
    String trend(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        if (!networks.visibleTo(user).contains(networkId)) {
            throw NotFound.notFound();
        }
        ReportService.Trend trend = reports.trend(networkId);
        model.addAttribute("network", networks.network(networkId).orElseThrow());
        model.addAttribute("trend", trend);
        model.addAttribute("chart", Charts.lines(trend.years().stream().map(String::valueOf).toList(),
                trend.averagesByYear(), 3.0));
        return "evaluation/trend";
    }

    @GetMapping("/evaluations/members/{memberId}/history")
    String memberHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId, Model model) {
        var own = evaluations.ofMember(memberId).stream().filter(e -> networks.visibleTo(user).contains(e.getNetworkId()))
                .findFirst().orElseThrow(NotFound::notFound);
        model.addAttribute("memberName", own.getMemberName());
        model.addAttribute("history", reports.memberHistory(memberId));
        return "evaluation/member-history";
    }

    private EvaluationRound visibleRound(CurrentUser user, long id) {
        return rounds.round(networks.visibleTo(user), id).orElseThrow(NotFound::notFound);
    }

    private void fill(EvaluationRound round, Model model, Locale locale) {
        ReportService.RoundReport report = reports.round(round, locale);
        List<String> scale = new ArrayList<>();
        for (Progress p : Progress.values()) {
            scale.add(messages.getMessage("evaluation.progress." + p, null, locale));
        }
        String count = messages.getMessage("evaluation.report.count", null, locale);
        model.addAttribute("report", report);
        model.addAttribute("network", networks.network(round.getNetworkId()).orElseThrow());
        model.addAttribute("scale", scale);
        model.addAttribute("progressValues", Progress.values());
        model.addAttribute("goalCharts", report.goals().stream().map(g -> Charts.bar(scale, count, g.values(), false, 1.6)).toList());
        model.addAttribute("sdgChart", Charts.bar(report.sdgs().stream().map(ReportService.TagCount::name).toList(), count,
                report.sdgs().stream().map(ReportService.TagCount::count).toList(), true, 0.9));
        model.addAttribute("sixPChart", Charts.bar(report.sixPs().stream().map(ReportService.TagCount::name).toList(), count,
                report.sixPs().stream().map(ReportService.TagCount::count).toList(), true, 1.6));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
