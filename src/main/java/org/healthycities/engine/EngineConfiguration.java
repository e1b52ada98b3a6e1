package org.healthycities.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /**
     * With several nodes on one database, {@code hc.node-name} names this node in the engine: in the job log
     * (Cockpit shows which node ran a job) and in the lock owner of the jobs it holds, so an operator can see
     * whose locks a crashed node left behind (they run out after {@code HC_JOB_LOCK_TIME_MS}).
     */
    @Bean
    ProcessEnginePlugin nodeName(@Value("${hc.node-name:}") String nodeName) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl config) {
                if (!nodeName.isBlank()) {
                    config.setHostname(nodeName);
                }
            }

            @Override
            public void postInit(ProcessEngineConfigurationImpl config) {
                if (!nodeName.isBlank() && config.getJobExecutor() != null) {
                    config.getJobExecutor().setLockOwner(nodeName + ":" + UUID.randomUUID());
                }
            }
        };
    }

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
                // network ids (such as sund-by) are tenant ids; user names may be e-mail-like
                config.setTenantResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
                config.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
                config.setUserResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._@-]*");
                config.setAuthorizationEnabled(true);
            }
        };
    }
}
