package org.healthycities.network.internal;

import java.io.IOException;
import java.io.InputStream;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMemberImport;
import org.healthycities.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A network's possible members: the list (search, pages) and the CSV upload with its line-by-line report. */
@Controller
@RequestMapping("/network/{networkId}/possible-members")
class PossibleMemberController {

    private final NetworkDirectory directory;
    private final NetworkScope scope;
    private final PossibleMemberImport importer;

    PossibleMemberController(NetworkDirectory directory, NetworkScope scope, PossibleMemberImport importer) {
        this.directory = directory;
        this.scope = scope;
        this.importer = importer;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("network", scope.require(user, networkId));
        model.addAttribute("page", directory.possibleMembers(networkId, q, page));
        model.addAttribute("q", q);
        return "network/possible-members";
    }

    @GetMapping("/import")
    String importPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        return importPage(scope.require(user, networkId), model);
    }

    @PostMapping("/import")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                  @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        Network network = scope.require(user, networkId);
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            model.addAttribute("report", importer.importCsv(networkId, in));
        }
        return importPage(network, model);
    }

    private String importPage(Network network, Model model) {
        model.addAttribute("network", network);
        model.addAttribute("maxMegabytes", PossibleMemberImport.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxLines", PossibleMemberImport.MAX_LINES);
        return "network/possible-members-import";
    }
}
