package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** templates/forms/render.html with every component, in Danish and translated, with errors and conflicts. */
class FormRenderTest {

    private static final Locale DA = Locale.forLanguageTag("da");
    private static final Locale EN = Locale.forLanguageTag("en");

    private final ResourceBundleMessageSource messages = messages();
    private final FormViews views = new FormViews(null, new FormTranslations(), messages);
    private final FormDefinition sample = TestForms.file("sample-all-components");

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/forms");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private Document render(FormView view, Locale locale) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        Context ctx = new Context(locale);
        ctx.setVariable("formView", view);
        return Jsoup.parse(engine.process("forms-test/page", ctx));
    }

    @Test
    void everyComponentOfTheSampleIsRenderedWithItsDanishLabels() {
        Document page = render(views.blank(sample, DA), DA);

        assertThat(page.select(".form-text h2").text()).isEqualTo("Prøv formularerne");
        assertThat(page.select("input#f-kommune[type=text][name=f.kommune]")).hasSize(1);
        assertThat(page.select("label[for=f-kommune]").text()).startsWith("Kommunens navn").contains("skal udfyldes");
        assertThat(page.select("input#f-indbyggere[type=number][min=0][max=10000000]")).hasSize(1);
        assertThat(page.select("textarea#f-motivation[maxlength=2000]")).hasSize(1);
        assertThat(page.select(".form-radio input[type=radio][name=f.kommunetype]")).hasSize(2);
        assertThat(page.select("select#f-region option")).extracting(Element::text)
                .contains("Vælg …", "Region Sjælland");
        assertThat(page.select("input[type=checkbox][name=f.pejlemaerker]")).hasSize(4);
        assertThat(page.select("input[type=checkbox][name=f.verdensmaal]")).hasSize(4); // taglist without JS
        assertThat(page.select("input#f-beslutningsdato[type=date]")).hasSize(1);
        assertThat(page.select("hr")).hasSize(1);
        assertThat(page.select(".form-group > fieldset > legend").text()).isEqualTo("Kontaktperson");
        assertThat(page.select(".form-group input#f-kontaktmail[type=email]")).hasSize(1);
        assertThat(page.select("input#f-samtykke[type=checkbox][value=true]")).hasSize(1);
        assertThat(page.select("input#f-handleplan[type=file][name=f.handleplan]").attr("accept")).contains(".pdf");
    }

    @Test
    void everyInputIsLabelledAndDescriptionsAreReferred() {
        Document page = render(views.blank(sample, DA), DA);
        for (Element input : page.select("input, select, textarea")) {
            boolean labelled = !page.select("label[for=" + input.id() + "]").isEmpty() || input.closest("label") != null;
            assertThat(labelled).as("label for " + input.id()).isTrue();
        }
        Element kommune = page.selectFirst("#f-kommune");
        assertThat(kommune.attr("aria-describedby")).isEqualTo("f-kommune-description");
        assertThat(page.select("#f-kommune-description").text()).isEqualTo("Fx Tårnby Kommune");
    }

    @Test
    void aConditionHidesTheUploadUntilTheCheckboxIsTicked() {
        assertThat(render(views.blank(sample, DA), DA).select("[data-field=f-handleplan]").hasAttr("hidden")).isTrue();
        FormView ticked = views.retry(sample, FormInput.of(Map.of("harHandleplan", "true")), List.of(), DA);
        assertThat(render(ticked, DA).select("[data-field=f-handleplan]").hasAttr("hidden")).isFalse();
    }

    @Test
    void errorsStandBesideTheirFieldsAndInASummaryAtTheTop() {
        FormView view = views.retry(sample, FormInput.of(Map.of("kode", "12a")), List.of(
                new FieldError("kommune", "form.error.required"), new FieldError("kode", "form.error.pattern"),
                new FieldError("kommunetype", "form.error.required"),
                new FieldError(null, "form.error.unknownField", "hack")), DA);
        Document page = render(view, DA);

        Element summary = page.selectFirst(".hc-form > .error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.select("a")).extracting(e -> e.attr("href"))
                .containsExactly("#f-kommune", "#f-kode", "#f-kommunetype-0");
        assertThat(summary.text()).contains("Kommunens navn: Udfyld feltet.", "Feltet ”hack” findes ikke");
        Element kode = page.selectFirst("#f-kode");
        assertThat(kode.attr("aria-invalid")).isEqualTo("true");
        assertThat(kode.attr("value")).isEqualTo("12a"); // what the person typed is kept
        assertThat(kode.attr("aria-describedby")).contains("f-kode-error");
        assertThat(page.select("#f-kode-error").text()).isEqualTo("Svaret har ikke den rigtige form.");
    }

    @Test
    void inEnglishTheTranslationsAndForMissingOnesTheDanishNeverAKey() {
        FormView view = views.retry(sample, FormInput.of(Map.of("region", "sjaelland")), List.of(), EN);
        Document page = render(view, EN);
        assertThat(page.select("label[for=f-kommune]").text()).startsWith("Name of the municipality").contains("required");
        assertThat(page.select(".form-radio label").text()).contains("Municipality");
        assertThat(page.select(".form-text h2").text()).isEqualTo("Try the forms");
        assertThat(page.select("#f-region option[selected]").text()).isEqualTo("Region Zealand");

        Document swedish = render(views.blank(sample, Locale.forLanguageTag("sv")), Locale.forLanguageTag("sv"));
        // the Swedish file has no label for this option: Danish, not "pejlemaerker.option.faellesskab"
        assertThat(swedish.select(".form-checklist label").text()).contains("Et fagligt stærkt fællesskab", "Ojämlikhet i hälsa");
        assertThat(swedish.html()).doesNotContain(".option.", ".label");
    }

    @Test
    void scriptAndHtmlInTextOrAnswersAreShownAsText() {
        FormDefinition form = TestForms.withComponents("""
                {"type":"text","id":"t1","text":"Hej <script>alert(1)</script> [klik](javascript:alert(2)) <b>fed</b>"},
                {"type":"textarea","key":"a","label":"Svar"}""");
        FormView view = views.retry(form, FormInput.of(Map.of("a", "<script>alert(3)</script>")), List.of(), DA);
        Document page = render(view, DA);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("b")).isEmpty();
        assertThat(page.select(".form-text").text()).contains("<script>alert(1)</script>", "<b>fed</b>");
        assertThat(page.select(".form-text a").attr("href")).doesNotContain("javascript");
        assertThat(page.select("textarea#f-a").text()).isEqualTo("<script>alert(3)</script>");
        assertThat(page.select("#answers dd").text()).isEqualTo("<script>alert(3)</script>");
    }

    @Test
    void aFieldsLabelAloneIsTheLabelItsPageShows() {
        FormInput input = FormInput.of(Map.of("kommune", "Tårnby", "samtykke", "true"));
        for (Locale locale : List.of(DA, Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            FormView page = views.retry(sample, input, List.of(), locale);
            for (String key : List.of("kommune", "pejlemaerker", "samtykke")) {
                assertThat(views.label(sample, FormFeed.NONE, input, key, locale))
                        .isEqualTo(page.fieldsByKey().get(key).label());
            }
        }
        // a label written as a FEEL expression reads the answers, as on the page
        FormDefinition form = TestForms.withComponents("""
                {"type":"textfield","key":"kommune","label":"Kommune"},
                {"type":"checkbox","key":"samtykke","label":"=\\"Vi i \\" + kommune + \\" giver samtykke\\""}""");
        FormInput typed = FormInput.of(Map.of("kommune", "Tårnby"));
        assertThat(views.label(form, FormFeed.NONE, typed, "samtykke", DA)).isEqualTo("Vi i Tårnby giver samtykke")
                .isEqualTo(views.retry(form, typed, List.of(), DA).fieldsByKey().get("samtykke").label());
    }

    @Test
    void answersReadOnlyShowOptionLabelsAndYesNo() {
        FormView view = views.retry(sample, FormInput.of(Map.of("kommune", "Tårnby", "pejlemaerker", List.of("ulighed", "verdensmaal"),
                "samtykke", "true")), List.of(), DA);
        Document page = render(view, DA);
        assertThat(page.select("#answers dt, #answers dd")).extracting(Element::text)
                .containsSubsequence("Kommunens navn", "Tårnby")
                .containsSubsequence("Pejlemærker I arbejder med", "Ulighed i sundhed, Verdensmålene")
                .containsSubsequence("Jeg bekræfter, at oplysningerne er rigtige", "Ja");
    }

    @Test
    void theAnnualEvaluationRendersItsGoalsFromTheDataAndItsActivitiesWithAddAndRemove() {
        FormDefinition evaluation = TestForms.file("annual-evaluation");
        FormFeed feed = new FormFeed(Map.of(
                "goals", List.of(Map.of("goal", "11"), Map.of("goal", "12")),
                "goalOptions", List.of(Map.of("label", "Sundhed i alle politikker", "value", "11"),
                        Map.of("label", "Lighed <script>alert(1)</script>", "value", "12")),
                "sdgOptions", List.of(Map.of("label", "3. Sundhed og trivsel", "value", "3")),
                "sixPOptions", List.of(), "themeGroupOptions", List.of()));
        Map<String, List<String>> typed = Map.of("activities[0].title", List.of("Cykelby"),
                "activities[1].title", List.of("Røgfri skole"));
        for (Locale locale : List.of(DA, EN, Locale.forLanguageTag("sv"), Locale.forLanguageTag("nb"))) {
            Document page = render(views.filled(evaluation, feed, typed, locale), locale);
            // each goal an item showing its title from the data, not an input; a required radio per goal
            assertThat(page.select(".form-list-item .form-readonly").eachText())
                    .anySatisfy(t -> assertThat(t).endsWith("Sundhed i alle politikker"))
                    .anySatisfy(t -> assertThat(t).endsWith("Lighed <script>alert(1)</script>"));
            assertThat(page.select("input[name=f.goals[1].progress][type=radio]")).hasSize(4);
            assertThat(page.select("[name=f.goals[0].goal]")).isEmpty();
            assertThat(page.select("script")).isEmpty();
            // the activities as typed, each removable, and one more to add
            assertThat(page.select("input[name=f.activities[1].title]").attr("value")).isEqualTo("Røgfri skole");
            assertThat(page.select("button[name=action][value=remove:activities[1]]")).hasSize(1);
            assertThat(page.select("button[name=action][value=add:activities]")).hasSize(1);
            assertThat(page.select("input[name=f.activities[0].sdgs][value=3]")).hasSize(1);
            assertThat(page.text()).doesNotContain("form.list").doesNotContain("{{");
        }
        Document english = render(views.filled(evaluation, feed, typed, EN), EN);
        assertThat(english.select(".form-list h3").eachText()).containsExactly("Strategic goals", "Activities");
        assertThat(english.select(".form-list-item legend").eachText()).contains("Activity 2");
    }
}
