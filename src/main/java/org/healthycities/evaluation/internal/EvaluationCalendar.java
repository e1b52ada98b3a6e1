package org.healthycities.evaluation.internal;

import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts each network's evaluation calendar (bpmn/evaluation-calendar.bpmn) after the processes are deployed, so
 * the yearly round opens on the network's date. Runs under the startup lock, so two nodes starting at once start
 * one calendar per network. Tests switch it off and start the calendars of their own networks.
 */
@Component
class EvaluationCalendar {

    private final RoundService rounds;
    private final NetworkDirectory networks;
    private final boolean startOnBoot;

    EvaluationCalendar(RoundService rounds, NetworkDirectory networks,
                       @Value("${hc.evaluation.calendar.start-on-boot:true}") boolean startOnBoot) {
        this.rounds = rounds;
        this.networks = networks;
        this.startOnBoot = startOnBoot;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(40) // after the deployment of the processes (30)
    void startAll() {
        if (startOnBoot) {
            networks.networks().stream().map(Network::getId).forEach(rounds::startCalendar);
        }
    }
}
