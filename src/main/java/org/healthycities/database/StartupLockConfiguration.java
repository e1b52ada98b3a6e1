package org.healthycities.database;

import javax.sql.DataSource;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ObjectUtils;

@Configuration(proxyBeanMethods = false)
class StartupLockConfiguration {

    static final String LOCK = "startupLock";

    @Bean(LOCK)
    StartupLock startupLock(DataSource dataSource,
                            @Value("${hc.database.startup-lock-timeout:300}") int timeoutSeconds) throws Exception {
        return new StartupLock(dataSource, timeoutSeconds);
    }

    /** The engine (and its schema update) and Flyway are built only once this node holds the lock. */
    @Bean
    static BeanFactoryPostProcessor engineAndFlywayWaitForStartupLock() {
        return beanFactory -> {
            for (Class<?> type : new Class<?>[] {ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class}) {
                for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                    BeanDefinition definition = beanFactory.getBeanDefinition(name.replaceFirst("^&", ""));
                    String[] dependsOn = definition.getDependsOn();
                    definition.setDependsOn(ObjectUtils.addObjectToArray(
                            dependsOn == null ? new String[0] : dependsOn, LOCK));
                }
            }
        };
    }
}
