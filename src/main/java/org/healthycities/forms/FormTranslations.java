package org.healthycities.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * A form's texts in another language: forms/i18n/&lt;formId&gt;_&lt;lang&gt;.properties (UTF-8) with
 * &lt;key&gt;.label, &lt;key&gt;.description, &lt;key&gt;.option.&lt;value&gt; and, for text components,
 * &lt;id&gt;.text; a designed form carries its own under the same keys. Danish is the form itself; whatever is
 * missing falls back to it.
 */
@Component
class FormTranslations {

    private static final Properties NONE = new Properties();

    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();

    String label(FormDefinition form, FormComponent c, Locale locale) {
        String name = c.key() != null ? key(c) : c.isList() ? c.extras().path()
                : FormDefinition.LIST_ITEM.equals(c.type()) ? c.properties().get("list") : id(c);
        return text(form, locale, name + ".label", c.label());
    }

    /** A list item's name: the list's custom property itemLabel (translated as path.itemLabel), else the list's label. */
    String itemLabel(FormDefinition form, FormComponent item, Locale locale) {
        String own = item.properties().get(FormFeed.ITEM_LABEL);
        return own == null ? label(form, item, locale)
                : text(form, locale, item.properties().get("list") + "." + FormFeed.ITEM_LABEL, own);
    }

    String description(FormDefinition form, FormComponent c, Locale locale) {
        return text(form, locale, (c.key() != null ? key(c) : id(c)) + ".description", c.description());
    }

    String option(FormDefinition form, FormComponent c, String value, Locale locale) {
        return text(form, locale, key(c) + ".option." + value, c.optionLabel(value));
    }

    String markdown(FormDefinition form, FormComponent c, Locale locale) {
        return text(form, locale, id(c) + ".text", c.text());
    }

    /** A list item's field is translated once for the list: path.key. */
    private static String key(FormComponent c) {
        Matcher item = FormDefinition.LIST_KEY.matcher(c.key());
        return item.matches() ? item.group(1) + "." + item.group(3) : c.key();
    }

    private static String id(FormComponent c) {
        return c.properties().getOrDefault(FormFeed.TEMPLATE_ID, c.id());
    }

    private String text(FormDefinition form, Locale locale, String key, String danish) {
        if (locale == null || "da".equals(locale.getLanguage())) {
            return danish;
        }
        String own = form.texts().getOrDefault(locale.getLanguage(), Map.of()).get(key);
        String translated = own != null ? own : bundle(form.id(), locale.getLanguage()).getProperty(key);
        return translated == null || translated.isBlank() ? danish : translated;
    }

    private Properties bundle(String formId, String language) {
        return bundles.computeIfAbsent(formId + "_" + language, name -> {
            try (InputStream in = FormTranslations.class.getResourceAsStream("/forms/i18n/" + name + ".properties")) {
                if (in == null) {
                    return NONE;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
