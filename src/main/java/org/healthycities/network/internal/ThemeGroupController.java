package org.healthycities.network.internal;

import jakarta.validation.Valid;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.ThemeGroup;
import org.healthycities.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A network's theme groups: list, create, edit. */
@Controller
@RequestMapping("/network/{networkId}/theme-groups")
class ThemeGroupController {

    private static final String LIST = "redirect:/network/{networkId}/theme-groups";

    private final NetworkDirectory directory;
    private final NetworkScope scope;
    private final NetworkEditor editor;

    ThemeGroupController(NetworkDirectory directory, NetworkScope scope, NetworkEditor editor) {
        this.directory = directory;
        this.scope = scope;
        this.editor = editor;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        model.addAttribute("network", scope.require(user, networkId));
        model.addAttribute("groups", directory.themeGroups(networkId));
        return "network/theme-groups";
    }

    @GetMapping("/new")
    String createPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        return formPage(scope.require(user, networkId), null, ThemeGroupForm.blank(), 0, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                  @Valid @ModelAttribute("form") ThemeGroupForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        editor.createThemeGroup(networkId, form, errors);
        if (errors.hasErrors()) {
            return formPage(network, null, form, 0, model);
        }
        redirect.addFlashAttribute("saved", "themeGroup.created");
        return LIST;
    }

    @GetMapping("/{id}/edit")
    String editPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, @PathVariable Long id,
                    Model model) {
        Network network = scope.require(user, networkId);
        ThemeGroup group = editor.themeGroup(networkId, id);
        return formPage(network, group, ThemeGroupForm.of(group), group.getVersion(), model);
    }

    @PostMapping("/{id}/edit")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, @PathVariable Long id,
                @RequestParam int version, @Valid @ModelAttribute("form") ThemeGroupForm form, BindingResult errors,
                Model model, RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        ThemeGroup group = editor.themeGroup(networkId, id);
        editor.updateThemeGroup(networkId, id, version, form, errors);
        if (errors.hasErrors()) {
            return formPage(network, group, form, version, model);
        }
        redirect.addFlashAttribute("saved", "themeGroup.saved");
        return LIST;
    }

    /** The create page when group is null, else the edit page. */
    private String formPage(Network network, ThemeGroup group, ThemeGroupForm form, int version, Model model) {
        model.addAttribute("network", network);
        model.addAttribute("group", group);
        model.addAttribute("version", version);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // re-adding would drop the binding errors
        }
        return "network/theme-group-form";
    }
}
