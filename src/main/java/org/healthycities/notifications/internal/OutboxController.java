package org.healthycities.notifications.internal;

import java.util.Map;
import java.util.stream.Collectors;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.MailStatus;
import org.healthycities.security.NotFound;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's view of the outbox (Security keeps /admin/** to the admin group). */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    private static final int PAGE_SIZE = 25;

    private final OutboxRepository outbox;
    private final OutboxMailer mailer;
    private final OutboxSender sender;
    private final NetworkDirectory networks;

    OutboxController(OutboxRepository outbox, OutboxMailer mailer, OutboxSender sender,
                     NetworkDirectory networks) {
        this.networks = networks;
        this.outbox = outbox;
        this.mailer = mailer;
        this.sender = sender;
    }

    @GetMapping
    String list(@RequestParam(required = false) MailStatus status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Pageable request = PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id"));
        Page<OutboxMail> mails = status == null ? outbox.findAll(request) : outbox.findByStatus(status, request);
        model.addAttribute("page", mails.map(OutboxRow::of));
        model.addAttribute("status", status);
        model.addAttribute("statuses", MailStatus.values());
        model.addAttribute("deliveryEnabled", sender.enabled());
        model.addAttribute("networkNames", networkNames());
        return "notifications/outbox";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        OutboxRow mail = outbox.findById(id).map(OutboxRow::of)
                .orElseThrow(() -> NotFound.notFound());
        model.addAttribute("mail", mail);
        model.addAttribute("canRetry", mailer.canRequeue(mail.status()));
        model.addAttribute("deliveryEnabled", sender.enabled());
        model.addAttribute("networkNames", networkNames());
        return "notifications/outbox-mail";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        if (!mailer.requeue(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("requeued", true);
        return "redirect:/admin/outbox/" + id;
    }

    /** Networks by name, not by id, in the admin's pages. */
    private Map<String, String> networkNames() {
        return networks.networks().stream().collect(Collectors.toMap(
                Network::getId, Network::getName));
    }
}
