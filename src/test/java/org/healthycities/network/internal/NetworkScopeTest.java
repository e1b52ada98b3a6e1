package org.healthycities.network.internal;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.Set;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** Another network's pages answer exactly like a network that does not exist. */
class NetworkScopeTest {

    final NetworkDirectory directory = mock(NetworkDirectory.class);
    final NetworkScope scope = new NetworkScope(directory);
    final CurrentUser swede = new CurrentUser("s", "S", Set.of(CurrentUser.SECRETARIAT), Set.of("hc-sverige"));
    final Network sverige = mock(Network.class);

    @Test
    void theOwnNetworkIsFound() {
        when(directory.visibleTo(swede)).thenReturn(Set.of("hc-sverige"));
        when(directory.network("hc-sverige")).thenReturn(Optional.of(sverige));
        assertThat(scope.require(swede, "hc-sverige")).isSameAs(sverige);
    }

    @Test
    void anotherNetworkAMissingOneAndNoUserAreAllNotFound() {
        when(directory.visibleTo(swede)).thenReturn(Set.of("hc-sverige"));
        when(directory.network("sund-by")).thenReturn(Optional.of(mock(Network.class)));
        assertThatThrownBy(() -> scope.require(swede, "sund-by")).isInstanceOf(ResponseStatusException.class)
                .extracting(e -> ((ResponseStatusException) e).getStatusCode().value()).isEqualTo(404);
        assertThatThrownBy(() -> scope.require(swede, "no-such-network")).isInstanceOf(ResponseStatusException.class)
                .extracting(e -> ((ResponseStatusException) e).getStatusCode().value()).isEqualTo(404);
        assertThatThrownBy(() -> scope.require(null, "hc-sverige")).isInstanceOf(ResponseStatusException.class)
                .extracting(e -> ((ResponseStatusException) e).getStatusCode().value()).isEqualTo(404);
    }
}
