package org.healthycities;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class HealthyCitiesApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(HealthyCitiesApplication.class);
        // -Dhc.startup.steps=true records what each step of the start cost, for /actuator/startup (bench/run.sh)
        if (Boolean.getBoolean("hc.startup.steps")) {
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        application.run(args);
    }
}
