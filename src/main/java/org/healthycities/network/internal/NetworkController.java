package org.healthycities.network.internal;

import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
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

/** The secretariat's overview of its networks, and the edit page of a network's secretariat contact. */
@Controller
class NetworkController {

    private final NetworkDirectory directory;
    private final NetworkScope scope;
    /** The zones a network may live in: Europe's, and the Atlantic islands'. */
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.startsWith("Europe/") || z.startsWith("Atlantic/")).sorted().toList();

    private final NetworkEditor editor;

    NetworkController(NetworkDirectory directory, NetworkScope scope, NetworkEditor editor) {
        this.directory = directory;
        this.scope = scope;
        this.editor = editor;
    }

    @GetMapping("/network")
    String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
        Set<String> visible = directory.visibleTo(user);
        model.addAttribute("networks", directory.networks().stream().filter(n -> visible.contains(n.getId())).toList());
        return "network/networks";
    }

    @GetMapping("/network/{networkId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        Network network = scope.require(user, networkId);
        return editPage(network, SecretariatContact.of(network), network.getVersion(), model);
    }

    @PostMapping("/network/{networkId}/edit")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, @RequestParam int version,
                @Valid @ModelAttribute("form") SecretariatContact form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        editor.updateContact(networkId, version, form, errors);
        if (errors.hasErrors()) {
            return editPage(network, form, version, model);
        }
        redirect.addFlashAttribute("saved", "network.saved");
        return "redirect:/network";
    }

    private String editPage(Network network, SecretariatContact form, int version, Model model) {
        model.addAttribute("network", network);
        model.addAttribute("version", version);
        model.addAttribute("zones", ZONES);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // re-adding would drop the binding errors
        }
        return "network/network-edit";
    }
}
