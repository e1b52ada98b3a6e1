package org.healthycities.membership.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.StoredDocument;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.ThemeGroup;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.TaskFragment;
import org.healthycities.tasks.TaskRecordPanel;
import org.healthycities.tasks.TaskView;
import org.healthycities.web.Dates;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Shows the application a membership task is about: its data, documents and history. */
@Component
class ApplicationTaskPanel implements TaskRecordPanel {

    private final Applications applications;
    private final NetworkDirectory networks;
    private final DocumentService documents;
    private final Fees fees;
    private final MessageSource messages;

    ApplicationTaskPanel(Applications applications, NetworkDirectory networks, DocumentService documents, Fees fees,
                         MessageSource messages) {
        this.applications = applications;
        this.networks = networks;
        this.documents = documents;
        this.fees = fees;
        this.messages = messages;
    }

    @Override
    public Collection<String> businessKeysAbout(Collection<String> networks, String text) {
        return applications.idsAbout(networks, text).stream().map(String::valueOf).toList();
    }

    @Override
    public Map<String, String> subjects(Collection<String> businessKeys) {
        return applications.subjects(businessKeys);
    }

    @Override
    public boolean supports(TaskView task) {
        return MembershipGateway.PROCESS_KEY.equals(task.processDefinitionKey());
    }

    @Override
    public String recordType() {
        return MembershipAudit.RECORD_TYPE;
    }

    @Override
    public TaskFragment render(TaskView task, CurrentUser user, Locale locale) {
        Application a = application(task);
        if (a == null || !user.canSee(a.getNetworkId())) {
            return new TaskFragment("membership/task", "applicationMissing", Map.of());
        }
        // nested: the fragment model may not hold nulls, the application's details may
        Map<String, Object> details = details(a, user, locale);
        details.put("taskId", task.id());
        details.put("canRead", mayReadDocuments(task, user, a));
        return new TaskFragment("membership/task", "applicationPanel", Map.of("app", details));
    }

    /**
     * The application's own documents: for its network's secretariat (and the admin) from any of its tasks, and
     * for its network's board from the board's task only.
     */
    @Override
    public boolean mayRead(TaskView task, CurrentUser user, StoredDocument document) {
        Application a = application(task);
        return a != null && Applications.OWNER_TYPE.equals(document.ownerType())
                && String.valueOf(a.getId()).equals(document.ownerId()) && a.getNetworkId().equals(document.networkId())
                && mayReadDocuments(task, user, a);
    }

    private static boolean mayReadDocuments(TaskView task, CurrentUser user, Application a) {
        if (!user.canSee(a.getNetworkId()) || !a.getNetworkId().equals(task.networkId())) {
            return false;
        }
        return user.isAdmin() || user.inGroup(CurrentUser.SECRETARIAT)
                || (user.inGroup(CurrentUser.BOARD) && "board".equals(task.taskDefinitionKey()));
    }

    Application application(TaskView task) {
        try {
            return task.businessKey() == null ? null : applications.find(Long.valueOf(task.businessKey())).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Object> details(Application a, CurrentUser user, Locale locale) {
        Network network = networks.network(a.getNetworkId()).orElseThrow();
        Function<Instant, String> moment = at -> Dates.moment(at, network.getZone(), locale);
        Map<String, Object> m = new LinkedHashMap<>(a.facts(network));
        m.put("statusText", messages.getMessage("membership.status." + a.getStatus(), null, locale));
        m.put("submitted", moment.apply(a.getSubmittedAt()));
        m.put("kind", a.getKind());
        m.put("population", a.getPopulation());
        m.put("political", contact(a.getPoliticalContactName(), a.getPoliticalContactEmail(),
                a.getPoliticalContactPhone()));
        m.put("admin", contact(a.getAdminContactName(), a.getAdminContactEmail(), a.getAdminContactPhone()));
        m.put("coordinator", contact(a.getCoordinatorName(), a.getCoordinatorEmail(), a.getCoordinatorPhone()));
        m.put("decision", a.getDecisionBody() + ", " + Dates.date(a.getDecisionDate(), locale));
        m.put("accession", Boolean.TRUE.equals(a.getAccessionSignedByMayor()) ? a.getMayorName() : null);
        m.put("assembly", Boolean.TRUE.equals(a.getCoordinatorJoinsAssembly()));
        m.put("motivation", a.getMotivation());
        m.put("themeGroups", networks.themeGroups(a.getNetworkId()).stream()
                .filter(g -> a.getThemeGroupIds().contains(g.getId())).map(ThemeGroup::getName).toList());
        m.put("documents", documents.findByOwner(Applications.OWNER_TYPE, String.valueOf(a.getId())));
        m.put("decisionDocumentId", a.getDecisionDocumentId());
        m.put("documentProblem", a.getDocumentProblem());
        m.put("canDownload", user.isAdmin() || user.inGroup(CurrentUser.SECRETARIAT));
        m.put("feeSetBy", a.getFeeSetBy());
        m.put("feeExample", fees.rule(a.getNetworkId()).map(FeeRule::isExample).orElse(false));
        m.put("memberId", a.getMemberId());
        m.put("history", applications.history(a).stream().map(h -> Map.of(
                "when", moment.apply(h.occurredAt),
                "what", messages.getMessage("membership.history." + h.kind, null, h.kind, locale),
                "who", who(h.actor, locale),
                "detail", detail(h, network.getZone(), locale))).toList());
        return m;
    }

    private static final Set<String> DUE_KINDS = Set.of("REVIEW_STARTED", "BOARD_STARTED",
            "WELCOME_MEETING_PLANNED");

    /** A history line's detail in words: a mail by its kind's name, a check's result and a message key said. */
    private String detail(HistoryEntry h, ZoneId zone, Locale locale) {
        String kind = h.kind;
        String detail = h.detail;
        if (detail == null) {
            return "";
        }
        if (kind.equals("MAIL") && detail.contains(" → ")) {
            String template = detail.substring(0, detail.indexOf(" → "));
            return messages.getMessage("mail.kind." + template.replace('/', '.'), null, template, locale)
                    + detail.substring(template.length());
        }
        if (DUE_KINDS.contains(kind) && h.due().isPresent()) {
            return messages.getMessage("membership.history.dueBy", new Object[] {
                    Dates.date(h.due().get().atZone(zone).toLocalDate(), locale)}, locale);
        }
        if (kind.equals("CHECKED")) {
            return messages.getMessage("membership.history.check." + detail, null, detail, locale);
        }
        return detail.matches("[a-z]+(\\.[A-Za-z]+)+") ? messages.getMessage(detail, null, detail, locale) : detail;
    }

    private String who(String actor, Locale locale) {
        return switch (actor) {
            case HistoryEntry.APPLICANT -> messages.getMessage("membership.history.applicant", null, locale);
            case HistoryEntry.SYSTEM -> messages.getMessage("membership.history.system", null, locale);
            default -> actor;
        };
    }

    private static List<String> contact(String name, String email, String phone) {
        return Stream.of(name, email, phone).filter(s -> s != null && !s.isBlank()).toList();
    }
}
