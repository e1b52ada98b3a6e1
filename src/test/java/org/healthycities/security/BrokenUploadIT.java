package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A multipart request that breaks off inside a part (the closing boundary never comes) gets our own error page
 * with 400 in the person's language, and the log gets one line, not stack traces.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BrokenUploadIT {

    @LocalServerPort int port;

    @Test
    void aTruncatedMultipartRequestGetsOurPageAndOneLogLine(CapturedOutput output) throws Exception {
        String boundary = "----hcBoundary7MA4YWxk";
        String start = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"motivation\"\r\n\r\nLighed\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"plan.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 the first bytes of a long file";
        // the body ends inside the file part: the announced length arrives, the closing boundary never does
        byte[] body = start.getBytes(StandardCharsets.ISO_8859_1);
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /apply HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nCookie: hc-lang=en\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            response = all.toString(StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("The upload broke off").doesNotContain("HTTP Status").doesNotContain("Apache Tomcat");
        assertThat(output.getAll()).containsOnlyOnce("broke off");
        assertThat(output.getAll()).doesNotContain("FileUploadException").doesNotContain("EOFException");
    }
}
