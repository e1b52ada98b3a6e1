package org.healthycities.network;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.healthycities.network.internal.NetworkScope;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat brings its member list in: upload, a preview of every line, then one confirmation. */
@Controller
@RequestMapping("/network/{networkId}/members/import")
class MemberImportController {

    private final NetworkScope scope;
    private final MemberImport importer;

    MemberImportController(NetworkScope scope, MemberImport importer) {
        this.scope = scope;
        this.importer = importer;
    }

    @GetMapping
    String uploadPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        return uploadPage(scope.require(user, networkId), model);
    }

    @PostMapping
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                  @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        Network network = scope.require(user, networkId);
        // at most the size limit and one byte more is read: enough to refuse a larger file
        byte[] content = file == null ? new byte[0] : file.getInputStream().readNBytes(Spreadsheet.MAX_BYTES + 1);
        MemberImport.Preview preview = importer.upload(networkId, file == null ? null : file.getOriginalFilename(),
                content, user.id());
        return previewPage(network, preview, model);
    }

    @GetMapping("/preview")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                   @RequestParam(required = false) Long id, Model model) {
        Network network = scope.require(user, networkId);
        return importer.preview(Set.of(networkId), id).map(p -> previewPage(network, p, model))
                .orElseGet(() -> uploadPage(network, model));
    }

    @PostMapping("/confirm")
    String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                   @RequestParam(required = false) Long id, @RequestParam(defaultValue = "") String fingerprint,
                   Model model, RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        var result = importer.confirm(Set.of(networkId), id, fingerprint, user.id());
        if (result.isEmpty()) {
            model.addAttribute("expired", true);
            return uploadPage(network, model);
        }
        if (!result.get().written()) {
            model.addAttribute("changed", true);
            return previewPage(network, result.get().preview(), model);
        }
        // the flash travels in the web session: two numbers, not the preview
        redirect.addFlashAttribute("imported", new int[] {result.get().created(), result.get().updated()});
        return "redirect:/members";
    }

    private String uploadPage(Network network, Model model) {
        model.addAttribute("network", network);
        model.addAttribute("maxMegabytes", Spreadsheet.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxLines", Spreadsheet.MAX_LINES);
        model.addAttribute("columns", Arrays.stream(MemberColumn.values()).map(c -> "member." + c.property)
                .toList());
        return "network/member-import";
    }

    private String previewPage(Network network, MemberImport.Preview preview, Model model) {
        model.addAttribute("preview", preview);
        if (preview.failed()) {
            model.addAttribute("fileError", preview.fileError());
            return uploadPage(network, model);
        }
        model.addAttribute("network", network);
        return "network/member-import-preview";
    }
}
