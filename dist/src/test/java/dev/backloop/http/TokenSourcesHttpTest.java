package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place LoopBack 3's {@code AccessToken.getIdForRequest} reads a token from, on two copies of the
 * "secure" fixture: as scaffolded (no cookies) and with {@code loopback#token} configured for cookies,
 * an extra header and {@code currentUserLiteral} in middleware.json.
 */
class TokenSourcesHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest plain;
    static AppUnderTest withCookies;

    @BeforeAll
    static void boot() throws IOException {
        plain = new AppUnderTest(TestApps.copy("secure", tempDir.resolve("plain")), Map.of());
        Path configured = TestApps.copy("secure", tempDir.resolve("cookies"));
        Files.writeString(configured.resolve("server/middleware.json"), """
                {"auth": {"loopback#token": {"params": {"cookies": ["session"], "headers": ["X-Api-Key"],
                  "bearerTokenBase64Encoded": false, "currentUserLiteral": "me"}}}}
                """);
        withCookies = new AppUnderTest(configured, Map.of());
    }

    @AfterAll
    static void stop() {
        plain.close();
        withCookies.close();
    }

    /** A fresh customer of {@code app} and its token; the status of reading itself with {@code headers}. */
    private static final class Caller {
        final AppUnderTest app;
        final long id;
        final String token;

        Caller(AppUnderTest app, String email) {
            this.app = app;
            SecureUsers users = new SecureUsers(app.http);
            this.id = users.signUp(email);
            this.token = users.login(email);
        }

        int readSelf(Map<String, String> headers) {
            return app.http.sendWith("GET", "/api/Customers/" + id, null, headers).status();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headersQueryAndBodyAsLoopBack() {
        Caller c = new Caller(plain, "h@x.io");
        assertThat(c.readSelf(Map.of("Authorization", c.token))).isEqualTo(200);
        assertThat(c.readSelf(Map.of("Authorization", "Bearer " + c.token))).isEqualTo(200);
        // LoopBack's middleware decodes base64 Bearer values by default
        assertThat(c.readSelf(Map.of("Authorization", "Bearer " + base64(c.token)))).isEqualTo(200);
        assertThat(c.readSelf(Map.of("X-Access-Token", c.token))).isEqualTo(200);
        assertThat(plain.http.get("/api/Customers/" + c.id + "?access_token=" + c.token).status()).isEqualTo(200);
        // the body's access_token, on a method that reads a body
        assertThat(plain.http.post("/api/Customers/change-password",
                "{\"oldPassword\":\"s3cret\",\"newPassword\":\"s3cret\",\"access_token\":\"" + c.token + "\"}")
                .status()).isEqualTo(204);
        assertThat(c.readSelf(Map.of())).isEqualTo(401);
        assertThat(c.readSelf(Map.of("Authorization", "Bearer not-a-token"))).isEqualTo(401);
    }

    @Test
    void basicAuthTakesTheLongerOfUserAndPassword() {
        Caller c = new Caller(plain, "b@x.io");
        assertThat(c.readSelf(Map.of("Authorization", "Basic " + base64(c.token)))).isEqualTo(200);
        assertThat(c.readSelf(Map.of("Authorization", "Basic " + base64(c.token + ":")))).isEqualTo(200);
        assertThat(c.readSelf(Map.of("Authorization", "basic " + base64("token:" + c.token)))).isEqualTo(200);
        assertThat(c.readSelf(Map.of("Authorization", "Basic " + base64(":" + c.token)))).isEqualTo(200);
        assertThat(c.readSelf(Map.of("Authorization", "Basic " + base64("user:pw")))).isEqualTo(401);
        assertThat(c.readSelf(Map.of("Authorization", "Basic %%%"))).isEqualTo(401);
    }

    @Test
    void cookiesAreReadOnlyWhenConfigured() {
        Caller off = new Caller(plain, "c@x.io");
        assertThat(off.readSelf(Map.of("Cookie", "access_token=" + off.token))).isEqualTo(401);
        assertThat(off.readSelf(Map.of("Cookie", "authorization=" + off.token))).isEqualTo(401);

        Caller on = new Caller(withCookies, "c@x.io");
        assertThat(on.readSelf(Map.of("Cookie", "theme=dark; session=" + on.token))).isEqualTo(200);
        // the default names join the configured ones
        assertThat(on.readSelf(Map.of("Cookie", "access_token=" + on.token))).isEqualTo(200);
        assertThat(on.readSelf(Map.of("Cookie", "session=nope"))).isEqualTo(401);
    }

    @Test
    void configuredHeadersAndRawBearer() {
        Caller c = new Caller(withCookies, "k@x.io");
        assertThat(c.readSelf(Map.of("X-Api-Key", c.token))).isEqualTo(200);
        assertThat(c.readSelf(Map.of("Authorization", "Bearer " + c.token))).isEqualTo(200);
        // bearerTokenBase64Encoded: false takes the value as sent
        assertThat(c.readSelf(Map.of("Authorization", "Bearer " + base64(c.token)))).isEqualTo(401);
    }

    @Test
    void theCurrentUserLiteralStandsForTheCallersId() {
        Caller c = new Caller(withCookies, "me@x.io");
        HttpClientSupport.Reply self = withCookies.http.sendWith("GET", "/api/Customers/me", null,
                Map.of("Authorization", c.token));
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().get("id").asLong()).isEqualTo(c.id);
        assertThat(self.json().get("email").asText()).isEqualTo("me@x.io");
        // any token source, any route below it
        assertThat(withCookies.http.get("/api/Customers/me/accessTokens?access_token=" + c.token).status()).isEqualTo(200);
        assertThat(withCookies.http.sendWith("PATCH", "/api/Customers/me", "{\"nickname\": \"itsme\"}",
                Map.of("Authorization", c.token)).json().get("nickname").asText()).isEqualTo("itsme");
        // a segment that only starts with the literal is left alone
        assertThat(withCookies.http.sendWith("GET", "/api/Customers/meadow", null, Map.of("Authorization", c.token))
                .status()).isNotEqualTo(200);
    }

    @Test
    void theCurrentUserLiteralWithoutATokenIs401() {
        HttpClientSupport.Reply anonymous = withCookies.http.get("/api/Customers/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("error").path("code").asText()).isEqualTo("AUTHORIZATION_REQUIRED");
        assertThat(withCookies.http.sendWith("GET", "/api/Customers/me", null, Map.of("Authorization", "forged"))
                .status()).isEqualTo(401);
    }
}
