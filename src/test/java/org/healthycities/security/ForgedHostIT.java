package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A forged Host header never reaches a Location header: redirects are relative. Over a raw socket, since HTTP
 * clients will not send a Host of our choosing and MockMvc never goes through Tomcat's redirect.
 */
@IntegrationTest
class ForgedHostIT {

    @LocalServerPort int port;

    @Test
    void redirectsNeverNameTheHostTheRequestClaimed() throws Exception {
        for (String path : List.of("/tasks", "/home", "/evaluations", "/members")) {
            List<String> headers = rawGet(path, "evil.example");
            String location = headers.stream().filter(h -> h.toLowerCase().startsWith("location:")).findFirst()
                    .orElseThrow(() -> new AssertionError("no redirect for " + path + ": " + headers));
            assertThat(location).as(path).doesNotContain("evil.example").contains(": /");
        }
    }

    private List<String> rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> headers = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line);
            }
            return headers;
        }
    }
}
