package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What differs between networks is each network's data (settings, forms, fee rules), never a branch in the code:
 * no production source or template names a network's id. Seed data (Flyway) may.
 */
class NetworkRulesAreDataTest {

    private static final Pattern NETWORK_ID = Pattern.compile("[\"'](sund-by|hc-sverige|sunne-kommuner)[\"']");

    @Test
    void noProductionCodeOrTemplateNamesANetwork() throws IOException {
        List<String> found;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources/templates")))) {
            found = files.filter(Files::isRegularFile).flatMap(NetworkRulesAreDataTest::hits).toList();
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanFindsANetworkIdWhereOneIs() {
        assertThat(NETWORK_ID.matcher("if (\"sund-by\".equals(networkId))").find()).isTrue();
        assertThat(NETWORK_ID.matcher("th:if=\"${network.id == 'hc-sverige'}\"").find()).isTrue();
        assertThat(NETWORK_ID.matcher("// ids such as sund-by are tenant ids").find()).isFalse();
    }

    private static Stream<String> hits(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> NETWORK_ID.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
