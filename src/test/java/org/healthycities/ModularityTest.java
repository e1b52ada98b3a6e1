package org.healthycities;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features meet only through each other's public API: no cycles, no reaching into internals. */
class ModularityTest {

    @Test
    void featurePackagesOnlyMeetThroughTheirPublicApi() {
        ApplicationModules.of(HealthyCitiesApplication.class).verify();
    }
}
