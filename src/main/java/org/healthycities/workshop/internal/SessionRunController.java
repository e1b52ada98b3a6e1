package org.healthycities.workshop.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.healthycities.web.Confirmation;
import org.healthycities.web.PublicAddress;
import org.healthycities.web.QrCodes;
import org.healthycities.workshop.internal.ConsolidationService.Board;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Running a session: projector (code + QR), live view, consolidation and the summary downloads. */
@Controller
class SessionRunController {

    private final WorkshopService workshops;
    private final ConsolidationService consolidation;
    private final SummaryDocuments documents;
    private final SheetStore sheets;
    private final NetworkDirectory directory;
    private final PublicAddress address;

    SessionRunController(WorkshopService workshops, ConsolidationService consolidation, SummaryDocuments documents,
                         SheetStore sheets, NetworkDirectory directory, PublicAddress address) {
        this.workshops = workshops;
        this.consolidation = consolidation;
        this.documents = documents;
        this.sheets = sheets;
        this.directory = directory;
        this.address = address;
    }

    private SessionView view(CurrentUser user, Long id) {
        return workshops.session(directory.visibleTo(user), id).orElseThrow(NotFound::notFound);
    }

    @GetMapping("/workshops/sessions/{id}/projector")
    String projector(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, HttpSession http, Model model) {
        SessionView view = view(user, id);
        model.addAttribute("view", view);
        model.addAttribute("code", view.session().isOpen() ? WorkshopController.remembered(http, id).orElse(null) : null);
        model.addAttribute("joinUrl", address.url() + "/join");
        return "workshop/projector";
    }

    /** The QR code of the join link with the code, for phones to scan off the projector. */
    @GetMapping(value = "/workshops/sessions/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, HttpSession http) {
        SessionView view = view(user, id);
        String code = WorkshopController.remembered(http, id).filter(c -> view.session().isOpen())
                .orElseThrow(NotFound::notFound);
        return QrCodes.png(address.url() + "/join?code=" + code);
    }

    @GetMapping("/workshops/sessions/{id}/live")
    String live(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        liveModel(view(user, id), model);
        return "workshop/live";
    }

    /** The part of the live view that htmx reloads every few seconds. */
    @GetMapping("/workshops/sessions/{id}/live/table")
    String liveTable(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        liveModel(view(user, id), model);
        return "workshop/live :: table";
    }

    private void liveModel(SessionView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("sheets", sheets.sheets(view.session().getId()));
    }

    @GetMapping("/workshops/sessions/{id}/consolidate")
    String consolidate(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model, Locale locale) {
        Board board = consolidation.board(directory.visibleTo(user), id, locale)
                .orElseThrow(NotFound::notFound);
        model.addAttribute("board", board);
        model.addAttribute("view", board.view());
        return "workshop/consolidate";
    }

    @PostMapping("/workshops/sessions/{id}/consolidate")
    String saveConsolidation(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                             @RequestParam Map<String, String> params, HttpServletRequest request,
                             @RequestParam(defaultValue = "save") String action, Locale locale,
                             Model model, RedirectAttributes redirect) {
        Map<Long, String> texts = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.matches("synthesis-\\d{1,18}")) {
                texts.put(Long.valueOf(name.substring("synthesis-".length())), value);
            }
        });
        Map<Long, Set<String>> tags = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.matches("tags-\\d{1,18}")) {
                tags.put(Long.valueOf(name.substring("tags-".length())), new LinkedHashSet<>(Set.of(values)));
            }
        });
        Set<String> networks = directory.visibleTo(user);
        if ("complete".equals(action) && !"yes".equals(request.getParameter(Confirmation.PARAMETER))) {
            // kept first, so going back from the question loses nothing
            consolidation.save(networks, id, texts, tags, locale).orElseThrow(NotFound::notFound);
            return Confirmation.ask(request, model, "workshop.consolidate.complete.confirm",
                    "workshop.consolidate.complete.confirm.text", null, "workshop.consolidate.complete",
                    "/workshops/sessions/" + id + "/consolidate").orElseThrow();
        }
        if ("complete".equals(action)) {
            boolean done = consolidation.complete(networks, id, texts, tags, user.id(), locale)
                    .orElseThrow(NotFound::notFound);
            redirect.addFlashAttribute(done ? "completed" : "saved", true);
            return done ? "redirect:/workshops/sessions/" + id + "/summary" : "redirect:/workshops/sessions/" + id + "/consolidate";
        }
        consolidation.save(networks, id, texts, tags, locale).orElseThrow(NotFound::notFound);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/workshops/sessions/" + id + "/consolidate";
    }

    @GetMapping("/workshops/sessions/{id}/summary")
    String summary(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model, Locale locale) {
        Board board = consolidation.board(directory.visibleTo(user), id, locale)
                .orElseThrow(NotFound::notFound);
        model.addAttribute("board", board);
        model.addAttribute("view", board.view());
        return "workshop/summary";
    }

    @GetMapping("/workshops/sessions/{id}/summary.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Locale locale) {
        Board board = consolidation.board(directory.visibleTo(user), id, locale)
                .orElseThrow(NotFound::notFound);
        return download(documents.pdf(board, locale), MediaType.APPLICATION_PDF,
                SummaryDocuments.fileName(board.view(), "pdf"));
    }

    @GetMapping("/workshops/sessions/{id}/answers.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Locale locale) {
        Board board = consolidation.board(directory.visibleTo(user), id, locale)
                .orElseThrow(NotFound::notFound);
        return download(documents.xlsx(board, locale),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                SummaryDocuments.fileName(board.view(), "xlsx"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
