package org.healthycities.staff.internal;

import org.healthycities.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StaffConfiguration {

    /** The unlock link, "forgot password" and the set-password link are used by a person who cannot log in. */
    @Bean
    PublicPaths staffPublicPaths() {
        return PublicPaths.of("/login/unlock/**", "/login/forgot", "/login/password/**");
    }
}
