package org.healthycities.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * On a first visit the browser's language if we speak it (Accept-Language, in the browser's order), else
     * Danish; the person may switch and the choice is remembered.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("hc-lang");
        resolver.setDefaultLocaleFunction(Languages::firstVisit);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * The bundles as Spring Boot would set them up (spring.messages.*), formatted by ICU: the configured base
     * names ({@code messages}) and every {@code i18n/*.properties} bundle on the classpath ({@link MessageBundles}).
     */
    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        IcuMessageSource source = new IcuMessageSource();
        source.setBasenames(MessageBundles.basenames(properties.getBasename()).toArray(String[]::new));
        source.setDefaultEncoding(properties.getEncoding().name());
        source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
        source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
        source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
        if (properties.getCacheDuration() != null) {
            source.setCacheMillis(properties.getCacheDuration().toMillis());
        }
        return source;
    }

    /** Before the security filters (whose CSRF check reads the parts), after the session's. */
    @Bean
    FilterRegistrationBean<BrokenUploadFilter> brokenUploadFilter() {
        FilterRegistrationBean<BrokenUploadFilter> registration = new FilterRegistrationBean<>(new BrokenUploadFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * {@code ?lang=} on any address, also one behind the login: a filter before the security filters, so the
     * login page a protected address leads to already speaks the chosen language. Only our four languages.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageChoice(LocaleResolver locales) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request,
                                            HttpServletResponse response,
                                            FilterChain chain)
                    throws ServletException, IOException {
                // never from an upload: reading its parameters would parse it before BrokenUploadFilter
                String type = request.getContentType();
                boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
                String lang = upload ? null : request.getParameter("lang");
                if (lang != null && Languages.supported(lang)) {
                    locales.setLocale(request, response, Locale.forLanguageTag(lang));
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }

    /**
     * {@code ?lang=} on an upload too, once Spring MVC has read it safely (the filter above leaves uploads alone).
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change =
                new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request,
                                     HttpServletResponse response, Object handler)
                    throws ServletException {
                String lang = request.getParameter(getParamName());
                // only the four languages we have bundles for; anything else is ignored
                return lang == null || Languages.supported(lang) ? super.preHandle(request, response, handler) : true;
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(change);
    }

    /** The languages every text exists in. */
    public static final class Languages {
        public static final Locale DANISH = Locale.forLanguageTag("da");
        public static final List<Locale> ALL = List.of(DANISH, Locale.forLanguageTag("en"),
                Locale.forLanguageTag("sv"), Locale.forLanguageTag("nb"));

        private Languages() {
        }

        /** The first of the browser's languages we speak; a request without the header is Danish. */
        static Locale firstVisit(HttpServletRequest request) {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return DANISH;
            }
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String language = range.getRange().split("-")[0];
                    // Norwegian browsers say nb, no or nn; all read Bokmål
                    String ours = language.equals("no") || language.equals("nn") ? "nb" : language;
                    if (range.getWeight() > 0 && supported(ours)) {
                        return Locale.forLanguageTag(ours);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return DANISH; // a header we cannot read is no reason to refuse the page
            }
            return DANISH;
        }

        static boolean supported(String tag) {
            return ALL.stream().anyMatch(l -> l.getLanguage().equals(tag));
        }
    }
}
