package org.healthycities.evaluation.internal;

import org.healthycities.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    /** The coordinators' private links need no account; the secretariat's pages are under /evaluations. */
    @Bean
    PublicPaths evaluationPublicPaths() {
        return PublicPaths.of("/evaluation/**");
    }
}
