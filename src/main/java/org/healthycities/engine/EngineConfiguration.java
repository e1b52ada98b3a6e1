package org.healthycities.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** Our "admin" group is Camunda's admin group: it sees every network; the others see their own. */
    @Bean
    ProcessEnginePlugin networkTenancy() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl config) {
                List<String> adminGroups = new ArrayList<>(
                        config.getAdminGroups() == null ? List.of() : config.getAdminGroups());
                adminGroups.add(EngineSetup.ADMIN_GROUP);
                config.setAdminGroups(adminGroups);
                config.setTenantCheckEnabled(true);
                // network ids such as "sund-by" are tenant ids; user names may be e-mail-like
                config.setTenantResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
                config.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
                config.setUserResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._@-]*");
                config.setAuthorizationEnabled(true);
            }
        };
    }
}
