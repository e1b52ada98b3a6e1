package org.healthycities.network.internal;

import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.springframework.stereotype.Component;

/** The network named in a page's path, if the logged-in person may see it; any other is simply not found. */
@Component
public class NetworkScope {

    private final NetworkDirectory directory;

    NetworkScope(NetworkDirectory directory) {
        this.directory = directory;
    }

    public Network require(CurrentUser user, String networkId) {
        if (user == null || !directory.visibleTo(user).contains(networkId)) {
            throw NotFound.notFound();
        }
        return directory.network(networkId).orElseThrow(NotFound::notFound);
    }
}
