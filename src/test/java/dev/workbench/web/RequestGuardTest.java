package dev.workbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.cli.DashboardFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Host-header checking and security headers on a real port, with raw HTTP so any Host header can be sent. */
@Tag("slow")
class RequestGuardTest {

    private static Dashboard dashboard;

    @BeforeAll
    static void start() {
        dashboard = Dashboard.start(DashboardFixture.database(), "127.0.0.1", 0, true, Set.of("wb.internal"));
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void a_foreign_host_header_is_refused_with_421_before_any_result_is_read() throws IOException {
        for (String path : new String[] {"/api/experiments", "/", "/js/common.js", "/api/trials/1"}) {
            String answer = get(path, "rebind.attacker.example");
            assertThat(statusLine(answer)).as(path).contains(" 421 ");
            assertThat(answer)
                    .contains("does not answer to host 'rebind.attacker.example'")
                    .contains("--allow-host")
                    .doesNotContain("\"name\":\"grid\"");
        }
        assertThat(statusLine(get("/api/experiments", "127.0.0.1.attacker.example")))
                .contains(" 421 ");
    }

    @Test
    void loopback_names_the_bound_address_and_allowed_names_are_served() throws IOException {
        int port = dashboard.port();
        for (String host : new String[] {
            "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST", "wb.internal:" + port
        }) {
            String answer = get("/api/experiments", host);
            assertThat(statusLine(answer)).as(host).contains(" 200 ");
            assertThat(answer).contains("\"name\":\"grid\"");
        }
    }

    @Test
    void pages_and_api_carry_a_content_security_policy_nosniff_and_no_framing() throws IOException {
        for (String path : new String[] {"/", "/experiment.html", "/api/experiments", "/api/nothing"}) {
            String answer = get(path, "127.0.0.1:" + dashboard.port()).toLowerCase();
            assertThat(answer)
                    .as(path)
                    .contains("content-security-policy: default-src 'self'; script-src 'self';")
                    .contains("frame-ancestors 'none'")
                    .contains("x-content-type-options: nosniff")
                    .contains("x-frame-options: deny");
        }
    }

    @Test
    void a_missing_export_file_is_a_404_without_a_file_system_path() throws IOException {
        String answer = get("/api/exports/999/model.zip", "localhost");
        assertThat(statusLine(answer)).contains(" 404 ");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n")))
                .doesNotContain("/tmp")
                .doesNotContain("/work");
    }

    private static String statusLine(String answer) {
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    /** A raw HTTP/1.1 GET with the given Host header; the whole answer, headers and body. */
    private static String get(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dashboard.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
