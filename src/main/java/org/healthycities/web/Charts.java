package org.healthycities.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations as JSON for a canvas's data-chart attribute ({@code <canvas data-chart="…" role="img"
 * aria-label="…">}); static/js/charts.js draws every such canvas on a page that loads it after Chart.js. The same
 * numbers are always in a table beside the chart, for screen readers and print, so a page reads without the script.
 */
public final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    /** One series of bars (counts: whole-number ticks), upright or lying (horizontal) for long labels. */
    public static String bar(List<String> labels, String seriesLabel, List<? extends Number> values, boolean horizontal,
                             double aspectRatio) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", seriesLabel);
        dataset.put("data", values);
        Map<String, Object> options = options(aspectRatio);
        options.put("plugins", Map.of("legend", Map.of("display", false)));
        options.put("scales", Map.of(horizontal ? "x" : "y", Map.of("beginAtZero", true, "ticks", Map.of("precision", 0))));
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        return chart("bar", labels, List.of(dataset), options);
    }

    /**
     * Several series of bars side by side, one per entry (its key the legend's name), e.g. the share of each option
     * in each year's survey; a null value is no bar. {@code max} caps the value axis (100 for percentages), or null.
     */
    public static String groupedBar(List<String> labels, Map<String, ? extends List<? extends Number>> series,
                                    boolean horizontal, Double max, double aspectRatio) {
        List<Map<String, Object>> datasets = datasets(series, false);
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("beginAtZero", true);
        if (max != null) {
            axis.put("max", max);
        }
        Map<String, Object> options = options(aspectRatio);
        options.put("scales", Map.of(horizontal ? "x" : "y", axis));
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        return chart("bar", labels, datasets, options);
    }

    /** Lines over time, one per entry; a gap (null) is bridged. {@code max} caps the value axis, or null. */
    public static String lines(List<String> labels, Map<String, ? extends List<? extends Number>> series, Double max) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("min", 0);
        if (max != null) {
            axis.put("max", max);
        }
        Map<String, Object> options = options(2.5);
        options.put("scales", Map.of("y", axis));
        return chart("line", labels, datasets(series, true), options);
    }

    private static List<Map<String, Object>> datasets(Map<String, ? extends List<? extends Number>> series,
                                                      boolean spanGaps) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        series.forEach((name, values) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", name);
            d.put("data", values);
            if (spanGaps) {
                d.put("spanGaps", true);
            }
            datasets.add(d);
        });
        return datasets;
    }

    private static Map<String, Object> options(double aspectRatio) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("responsive", true);
        options.put("animation", false);
        options.put("aspectRatio", aspectRatio);
        return options;
    }

    private static String chart(String type, List<String> labels, List<Map<String, Object>> datasets,
                                Map<String, Object> options) {
        return write(Map.of("type", type, "data", Map.of("labels", labels, "datasets", datasets), "options", options));
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
