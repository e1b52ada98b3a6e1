package org.healthycities.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;

/**
 * An action that cannot be undone asks first, without script: its first POST shows a page that says what will
 * happen and posts the same fields again with {@code confirmed=yes}. Everything the person typed travels in
 * the confirmation page, so nothing is lost by asking.
 */
public final class Confirmation {

    public static final String PARAMETER = "confirmed";

    /** One field of the original form, carried through the confirmation page. */
    public record Field(String name, String value) {
    }

    private Confirmation() {
    }

    /**
     * Empty when the request is the confirmed one; otherwise the confirmation page's view, its model filled.
     *
     * @param questionKey the page's question (message key), e.g. "Luk sessionen nu?"
     * @param textKey     what will happen (message key), with {@code args}
     * @param buttonKey   the confirming button's label (message key), which names the action
     * @param cancelUrl   where "cancel" goes back to
     */
    public static Optional<String> ask(HttpServletRequest request, Model model, String questionKey, String textKey,
                                       Object[] args, String buttonKey, String cancelUrl) {
        if ("yes".equals(request.getParameter(PARAMETER))) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (!e.getKey().equals("_csrf") && !e.getKey().equals(PARAMETER)) {
                for (String value : e.getValue()) {
                    fields.add(new Field(e.getKey(), value));
                }
            }
        }
        model.addAttribute("confirmAction", request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("confirmFields", fields);
        model.addAttribute("confirmQuestion", questionKey);
        model.addAttribute("confirmText", textKey);
        model.addAttribute("confirmArgs", args == null ? new Object[0] : args);
        model.addAttribute("confirmButton", buttonKey);
        model.addAttribute("confirmCancel", cancelUrl);
        return Optional.of("web/confirm");
    }
}
