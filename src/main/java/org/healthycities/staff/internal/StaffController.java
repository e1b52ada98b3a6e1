package org.healthycities.staff.internal;

import org.healthycities.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages of the admin and the secretariat leads: the list, an invitation, a person's roles and account. */
@Controller
@RequestMapping("/staff/users")
class StaffController {

    private static final String LIST = "redirect:/staff/users";

    private final StaffService staff;

    StaffController(StaffService staff) {
        this.staff = staff;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser manager, Model model) {
        model.addAttribute("people", staff.list(manager));
        model.addAttribute("networkNames", staff.networkNames());
        return "staff/users";
    }

    @GetMapping("/new")
    String invitePage(@AuthenticationPrincipal CurrentUser manager, Model model) {
        return form(manager, null, new StaffForm(), model);
    }

    @PostMapping("/new")
    String invite(@AuthenticationPrincipal CurrentUser manager, @ModelAttribute("form") StaffForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        return staff.invite(manager, form, errors).map(id -> {
            redirect.addFlashAttribute("saved", "staff.invited");
            redirect.addFlashAttribute("savedName", id);
            return LIST;
        }).orElseGet(() -> form(manager, null, form, model));
    }

    @GetMapping("/{id}")
    String person(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id, Model model) {
        StaffMember member = staff.find(manager, id).orElseThrow(StaffService.NotFound::new);
        return form(manager, member, StaffForm.of(member), model);
    }

    @PostMapping("/{id}/roles")
    String roles(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
                 @ModelAttribute("form") StaffForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        StaffMember member = staff.find(manager, id).orElseThrow(StaffService.NotFound::new);
        if (!staff.changeRoles(manager, id, form, errors)) {
            return form(manager, member, form, model);
        }
        redirect.addFlashAttribute("saved", "staff.rolesSaved");
        redirect.addFlashAttribute("savedName", member.name());
        return LIST;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id, Model model,
                      RedirectAttributes redirect) {
        StaffMember member = staff.find(manager, id).orElseThrow(StaffService.NotFound::new);
        BindingResult errors = new BeanPropertyBindingResult(StaffForm.of(member), "form");
        if (!staff.deactivate(manager, id, errors)) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
            return form(manager, member, (StaffForm) errors.getTarget(), model);
        }
        redirect.addFlashAttribute("saved", "staff.deactivated");
        redirect.addFlashAttribute("savedName", member.name());
        return LIST;
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal CurrentUser manager, @PathVariable String id,
                      RedirectAttributes redirect) {
        StaffMember member = staff.find(manager, id).orElseThrow(StaffService.NotFound::new);
        staff.reactivate(manager, id);
        redirect.addFlashAttribute("saved", "staff.reactivated");
        redirect.addFlashAttribute("savedName", member.name());
        return LIST;
    }

    /** The invitation page when member is null, else the person's page. */
    private String form(CurrentUser manager, StaffMember member, StaffForm form, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("networks", staff.givable(manager));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("mayGrant", manager.isAdmin());
        model.addAttribute("self", member != null && member.id().equals(manager.id()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // re-adding would drop the binding errors
        }
        return member == null ? "staff/invite" : "staff/user";
    }
}
