package org.healthycities.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalRecord;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's data protection page (/admin/** is admin-only). Every step is a POST, so the address searched for
 * never lands in a URL, a browser history or an access log.
 */
@Controller
@RequestMapping("/admin/privacy")
class PrivacyController {

    private final PrivacyService privacy;
    private final Clock clock;

    PrivacyController(PrivacyService privacy, Clock clock) {
        this.privacy = privacy;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("audit", privacy.auditRows(20));
        return "privacy/search";
    }

    @PostMapping
    String search(@RequestParam(required = false) String email, @RequestParam(required = false) String name,
                  Model model) {
        PersonQuery person = PersonQuery.of(email, name);
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        model.addAttribute("audit", privacy.auditRows(20));
        if (!person.problems().isEmpty()) {
            model.addAttribute("problems", person.problems());
            return "privacy/search";
        }
        List<PersonalRecord> records = privacy.find(person);
        model.addAttribute("searched", true);
        model.addAttribute("recordCount", records.size());
        model.addAttribute("groups", grouped(records));
        return "privacy/search";
    }

    @PostMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String email,
                                  @RequestParam(required = false) String name,
                                  @AuthenticationPrincipal(expression = "id") String actor) {
        PersonQuery person = PersonQuery.of(email, name);
        if (!person.problems().isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                    .body(String.join("\n", person.problems()).getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = privacy.export(person, actor);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("personal-data-" + LocalDate.now(clock) + ".json").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The confirm step: what will be erased, and a box to tick. */
    @PostMapping("/erase-confirm")
    String confirm(@RequestParam(required = false) String email, @RequestParam(required = false) String name,
                   Model model) {
        PersonQuery person = PersonQuery.of(email, name);
        if (!person.problems().isEmpty()) {
            return search(email, name, model);
        }
        model.addAttribute("email", email);
        model.addAttribute("name", name);
        model.addAttribute("groups", grouped(privacy.find(person)));
        return "privacy/erase";
    }

    @PostMapping("/erase")
    String erase(@RequestParam(required = false) String email, @RequestParam(required = false) String name,
                 @RequestParam(defaultValue = "false") boolean confirm,
                 @AuthenticationPrincipal(expression = "id") String actor, Model model,
                 RedirectAttributes redirect) {
        PersonQuery person = PersonQuery.of(email, name);
        if (!person.problems().isEmpty()) {
            return search(email, name, model);
        }
        if (!confirm) {
            model.addAttribute("notConfirmed", true);
            return confirm(email, name, model);
        }
        PrivacyService.Erasure erasure = privacy.erase(person, actor);
        redirect.addFlashAttribute("erased", erasure.total());
        return "redirect:/admin/privacy";
    }

    private static Map<String, List<PersonalRecord>> grouped(List<PersonalRecord> records) {
        Map<String, List<PersonalRecord>> groups = new LinkedHashMap<>();
        records.forEach(r -> groups.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r));
        return groups;
    }
}
