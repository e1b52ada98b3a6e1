package org.healthycities.network.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.MemberStory;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's member pages: list (search, filter, pages), detail and edit. */
@Controller
class MemberController {

    private final MemberService members;
    private final NetworkDirectory directory;
    private final NetworkScope scope;
    private final MemberExport export;
    private final List<MemberStory> stories;

    MemberController(MemberService members, NetworkDirectory directory, NetworkScope scope, MemberExport export,
                     List<MemberStory> stories) {
        this.members = members;
        this.directory = directory;
        this.scope = scope;
        this.export = export;
        this.stories = stories;
    }

    @GetMapping("/members")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("page", members.search(directory.visibleTo(user), q, status, page));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("networks", directory.networks().stream()
                .filter(n -> directory.visibleTo(user).contains(n.getId())).toList());
        return "network/members";
    }

    /** The list as a spreadsheet, filtered as on the page; {@code list=coordinators} gives the mailing list. */
    @GetMapping({"/members/export.csv", "/members/export.xlsx"})
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) MemberStatus status,
                @RequestParam(defaultValue = "members") String list, Locale locale,
                HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        boolean coordinators = list.equals("coordinators");
        List<Member> found = members.all(directory.visibleTo(user), q, status);
        String name = coordinators ? "coordinators" : "members";
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + (xlsx ? ".xlsx\"" : ".csv\""));
        export.write(found, coordinators, xlsx, locale, response.getOutputStream());
    }

    @GetMapping("/network/{networkId}/members/new")
    String addPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        Network network = scope.require(user, networkId);
        return addPage(network, new MemberDetails(null, null, MemberStatus.ACTIVE, null, null, null, null, null, null,
                null, null, null, null, null, null, null), model);
    }

    @PostMapping("/network/{networkId}/members/new")
    String add(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
               @ModelAttribute("details") MemberDetails details, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        Optional<Member> added = members.add(networkId, details, errors, user.id());
        if (added.isEmpty()) {
            return addPage(network, details, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/members/" + added.get().getId();
    }

    private String addPage(Network network, MemberDetails details, Model model) {
        if (!model.containsAttribute("details")) {
            model.addAttribute("details", details);
        }
        model.addAttribute("network", network);
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("themeGroups", directory.themeGroups(network.getId()));
        return "network/member-edit";
    }

    @GetMapping("/members/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        Member member = members.find(directory.visibleTo(user), id).orElseThrow(NotFound::notFound);
        model.addAttribute("member", member);
        model.addAttribute("network", directory.network(member.getNetworkId()).orElseThrow());
        model.addAttribute("changes", members.history(member.getId()));
        model.addAttribute("chapters", stories.stream().map(s -> s.of(member))
                .sorted(Comparator.comparingInt(MemberStory.Chapter::order)).toList());
        return "network/member";
    }

    @GetMapping("/members/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        Member member = members.find(directory.visibleTo(user), id).orElseThrow(NotFound::notFound);
        return editPage(member, MemberDetails.of(member), member.getVersion(), model);
    }

    @PostMapping("/members/{id}/edit")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam int version,
                @Valid @ModelAttribute("details") MemberDetails details, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        Optional<Member> saved;
        try {
            saved = members.update(directory.visibleTo(user), id, version, details, errors, user.id());
        } catch (OptimisticLockingFailureException raced) {
            errors.reject("member.stale");
            saved = members.find(directory.visibleTo(user), id);
        }
        Member member = saved.orElseThrow(NotFound::notFound);
        if (errors.hasErrors()) {
            return editPage(member, details, version, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/members/" + id;
    }

    private String editPage(Member member, MemberDetails details, int version, Model model) {
        model.addAttribute("member", member);
        if (!model.containsAttribute("details")) {
            model.addAttribute("details", details); // re-adding would drop the binding errors
        }
        model.addAttribute("version", version);
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("themeGroups", directory.themeGroups(member.getNetworkId()));
        return "network/member-edit";
    }



}
