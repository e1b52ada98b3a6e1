package org.healthycities.network;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** On first start, gives Sund By Netværket Denmark's 98 municipalities and 5 regions as possible members. */
@Component
class NetworkSeeder {

    private final PossibleMemberImport importer;

    NetworkSeeder(PossibleMemberImport importer) {
        this.importer = importer;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void seed() throws IOException {
        try (InputStream in = new ClassPathResource("network/dk-municipalities.csv").getInputStream()) {
            importer.seedIfEmpty("sund-by", in.readAllBytes());
        }
    }
}
