package org.healthycities.database;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * The Spring Data repositories start lazily (application.yml: bootstrap-mode lazy): making all of them, with their
 * queries parsed and checked by Hibernate, took seconds of the start's main thread, while the start itself needs
 * a few. The rest are made here, in the background once the application is ready, so that the first page does
 * not pay for them either; a query that Hibernate refuses is logged as an error (the suite's
 * {@code DatabaseIT} makes them all and fails on it).
 */
@Component
public class RepositoriesWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RepositoriesWarmUp.class);

    private final ConfigurableApplicationContext context;

    RepositoriesWarmUp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUpInTheBackground() {
        Thread warmUp = new Thread(() -> {
            List<String> failed = warmUp();
            if (!failed.isEmpty()) {
                log.error("Repositories that could not be made: {}", failed);
            }
        }, "repositories-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Makes every repository not made yet; the names of those that failed, with the reason. Stops without a word
     * when the application is closed meanwhile (a short-lived test context).
     */
    public List<String> warmUp() {
        List<String> failed = new ArrayList<>();
        for (String name : context.getBeanNamesForType(Repository.class, false, true)) {
            if (!context.isActive()) {
                return List.of();
            }
            try {
                context.getBean(name);
            } catch (RuntimeException e) {
                if (!context.isActive()) {
                    return List.of();
                }
                failed.add(name + ": " + e.getMessage());
            }
        }
        return failed;
    }
}
