package org.healthycities.forms;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * What a person posted for a form, by field key: the rendered inputs are named "f.&lt;key&gt;" so that a page
 * can embed the form among its own fields. Uploads are the files chosen for upload fields.
 */
public record FormInput(Map<String, List<String>> values, Map<String, Upload> uploads) {

    /** The prefix of the rendered inputs' names. */
    public static final String PREFIX = "f.";

    public record Upload(String filename, InputStreamSource content) {
    }

    public FormInput {
        values = Map.copyOf(values);
        uploads = Map.copyOf(uploads);
    }

    public static FormInput empty() {
        return new FormInput(Map.of(), Map.of());
    }

    /** The form's fields of a posted request (inputs named f.key; files chosen in upload fields). */
    public static FormInput fromRequest(HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, posted) -> {
            if (name.startsWith(PREFIX)) {
                values.put(name.substring(PREFIX.length()), Arrays.asList(posted));
            }
        });
        Map<String, Upload> uploads = new LinkedHashMap<>();
        // the multipart request may sit under wrappers (e.g. Spring Security's)
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getFileMap().forEach((name, file) -> {
                // a file input left empty posts a part without a file name: no upload
                if (name.startsWith(PREFIX) && file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty()) {
                    uploads.put(name.substring(PREFIX.length()), new Upload(cleanName(file), file));
                }
            });
        }
        return new FormInput(values, uploads);
    }

    /** The form's fields among posted parameters (named f.key), e.g. those a task page hands to its form handler. */
    public static FormInput fromParameters(Map<String, List<String>> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        parameters.forEach((name, posted) -> {
            if (name.startsWith(PREFIX)) {
                values.put(name.substring(PREFIX.length()), List.copyOf(posted));
            }
        });
        return new FormInput(values, Map.of());
    }

    /** Values given in code (a String, a List of Strings, or anything whose toString is the posted text). */
    public static FormInput of(Map<String, ?> given) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            List<String> list = new ArrayList<>();
            if (value instanceof List<?> many) {
                many.forEach(v -> list.add(String.valueOf(v)));
            } else if (value != null) {
                list.add(String.valueOf(value));
            }
            values.put(key, list);
        });
        return new FormInput(values, Map.of());
    }

    public FormInput withUpload(String key, Upload upload) {
        Map<String, Upload> more = new LinkedHashMap<>(uploads);
        more.put(key, upload);
        return new FormInput(values, more);
    }

    /** One more (empty) item in a dynamic list: the form shows it when resolved with these keys. */
    public FormInput withItemAdded(String path) {
        int next = items(path).stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Map<String, List<String>> more = new LinkedHashMap<>(values);
        more.put(path + "[" + next + "]." + ITEM_MARK, List.of());
        return new FormInput(more, uploads);
    }

    /** A dynamic list without one of its items; the items after it move up. */
    public FormInput withItemRemoved(String path, int index) {
        return renumbered(path, i -> i != index);
    }

    /**
     * The items of a list the person added and left as they came (empty, or only the defaults) are dropped, e.g.
     * the spare row; the rest renumbered.
     */
    FormInput withoutBlankItems(String path, Function<String, List<String>> defaults) {
        return renumbered(path, i -> values.entrySet().stream()
                .filter(e -> e.getKey().startsWith(path + "[" + i + "]."))
                .anyMatch(e -> {
                    List<String> given = e.getValue().stream().filter(v -> v != null && !v.isBlank()).toList();
                    return !given.isEmpty() && !given.equals(defaults.apply(e.getKey().substring(e.getKey().indexOf("].") + 2)));
                }));
    }

    /** Marks an added item that has no values yet; never a field (keys cannot start with a dollar). */
    static final String ITEM_MARK = "$item";

    private SortedSet<Integer> items(String path) {
        SortedSet<Integer> items = new TreeSet<>();
        for (String key : values.keySet()) {
            Matcher m = ITEM_KEY.matcher(key);
            if (m.matches() && m.group(1).equals(path)) {
                items.add(Integer.parseInt(m.group(2)));
            }
        }
        return items;
    }

    private static final Pattern ITEM_KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[(\\d{1,9})]\\.(.+)");

    private FormInput renumbered(String path, IntPredicate keep) {
        Map<Integer, Integer> moved = new LinkedHashMap<>();
        for (int i : items(path)) {
            if (keep.test(i)) {
                moved.put(i, moved.size());
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.forEach((key, posted) -> {
            Matcher m = ITEM_KEY.matcher(key);
            if (!m.matches() || !m.group(1).equals(path)) {
                out.put(key, posted);
            } else if (moved.containsKey(Integer.parseInt(m.group(2)))) {
                out.put(path + "[" + moved.get(Integer.parseInt(m.group(2))) + "]." + m.group(3), posted);
            }
        });
        return new FormInput(out, uploads);
    }

    /** The posted values without item marks (what is checked and stored). */
    FormInput withoutMarks() {
        Map<String, List<String>> out = new LinkedHashMap<>(values);
        out.keySet().removeIf(k -> k.endsWith("." + ITEM_MARK));
        return new FormInput(out, uploads);
    }

    public List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }

    private static String cleanName(MultipartFile file) {
        String name = file.getOriginalFilename();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
