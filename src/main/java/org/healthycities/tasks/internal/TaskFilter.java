package org.healthycities.tasks.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthycities.tasks.DueState;

/** What the task list shows: read leniently from the query string (unknown values fall back to the default). */
record TaskFilter(View view, String process, String network, DueState due, boolean includeAssigned, String q) {

    enum View {
        /** Assigned to me. */
        MINE,
        /** Offered to one of my groups (by default only the unassigned ones). */
        GROUPS,
        /** Every task of my networks. */
        ALL
    }

    static TaskFilter of(String view, String process, String network, String due, boolean includeAssigned,
                         String q, View defaultView) {
        return new TaskFilter(parse(View.class, view, defaultView), blankToNull(process), blankToNull(network),
                parse(DueState.class, due, null), includeAssigned, blankToNull(q));
    }

    /** The same filter on another page, as a link (public for the template). */
    public String link(int page) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("view", view.name());
        params.put("process", process);
        params.put("network", network);
        params.put("due", due);
        params.put("all", includeAssigned ? "true" : null);
        params.put("q", q);
        params.put("page", page > 0 ? page : null);
        return "/tasks?" + params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public TaskFilter withView(View other) {
        return new TaskFilter(other, process, network, due, includeAssigned, q);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(value)).findFirst()
                .orElse(fallback);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
