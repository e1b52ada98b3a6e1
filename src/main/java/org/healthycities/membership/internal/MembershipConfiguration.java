package org.healthycities.membership.internal;

import org.healthycities.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MembershipConfiguration {

    /** Applicants have no account: the application pages and the private link are open to everyone. */
    @Bean
    PublicPaths membershipPublicPaths() {
        return PublicPaths.of("/apply", "/apply/**", "/application/**");
    }
}
