package org.healthycities.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.healthycities.network.internal.NetworkRepository;
import org.springframework.stereotype.Component;

/**
 * The time as a network sees it: the application's one {@link Clock} read in the network's own zone, so that a
 * server in UTC sends a Danish reminder on the Danish day. Timers ask here for the instant a network's day
 * starts; pages for "today" of the network whose record they show.
 */
@Component
public class NetworkClock {

    private final Clock clock;
    private final NetworkRepository networks;

    NetworkClock(Clock clock, NetworkRepository networks) {
        this.clock = clock;
        this.networks = networks;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone(String networkId) {
        return networks.findById(networkId).map(Network::getZone)
                .orElseThrow(() -> new IllegalArgumentException("No network " + networkId));
    }

    /** Today's date in the network. */
    public LocalDate today(String networkId) {
        return LocalDate.ofInstant(now(), zone(networkId));
    }

    /** The network's current local time. */
    public ZonedDateTime localNow(String networkId) {
        return now().atZone(zone(networkId));
    }

    /** The instant a day starts in the network (not always midnight: a day may start at 01:00 on a change of time). */
    public Instant startOf(String networkId, LocalDate day) {
        return day.atStartOfDay(zone(networkId)).toInstant();
    }

    /** The instant of a local time on a day in the network; a time skipped by a change to summer time moves on. */
    public Instant at(String networkId, LocalDate day, LocalTime time) {
        return ZonedDateTime.of(LocalDateTime.of(day, time), zone(networkId)).toInstant();
    }

    /** {@link #startOf} as the engine's timers want it. */
    public Date timerAtStartOf(String networkId, LocalDate day) {
        return Date.from(startOf(networkId, day));
    }
}
