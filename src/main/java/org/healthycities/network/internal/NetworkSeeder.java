package org.healthycities.network.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.healthycities.network.Network;
import org.healthycities.network.PossibleMemberImport;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On first start, gives each network its country's municipalities and regions as possible members, through the
 * same importer as an upload: Denmark's 98 and 5 regions, Sweden's 290 kommuner and 21 län, Norway's 357 kommuner
 * and 15 fylker (2024). The file is chosen by the network's country, so a new network needs no code.
 */
@Component
class NetworkSeeder {

    private final PossibleMemberImport importer;
    private final NetworkRepository networks;

    NetworkSeeder(PossibleMemberImport importer, NetworkRepository networks) {
        this.importer = importer;
        this.networks = networks;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void seed() throws IOException {
        for (Network network : networks.findAll()) {
            var file = new ClassPathResource("network/" + network.getCountry().toLowerCase(Locale.ROOT)
                    + "-municipalities.csv");
            if (file.exists()) {
                try (InputStream in = file.getInputStream()) {
                    importer.seedIfEmpty(network.getId(), in.readAllBytes());
                }
            }
        }
    }
}
