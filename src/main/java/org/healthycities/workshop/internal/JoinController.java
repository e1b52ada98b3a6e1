package org.healthycities.workshop.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.healthycities.forms.SaveResult;
import org.healthycities.network.NetworkClock;
import org.healthycities.security.PublicPaths;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.healthycities.workshop.internal.ParticipantService.Access;
import org.healthycities.workshop.internal.ParticipantService.CodeCheck;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.healthycities.security.NotFound;

/**
 * The participants' pages, without an account: type the code (or scan it), choose the group, then write on
 * the group's shared answer sheet through a private link.
 */
@Controller
class JoinController {

    private final ParticipantService participants;
    private final SheetStore sheets;
    private final MessageSource messages;
    private final NetworkClock time;

    JoinController(ParticipantService participants, SheetStore sheets, MessageSource messages, NetworkClock time) {
        this.time = time;
        this.participants = participants;
        this.sheets = sheets;
        this.messages = messages;
    }

    @Bean
    static PublicPaths workshopJoinPaths() {
        return PublicPaths.of("/join", "/join/**");
    }

    @GetMapping("/join")
    String join(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        if (code == null || code.isBlank()) {
            model.addAttribute("code", "");
            return "workshop/join";
        }
        return check(code, request, response, model);
    }

    @PostMapping("/join")
    String check(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        CodeCheck result = participants.check(request.getRemoteAddr(), code);
        if (result instanceof CodeCheck.Open open) {
            model.addAttribute("view", open.view());
            model.addAttribute("members", participants.members(open.view()));
            if (!model.containsAttribute("joinForm")) {
                model.addAttribute("joinForm", JoinForm.of(Codes.normalize(code)));
            }
            return "workshop/join-group";
        }
        model.addAttribute("code", code);
        if (result instanceof CodeCheck.TooManyGuesses) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("codeError", "workshop.join.tooMany");
        } else if (result instanceof CodeCheck.Closed) {
            model.addAttribute("codeError", "workshop.join.closed");
        } else {
            model.addAttribute("codeError", code.isBlank() ? "workshop.join.code.required" : "workshop.join.wrong");
        }
        return "workshop/join";
    }

    @PostMapping("/join/group")
    String chooseGroup(@Valid @ModelAttribute("joinForm") JoinForm form, BindingResult errors,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        CodeCheck result = participants.check(request.getRemoteAddr(), form.code());
        if (!(result instanceof CodeCheck.Open open)) {
            return check(form.code(), request, response, model); // the code closed meanwhile: say so
        }
        Optional<String> token = participants.join(open.view(), form, errors);
        if (token.isEmpty()) {
            return check(form.code(), request, response, model);
        }
        return "redirect:/join/s/" + token.get();
    }

    @GetMapping("/join/s/{token}")
    String sheet(@PathVariable String token, Model model) {
        Access access = participants.access(token).orElseThrow(NotFound::notFound);
        sheetModel(access, token, model);
        return "workshop/sheet";
    }

    private void sheetModel(Access access, String token, Model model) {
        model.addAttribute("access", access);
        model.addAttribute("view", access.view());
        model.addAttribute("group", access.group());
        model.addAttribute("token", token);
        model.addAttribute("sheet", sheets.sheet(access.participant().getGroupId()));
        model.addAttribute("open", access.view().session().takesAnswers(time.now()));
        if (!model.containsAttribute("mine")) {
            model.addAttribute("mine", Map.of());
            model.addAttribute("conflicts", Map.of());
        }
    }

    /** One field's save, from the page's script (as they type and after each field). */
    @PostMapping("/join/s/{token}/field")
    @ResponseBody
    ResponseEntity<Map<String, Object>> saveField(@PathVariable String token, @RequestParam Long questionId,
                                                  @RequestParam int version,
                                                  @RequestParam(defaultValue = "") String value,
                                                  @RequestParam(required = false) Long resolves, Locale locale) {
        SaveResult<SheetField> result = participants.saveField(token, questionId, version, value, resolves)
                .orElseThrow(NotFound::notFound);
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof SaveResult.Saved<SheetField> saved) {
            body.put("status", "saved");
            body.put("version", saved.current().version());
            return ResponseEntity.ok(body);
        }
        if (result instanceof SaveResult.Conflict<SheetField> conflict) {
            SheetField field = conflict.current();
            body.put("status", "conflict");
            body.put("theirs", field.text() == null ? "" : field.text());
            body.put("version", field.version());
            body.put("conflictId", field.refused().getId());
            body.put("other", field.refused().getValue() == null ? "" : field.refused().getValue());
            body.put("message", msg("workshop.sheet.conflict", locale));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        }
        if (result instanceof SaveResult.Closed) {
            body.put("status", "closed");
            body.put("message", msg("workshop.sheet.closed", locale));
            return ResponseEntity.status(HttpStatus.GONE).body(body);
        }
        body.put("status", "invalid");
        body.put("message", msg(((SaveResult.Invalid<SheetField>) result).errors().get(0).messageKey(), locale));
        return ResponseEntity.unprocessableEntity().body(body);
    }

    /**
     * The group's sheet as it stands (each field's version and text and its open conflicts), which the phones
     * of the group read every two seconds to follow each other's writing.
     */
    @GetMapping("/join/s/{token}/fields")
    @ResponseBody
    Map<String, Object> fields(@PathVariable String token) {
        SheetStore.SheetView sheet = participants.sheetOf(token).orElseThrow(NotFound::notFound);
        Map<String, Object> fields = new LinkedHashMap<>();
        sheet.answers().forEach((questionId, answer) -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("version", answer.getVersion());
            field.put("value", answer.getValue() == null ? "" : answer.getValue());
            field.put("conflicts", sheet.conflicts(questionId).stream()
                    .map(c -> Map.of("id", c.getId(), "value", c.getValue() == null ? "" : c.getValue())).toList());
            fields.put(String.valueOf(questionId), field);
        });
        return Map.of("fields", fields);
    }

    /**
     * The whole sheet at once: the page without script, and the hand-in. Fields nobody changed are
     * skipped; a field someone else changed meanwhile is shown with both versions, nothing is lost.
     */
    @PostMapping("/join/s/{token}")
    String saveSheet(@PathVariable String token, @RequestParam Map<String, String> params,
                     @RequestParam(defaultValue = "save") String action, Model model, Locale locale,
                     RedirectAttributes redirect, HttpServletResponse response) {
        Access access = participants.access(token).orElseThrow(NotFound::notFound);
        SheetStore.SheetView current = sheets.sheet(access.participant().getGroupId());
        Map<Long, String> mine = new HashMap<>();
        Map<Long, SaveResult.Conflict<SheetField>> conflicts = new HashMap<>();
        List<String> problems = new ArrayList<>();
        boolean closed = false;
        Long resolved = resolve(access, current, params.get("resolve"));
        for (Question q : access.view().questions()) {
            if (q.getId().equals(resolved)) {
                continue; // the group just chose this field's text
            }
            String value = params.getOrDefault("q" + q.getId(), "");
            int version = parseVersion(params.get("v" + q.getId()));
            String stored = current.value(q.getId());
            if (value.equals(stored == null ? "" : stored)) {
                continue;
            }
            SaveResult<SheetField> result = participants.save(access, q.getId(), version, value, null);
            if (result instanceof SaveResult.Closed) {
                closed = true;
                mine.put(q.getId(), value);
            } else if (result instanceof SaveResult.Conflict<SheetField> c) {
                conflicts.put(q.getId(), c);
                mine.put(q.getId(), value);
            } else if (result instanceof SaveResult.Invalid<SheetField> invalid) {
                problems.add(q.getLabel() + ": " + msg(invalid.errors().get(0).messageKey(), locale));
                mine.put(q.getId(), value);
            }
        }
        if (closed || !conflicts.isEmpty() || !problems.isEmpty()) {
            if (closed) {
                response.setStatus(HttpStatus.GONE.value());
            }
            model.addAttribute("mine", mine);
            model.addAttribute("conflicts", conflicts);
            model.addAttribute("problems", problems);
            model.addAttribute("closedMessage", closed);
            sheetModel(access, token, model);
            return "workshop/sheet";
        }
        if ("submit".equals(action)) {
            if (!participants.submit(access)) {
                model.addAttribute("closedMessage", true);
                response.setStatus(HttpStatus.GONE.value());
                sheetModel(access, token, model);
                return "workshop/sheet";
            }
            redirect.addFlashAttribute("submitted", true);
        } else {
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/join/s/" + token;
    }

    /**
     * A choice made on an open conflict ("{id}:saved" keeps the saved text, "{id}:other" takes the other
     * version): saved as the field's next version, which closes the conflict. The question, or null.
     */
    private Long resolve(Access access, SheetStore.SheetView sheet, String choice) {
        if (choice == null || !choice.matches("\\d{1,18}:(saved|other)")) {
            return null;
        }
        long conflictId = Long.parseLong(choice.substring(0, choice.indexOf(':')));
        for (Question q : access.view().questions()) {
            for (FieldConflict c : sheet.conflicts(q.getId())) {
                if (c.getId() == conflictId) {
                    String value = choice.endsWith(":saved") ? sheet.value(q.getId()) : c.getValue();
                    participants.save(access, q.getId(), sheet.version(q.getId()), value == null ? "" : value,
                            conflictId);
                    return q.getId();
                }
            }
        }
        return null;
    }

    private static int parseVersion(String v) {
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1; // never matches: treated as stale, so nothing is overwritten blindly
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
