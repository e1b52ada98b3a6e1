package org.healthycities.surveys.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthycities.exports.ExportTable;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.Charts;
import org.healthycities.web.Dates;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.healthycities.security.NotFound;

/**
 * The results of a survey for the secretariat of its network: the page with a chart and a table per question,
 * filtered by region and population band (query parameters, so a filtered page can be linked to), and every answer
 * as CSV or XLSX under the same filter. A survey of another network is not found.
 */
@Controller
class SurveyResultsController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SurveyService surveys;
    private final SurveyResults results;
    private final NetworkDirectory networks;
    private final NetworkClock time;
    private final MessageSource messages;

    SurveyResultsController(SurveyService surveys, SurveyResults results, NetworkDirectory networks, NetworkClock time,
                            MessageSource messages) {
        this.surveys = surveys;
        this.results = results;
        this.networks = networks;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/surveys/{id}/results")
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                @RequestParam(required = false) String region, @RequestParam(required = false) String band,
                Model model, Locale locale) {
        SurveyResults.Results r = results.results(visible(user, id), filter(region, band), locale);
        model.addAttribute("results", r);
        model.addAttribute("bands", SurveyResults.PopulationBand.values());
        model.addAttribute("charts", charts(r, locale));
        model.addAttribute("trendCharts", trendCharts(r.trend(), locale));
        model.addAttribute("csvUrl", exportUrl(id, "csv", r.filter()));
        model.addAttribute("xlsxUrl", exportUrl(id, "xlsx", r.filter()));
        return "surveys/results";
    }

    @GetMapping("/surveys/{id}/results.csv")
    void csv(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
             @RequestParam(required = false) String region, @RequestParam(required = false) String band,
             Locale locale, HttpServletResponse response) throws IOException {
        Survey survey = visible(user, id);
        start(response, "text/csv;charset=UTF-8", survey, "csv");
        results.export(survey, filter(region, band), locale,
                ExportTable.csv(response.getOutputStream(), locale, time.zone(survey.getNetworkId())));
    }

    @GetMapping("/surveys/{id}/results.xlsx")
    void xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
              @RequestParam(required = false) String region, @RequestParam(required = false) String band,
              Locale locale, HttpServletResponse response) throws IOException {
        Survey survey = visible(user, id);
        start(response, XLSX, survey, "xlsx");
        results.export(survey, filter(region, band), locale, ExportTable.xlsx(response.getOutputStream(),
                messages.getMessage("survey.results.export.sheet", null, locale), time.zone(survey.getNetworkId())));
    }

    private Survey visible(CurrentUser user, long id) {
        return surveys.survey(networks.visibleTo(user), id)
                .orElseThrow(() -> NotFound.notFound());
    }

    private static SurveyResults.Filter filter(String region, String band) {
        return new SurveyResults.Filter(region == null || region.length() > 200 ? null : region,
                SurveyResults.PopulationBand.of(band));
    }

    /** An export's address with the page's filter, so a download holds what the page shows. */
    private static String exportUrl(long id, String extension, SurveyResults.Filter filter) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/surveys/{id}/results." + extension);
        if (filter.region() != null) {
            url.queryParam("region", filter.region());
        }
        if (filter.band() != null) {
            url.queryParam("band", filter.band().name());
        }
        return url.encode().buildAndExpand(id).toUriString();
    }

    private static void start(HttpServletResponse response, String type, Survey survey, String extension) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(survey.getTitle()) + "." + extension, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** The survey's title as a file name: its letters (æ, ø, å too), digits and spaces; what a file system refuses goes. */
    static String fileName(String title) {
        String name = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").replaceAll("\\s+", " ")
                .replaceAll("^[. ]+|[. ]+$", "");
        return name.isEmpty() ? "survey" : name.length() > 100 ? name.substring(0, 100).strip() : name;
    }

    // ---- charts: the same numbers as the tables beside them ------------------------------------------------

    private Map<String, String> charts(SurveyResults.Results r, Locale locale) {
        String count = messages.getMessage("survey.results.count", null, locale);
        Map<String, String> charts = new LinkedHashMap<>();
        for (SurveyResults.Question q : r.questions()) {
            if (q instanceof SurveyResults.Choices c && c.answered() > 0) {
                int n = c.options().size();
                charts.put(c.key(), Charts.bar(c.options().stream().map(SurveyResults.Option::label).toList(), count,
                        c.options().stream().map(SurveyResults.Option::count).toList(), true,
                        n <= 3 ? 2.5 : n <= 6 ? 1.6 : 1.0));
            } else if (q instanceof SurveyResults.Numbers num && num.answered() > 0) {
                charts.put(num.key(), Charts.bar(num.distribution().stream().map(SurveyResults.Bar::label).toList(),
                        count, num.distribution().stream().map(SurveyResults.Bar::count).toList(), false, 2.0));
            }
        }
        return charts;
    }

    private Map<String, String> trendCharts(SurveyResults.Trend trend, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        if (!trend.shown()) {
            return charts;
        }
        List<String> columns = trend.surveys().stream()
                .map(s -> s.title() + " (" + Dates.date(s.opensOn(), locale) + ")").toList();
        for (SurveyResults.ChoiceTrend c : trend.choices()) {
            Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                int column = i;
                series.put(columns.get(i), c.options().stream().map(o -> o.percents().get(column)).toList());
            }
            charts.put(c.key(), Charts.groupedBar(c.options().stream().map(SurveyResults.OptionTrend::label).toList(),
                    series, true, 100.0, c.options().size() <= 3 ? 2.0 : 1.2));
        }
        for (SurveyResults.NumberTrend n : trend.numbers()) {
            Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
            series.put(messages.getMessage("survey.results.mean", null, locale), n.means());
            charts.put(n.key(), Charts.lines(columns, series, null));
        }
        return charts;
    }
}
