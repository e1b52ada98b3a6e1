package org.healthycities;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class HealthyCitiesApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthyCitiesApplication.class, args);
    }
}
