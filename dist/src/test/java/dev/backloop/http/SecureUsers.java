package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Sign-up and login against the "secure" fixture's Customer model, for the security HTTP tests. */
final class SecureUsers {
    static final String PASSWORD = "s3cret";
    private final HttpClientSupport http;

    SecureUsers(HttpClientSupport http) {
        this.http = http;
    }

    /** Signs a customer up; returns its id. */
    long signUp(String email) {
        HttpClientSupport.Reply reply = http.post("/api/Customers",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"username\":\"" + email.split("@")[0] + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asLong();
    }

    /** Logs a customer in; returns the token id. */
    String login(String email) {
        HttpClientSupport.Reply reply = http.post("/api/Customers/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asText();
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
