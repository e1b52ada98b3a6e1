package org.healthycities.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The bundles, formatted by ICU: {@code {0, plural, one {# medlem} other {# medlemmer}}} follows each
 * language's plural rules (java.text's choice format cannot say "1 medlem" and "0 medlemmer" per language).
 * ICU reads the patterns java.text reads, including choice formats and doubled apostrophes. A text without
 * arguments is shown as written.
 */
class IcuMessageSource extends ResourceBundleMessageSource {

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null || args == null || args.length == 0) {
            return super.getMessageInternal(code, args, locale);
        }
        String pattern = resolveCodeWithoutArguments(code, locale == null ? Locale.getDefault() : locale);
        if (pattern == null) {
            return super.getMessageInternal(code, args, locale); // the parent source, or null
        }
        Object[] resolved = resolveArguments(args, locale);
        return new MessageFormat(pattern, ULocale.forLocale(locale)).format(resolved);
    }
}
