package org.healthycities;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * When the start is recorded ({@code -Dhc.startup.steps=true}), logs the beans that took longest to create, so
 * a change to the start can be measured bean by bean (bench/run.sh reads it from the log).
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener(ApplicationReadyEvent.class)
    void report(ApplicationReadyEvent ready) {
        if (!(ready.getSpringApplication().getApplicationStartup() instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        StartupTimeline timeline = buffering.getBufferedTimeline();
        String slowest = timeline.getEvents().stream()
                .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(25)
                .map(e -> String.format("%6d ms  %s", e.getDuration().toMillis(), beanName(e.getStartupStep())))
                .collect(Collectors.joining("\n"));
        log.info("Slowest beans to create (each includes the beans it needed first):\n{}", slowest);
        log.info("Ready {} ms after the JVM started", ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private static String beanName(StartupStep step) {
        return StreamSupport.stream(step.getTags().spliterator(), false)
                .filter(t -> t.getKey().equals("beanName")).map(StartupStep.Tag::getValue).findFirst().orElse("?");
    }
}
