package org.healthycities.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ObjectUtils;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmbeddedDatabaseEnvironment.ACTIVE, havingValue = "true")
class EmbeddedDatabaseConfiguration {

    static final String LEASE = "embeddedDatabaseLease";

    @Bean(LEASE)
    static EmbeddedDatabaseLease embeddedDatabaseLease() {
        return new EmbeddedDatabaseLease();
    }

    /** Makes every DataSource depend on the lease, so the pool closes before the lease is released. */
    @Bean
    static BeanFactoryPostProcessor dataSourceDependsOnEmbeddedDatabase() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn();
                definition.setDependsOn(ObjectUtils.addObjectToArray(
                        dependsOn == null ? new String[0] : dependsOn, LEASE));
            }
        };
    }
}
