package org.healthycities.surveys.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.healthycities.forms.FieldError;
import org.healthycities.network.MemberFacts;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.healthycities.web.ErrorSummary;
import org.healthycities.web.PublicAddress;
import org.healthycities.web.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's survey pages: the list, sending a survey (form, recipients, dates), and the follow-up page
 * (who has answered, who has a draft, who has not opened it; remind, extend, give up; the open link's QR code).
 */
@Controller
class SurveyController {

    /** The send page's fields top to bottom, for the error summary's order. */
    private static final List<String> FIELDS = List.of("network", "form", "title", "audience", "recipients",
            "deadline", "remindDaysBefore");

    private final SurveyService surveys;
    private final NetworkDirectory directory;
    private final MessageSource messages;
    private final PublicAddress address;

    SurveyController(SurveyService surveys, NetworkDirectory directory, MessageSource messages, PublicAddress address) {
        this.surveys = surveys;
        this.directory = directory;
        this.messages = messages;
        this.address = address;
    }

    private Set<String> networks(CurrentUser user) {
        return directory.visibleTo(user);
    }

    private Survey survey(CurrentUser user, long id) {
        return surveys.survey(networks(user), id).orElseThrow(() -> NotFound.notFound());
    }

    @GetMapping("/surveys")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<Survey> all = surveys.surveys(networks(user));
        model.addAttribute("surveys", all);
        model.addAttribute("answered", surveys.answered(all));
        model.addAttribute("networkNames", networkNames());
        return "surveys/list";
    }

    @GetMapping("/surveys/new")
    String newSurvey(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String network,
                     @RequestParam(required = false) Long form, Locale locale, Model model) {
        String chosen = network != null && networks(user).contains(network) ? network
                : directory.defaultFor(user, locale).filter(networks(user)::contains)
                .orElse(networks(user).stream().sorted().findFirst().orElse(""));
        model.addAttribute("request", new SurveyService.SendRequest(chosen, form, null, null, 7,
                SurveyAudience.MEMBERS, Recipients.all()));
        return sendPage(user, chosen, model);
    }

    @PostMapping("/surveys")
    String send(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String network,
                @RequestParam(required = false) String form, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String deadline, @RequestParam(defaultValue = "") String remindDaysBefore,
                @RequestParam(defaultValue = "MEMBERS") String audience, @RequestParam(defaultValue = "ALL") String choice,
                @RequestParam(required = false) String themeGroup, @RequestParam(required = false) String region,
                @RequestParam(required = false) String status, @RequestParam(required = false) List<String> member,
                Locale locale, Model model, RedirectAttributes redirect) {
        Recipients recipients = new Recipients(parse(Recipients.Choice.class, choice, Recipients.Choice.ALL),
                number(themeGroup), blank(region), parse(MemberStatus.class, status, null),
                member == null ? Set.of() : member.stream().map(SurveyController::number)
                        .filter(Objects::nonNull).collect(Collectors.toSet()));
        Integer remind = remindDaysBefore.isBlank() ? Integer.valueOf(0) : integer(remindDaysBefore);
        LocalDate due = date(deadline);
        SurveyService.SendRequest request = new SurveyService.SendRequest(network, number(form), title, due,
                remind == null ? -1 : remind, parse(SurveyAudience.class, audience, SurveyAudience.MEMBERS), recipients);
        SurveyService.Sent sent = surveys.send(networks(user), request, user.id());
        if (!sent.ok()) {
            model.addAttribute("request", request);
            model.addAttribute("typedDeadline", deadline);
            model.addAttribute("typedRemind", remindDaysBefore);
            model.addAttribute("summary", summary(sent.errors(), locale));
            return sendPage(user, networks(user).contains(network) ? network : "", model);
        }
        redirect.addFlashAttribute("notice", "survey.sent");
        return "redirect:/surveys/" + sent.survey().getId();
    }

    private String sendPage(CurrentUser user, String network, Model model) {
        Set<String> mine = networks(user);
        model.addAttribute("networks", directory.networks().stream().filter(n -> mine.contains(n.getId())).toList());
        model.addAttribute("network", network);
        model.addAttribute("forms", surveys.sendableForms(network.isEmpty() ? Set.of() : Set.of(network)));
        List<MemberFacts> members = network.isEmpty() ? List.of() : surveys.members(network);
        model.addAttribute("members", members);
        model.addAttribute("regions", members.stream().map(MemberFacts::region).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)));
        model.addAttribute("themeGroups", network.isEmpty() ? List.of() : directory.themeGroups(network));
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("activeCount", members.stream().filter(MemberFacts::active).count());
        return "surveys/send";
    }

    /** One line per refusal, naming its field in the person's language and linking to it. */
    private ErrorSummary summary(List<FieldError> errors, Locale locale) {
        ErrorSummary.Builder summary = ErrorSummary.inOrder(FIELDS.stream().map(f -> "survey-" + f).toList());
        for (FieldError e : errors) {
            summary.add("survey-" + e.field(), messages.getMessage("survey.send." + e.field(), null, locale),
                    messages.getMessage(e.messageKey(), e.args().toArray(), locale));
        }
        return summary.build();
    }

    // ---- the follow-up page ----------------------------------------------------------------------------------

    @GetMapping("/surveys/{id}")
    String followUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Survey survey = survey(user, id);
        model.addAttribute("survey", survey);
        model.addAttribute("networkName", directory.nameOf(survey.getNetworkId()));
        model.addAttribute("recipients", surveys.recipients(survey));
        model.addAttribute("followUps", surveys.followUps(survey));
        model.addAttribute("openLink", survey.getOpenToken() == null ? null
                : address.url() + "/survey/open/" + survey.getOpenToken());
        progress(survey, model);
        return "surveys/follow-up";
    }

    /** The counts, polled while invitations go out. */
    @GetMapping("/surveys/{id}/progress")
    String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Survey survey = survey(user, id);
        model.addAttribute("survey", survey);
        progress(survey, model);
        return "surveys/follow-up :: progress";
    }

    private void progress(Survey survey, Model model) {
        Map<RecipientStatus, Long> counts = surveys.counts(survey);
        model.addAttribute("counts", counts);
        model.addAttribute("invited", surveys.invited(survey));
        model.addAttribute("answeredShare", survey.getRecipientCount() == 0 ? 0
                : Math.round(100.0 * counts.get(RecipientStatus.ANSWERED) / survey.getRecipientCount()));
    }

    @PostMapping("/surveys/{id}/remind")
    String remind(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                  @RequestParam(required = false) Long recipient, RedirectAttributes redirect) {
        int sent = surveys.remindNow(survey(user, id), recipient, user.id());
        redirect.addFlashAttribute("reminded", sent);
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id}/recipients/{recipient}/extend")
    String extend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long recipient,
                  @RequestParam(defaultValue = "") String deadline, RedirectAttributes redirect) {
        Optional<String> refused = surveys.extend(survey(user, id), recipient, date(deadline));
        refused.ifPresentOrElse(key -> {
            redirect.addFlashAttribute("extendError", key);
            redirect.addFlashAttribute("extendRecipient", recipient);
        }, () -> redirect.addFlashAttribute("notice", "survey.extended"));
        return "redirect:/surveys/" + id + "#recipient-" + recipient;
    }

    @PostMapping("/surveys/{id}/recipients/{recipient}/give-up")
    String giveUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long recipient,
                  RedirectAttributes redirect) {
        surveys.giveUp(survey(user, id), recipient);
        redirect.addFlashAttribute("notice", "survey.gaveUp");
        return "redirect:/surveys/" + id;
    }

    @GetMapping(value = "/surveys/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Survey survey = survey(user, id);
        if (survey.getOpenToken() == null) {
            throw NotFound.notFound();
        }
        return QrCodes.png(address.url() + "/survey/open/" + survey.getOpenToken());
    }

    private Map<String, String> networkNames() {
        return directory.networks().stream().collect(Collectors.toMap(Network::getId, Network::getName));
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
