package org.healthycities.documents.internal;

import java.util.Set;
import org.healthycities.documents.DocumentDownloads;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The secretariat's document search and downloads, in the networks the person may see (login required by security). */
@Controller
class DocumentController {

    private final DocumentSearch search;
    private final DocumentDownloads downloads;
    private final NetworkDirectory directory;

    DocumentController(DocumentSearch search, DocumentDownloads downloads, NetworkDirectory directory) {
        this.search = search;
        this.downloads = downloads;
        this.directory = directory;
    }

    @GetMapping("/documents")
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", search.search(directory.visibleTo(user), q, page));
        model.addAttribute("q", q);
        model.addAttribute("tooShort", !q.isBlank() && DocumentSearch.words(q).isEmpty());
        return "documents/search";
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id) {
        Set<String> visible = directory.visibleTo(user);
        return downloads.download(id, document -> visible.contains(document.networkId()));
    }
}
