package org.healthycities.network;

import org.healthycities.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.healthycities.security.NotFound;

/** The network named in a page's path, if the logged-in person may see it; any other is simply not found. */
@Component
class NetworkScope {

    private final NetworkDirectory directory;

    NetworkScope(NetworkDirectory directory) {
        this.directory = directory;
    }

    Network require(CurrentUser user, String networkId) {
        if (user == null || !directory.visibleTo(user).contains(networkId)) {
            throw NotFound.notFound();
        }
        return directory.network(networkId).orElseThrow(NotFound::notFound);
    }
}
