package org.healthycities.forms.internal;

import org.healthycities.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FormsWebConfiguration {

    /** The demo form is for anyone; the conditions endpoint serves forms.js on every public form page. */
    @Bean
    PublicPaths formsPublicPaths() {
        return PublicPaths.of("/forms/sample", "/forms/sample/t/**", "/forms/*/conditions");
    }
}
