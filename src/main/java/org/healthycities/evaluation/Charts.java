package org.healthycities.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations as JSON for a canvas's data-chart attribute; static/js/evaluation.js draws them.
 * The same numbers are always in a table beside the chart, for screen readers and print.
 */
final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    static String bar(List<String> labels, String seriesLabel, List<? extends Number> values, boolean horizontal,
                      double aspectRatio) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", seriesLabel);
        dataset.put("data", values);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("responsive", true);
        options.put("animation", false);
        options.put("aspectRatio", aspectRatio);
        options.put("plugins", Map.of("legend", Map.of("display", false)));
        options.put("scales", Map.of(horizontal ? "x" : "y", Map.of("beginAtZero", true, "ticks", Map.of("precision", 0))));
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        return write(Map.of("type", "bar", "data", Map.of("labels", labels, "datasets", List.of(dataset)),
                "options", options));
    }

    static String lines(List<Integer> years, Map<String, List<ReportService.TrendPoint>> series, double max) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        series.forEach((name, points) -> {
            List<Object> data = new ArrayList<>();
            for (Integer y : years) {
                data.add(points.stream().filter(p -> p.year() == y).map(p -> (Object) p.average()).findFirst().orElse(null));
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", name);
            d.put("data", data);
            d.put("spanGaps", true);
            datasets.add(d);
        });
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("responsive", true);
        options.put("animation", false);
        options.put("aspectRatio", 2.5);
        options.put("scales", Map.of("y", Map.of("min", 0, "max", max)));
        return write(Map.of("type", "line", "data", Map.of("labels", years.stream().map(String::valueOf).toList(),
                "datasets", datasets), "options", options));
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
