package org.healthycities.network;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.healthycities.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's member pages: list (search, filter, pages), detail and edit. */
@Controller
class MemberController {

    private final MemberService members;
    private final NetworkDirectory directory;

    MemberController(MemberService members, NetworkDirectory directory) {
        this.members = members;
        this.directory = directory;
    }

    @GetMapping("/members")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("page", members.search(directory.visibleTo(user), q, status, page));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", MemberStatus.values());
        return "network/members";
    }

    @GetMapping("/members/{id}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        Member member = members.find(directory.visibleTo(user), id).orElseThrow(MemberController::notFound);
        model.addAttribute("member", member);
        model.addAttribute("network", directory.network(member.getNetworkId()).orElseThrow());
        return "network/member";
    }

    @GetMapping("/members/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        Member member = members.find(directory.visibleTo(user), id).orElseThrow(MemberController::notFound);
        return editPage(member, MemberDetails.of(member), member.getVersion(), model);
    }

    @PostMapping("/members/{id}/edit")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam int version,
                @Valid @ModelAttribute("details") MemberDetails details, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        java.util.Optional<Member> saved;
        try {
            saved = members.update(directory.visibleTo(user), id, version, details, errors);
        } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
            errors.reject("member.stale");
            saved = members.find(directory.visibleTo(user), id);
        }
        Member member = saved.orElseThrow(MemberController::notFound);
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


    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

}
