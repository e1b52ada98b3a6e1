package org.healthycities.engine;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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

    /**
     * Jobs wait to start while more requests are served than the machine has cores ({@code hc.jobs.busy-above}),
     * up to {@code hc.jobs.max-wait} ({@code PT0S} turns the wait off); see {@link RequestsInFlight}.
     */
    @Bean
    RequestsInFlight requestsInFlight(@Value("${hc.jobs.busy-above:#{T(java.lang.Runtime).getRuntime().availableProcessors()}}") int busyAbove,
                                      @Value("${hc.jobs.max-wait:PT5S}") Duration maxWait) {
        return new RequestsInFlight(busyAbove, maxWait);
    }

    /** Counts every request from its start to its end, before any other filter. */
    @Bean
    FilterRegistrationBean<RequestsInFlight> requestsInFlightFilter(RequestsInFlight requests) {
        FilterRegistrationBean<RequestsInFlight> registration = new FilterRegistrationBean<>(requests);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * The job executor's threads stay as the Camunda starter makes them ({@code camunda.bpm.job-execution.*}); each
     * batch of jobs is held back while people are being served. The decorator is set before the pool starts.
     */
    @Bean
    static BeanPostProcessor jobsWaitForPeople(ObjectProvider<RequestsInFlight> requests) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if ("camundaTaskExecutor".equals(name) && bean instanceof ThreadPoolTaskExecutor executor) {
                    executor.setTaskDecorator(requests.getObject());
                }
                return bean;
            }
        };
    }
}
