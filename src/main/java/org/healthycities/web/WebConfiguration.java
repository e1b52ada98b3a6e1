package org.healthycities.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Danish first; the person may switch to English, Swedish or Norwegian and the choice is remembered. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("hc-lang");
        resolver.setDefaultLocaleFunction(request -> Languages.DANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** The bundles as Spring Boot would set them up (spring.messages.*), formatted by ICU. */
    @Bean
    @ConfigurationProperties("spring.messages")
    MessageSourceProperties messageSourceProperties() {
        return new MessageSourceProperties();
    }

    @Bean
    MessageSource messageSource(MessageSourceProperties properties) {
        IcuMessageSource source = new IcuMessageSource();
        source.setBasenames(properties.getBasename().toArray(String[]::new));
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String lang = request.getParameter(getParamName());
                // only the four languages we have bundles for; anything else is ignored
                if (lang == null || Languages.supported(lang)) {
                    return super.preHandle(request, response, handler);
                }
                return true;
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

        static boolean supported(String tag) {
            return ALL.stream().anyMatch(l -> l.getLanguage().equals(tag));
        }
    }
}
