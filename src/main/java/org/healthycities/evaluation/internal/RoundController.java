package org.healthycities.evaluation.internal;

import static org.healthycities.security.NotFound.notFound;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's evaluation pages: the rounds of its networks, starting a round by hand, a round's
 * progress (polled while it opens), who is missing, extending a member's deadline and reviewing answers.
 */
@Controller
class RoundController {

    private final RoundService rounds;
    private final EvaluationService evaluations;
    private final NetworkDirectory networks;
    private final MessageSource messages;
    private final NetworkClock time;

    RoundController(RoundService rounds, EvaluationService evaluations, NetworkDirectory networks,
                    MessageSource messages, NetworkClock time) {
        this.rounds = rounds;
        this.evaluations = evaluations;
        this.networks = networks;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/evaluations")
    String list(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        Set<String> visible = networks.visibleTo(user);
        List<Network> mine = networks.networks().stream().filter(n -> visible.contains(n.getId())).toList();
        model.addAttribute("rounds", rounds.rounds(visible));
        model.addAttribute("networks", mine);
        model.addAttribute("defaultNetwork", networks.defaultFor(user, locale).orElse(""));
        model.addAttribute("networkNames", mine.stream().collect(Collectors.toMap(Network::getId, Network::getName)));
        model.addAttribute("settings", mine.stream().map(n -> rounds.settings(n.getId())).toList());
        if (!model.containsAttribute("year")) {
            // last year in the person's (first) network
            model.addAttribute("year", (mine.isEmpty() ? LocalDate.ofInstant(time.now(), ZoneOffset.UTC)
                    : time.today(mine.get(0).getId())).getYear() - 1);
        }
        return "evaluation/rounds";
    }

    @PostMapping("/evaluations/start")
    String start(@AuthenticationPrincipal CurrentUser user, @RequestParam String network,
                 @RequestParam(required = false) String year, RedirectAttributes redirect, Locale locale) {
        if (!networks.visibleTo(user).contains(network)) {
            throw notFound();
        }
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            return refused(redirect, year, "evaluation.start.year", locale);
        }
        try {
            EvaluationRound round = rounds.startByHand(network, y, user.id());
            redirect.addFlashAttribute("started", true);
            return "redirect:/evaluations/rounds/" + round.getId();
        } catch (RoundService.Refused r) {
            return refused(redirect, year, r.messageKey, locale, r.args);
        }
    }

    private String refused(RedirectAttributes redirect, String year, String key, Locale locale, Object... args) {
        redirect.addFlashAttribute("startError", messages.getMessage(key, args, locale));
        redirect.addFlashAttribute("year", year);
        return "redirect:/evaluations";
    }

    @PostMapping("/evaluations/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, @RequestParam String network,
                    @RequestParam(defaultValue = "false") boolean autoStart, @RequestParam int startMonth,
                    @RequestParam int startDay, @RequestParam int answerDays, @RequestParam int graceDays,
                    RedirectAttributes redirect) {
        if (!networks.visibleTo(user).contains(network)) {
            throw notFound();
        }
        // any day the month can have (29 February too: in other years the round opens on the 28th)
        if (startMonth < 1 || startMonth > 12 || startDay < 1 || startDay > Month.of(startMonth).maxLength()
                || answerDays < 1 || answerDays > 365
                || graceDays < 0 || graceDays > 365) {
            redirect.addFlashAttribute("settingsError", true);
            return "redirect:/evaluations";
        }
        rounds.saveSettings(network, autoStart, startMonth, startDay, answerDays, graceDays);
        redirect.addFlashAttribute("settingsSaved", true);
        return "redirect:/evaluations";
    }

    @GetMapping("/evaluations/rounds/{id}")
    String round(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        roundModel(visibleRound(user, id), model);
        return "evaluation/round";
    }

    /** The opening's progress and the member list, polled by htmx while invitations go out. */
    @GetMapping("/evaluations/rounds/{id}/live")
    String live(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        roundModel(visibleRound(user, id), model);
        return "evaluation/round :: live";
    }

    private void roundModel(EvaluationRound round, Model model) {
        model.addAttribute("round", round);
        model.addAttribute("network", networks.network(round.getNetworkId()).orElseThrow());
        model.addAttribute("counts", rounds.counts(round.getId()));
        model.addAttribute("evaluations", evaluations.ofRound(round.getId()));
        model.addAttribute("today", time.today(round.getNetworkId()));
    }

    @GetMapping("/evaluations/{id}")
    String evaluation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        MemberEvaluation e = evaluations.find(networks.visibleTo(user), id).orElseThrow(NotFound::notFound);
        model.addAttribute("evaluation", e);
        EvaluationService.FormContext ctx = evaluations.context(e);
        model.addAttribute("answers", evaluations.answers(e, ctx));
        model.addAttribute("ctx", ctx);
        model.addAttribute("reviewOpen", evaluations.reviewOpen(e));
        model.addAttribute("followUpOpen", evaluations.followUpOpen(e));
        model.addAttribute("events", evaluations.events(id));
        model.addAttribute("locale", locale);
        model.addAttribute("sdgNames", ctx.sdgs());
        return "evaluation/evaluation";
    }

    @PostMapping("/evaluations/{id}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String decision,
                  @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        MemberEvaluation e = evaluations.find(networks.visibleTo(user), id).orElseThrow(NotFound::notFound);
        boolean accept = "accept".equals(decision);
        if (!accept && comment.isBlank()) {
            redirect.addFlashAttribute("reviewError", "evaluation.review.commentRequired");
            return "redirect:/evaluations/" + id;
        }
        if (comment.length() > EvaluationService.MAX_COMMENT) {
            redirect.addFlashAttribute("reviewError", "evaluation.review.commentTooLong");
            return "redirect:/evaluations/" + id;
        }
        boolean done = evaluations.review(id, accept, comment, user.id());
        redirect.addFlashAttribute(done ? "reviewed" : "reviewError",
                done ? (accept ? "evaluation.review.accepted" : "evaluation.review.sentBack") : "evaluation.review.notOpen");
        return "redirect:/evaluations/rounds/" + e.getRoundId();
    }

    @PostMapping("/evaluations/{id}/extend")
    String extend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                  RedirectAttributes redirect) {
        MemberEvaluation e = evaluations.find(networks.visibleTo(user), id).orElseThrow(NotFound::notFound);
        var problem = evaluations.extend(id, deadline, user.id());
        redirect.addFlashAttribute(problem.isPresent() ? "extendError" : "extended", problem.orElse(e.getMemberName()));
        redirect.addFlashAttribute("extendedId", id);
        return "redirect:/evaluations/rounds/" + e.getRoundId();
    }

    @PostMapping("/evaluations/{id}/give-up")
    String giveUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        MemberEvaluation e = evaluations.find(networks.visibleTo(user), id).orElseThrow(NotFound::notFound);
        evaluations.giveUp(id, user.id());
        return "redirect:/evaluations/rounds/" + e.getRoundId();
    }

    EvaluationRound visibleRound(CurrentUser user, long id) {
        return rounds.round(networks.visibleTo(user), id).orElseThrow(NotFound::notFound);
    }


    static List<Integer> months() {
        return Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }
}
