package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static dev.backloop.http.SecureUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.model.ModelInstance;

import dev.backloop.security.user.EmailVerifications;
import dev.backloop.security.user.PasswordResets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account life cycle on the "secure" fixture: email verification and confirm, password resets with
 * scoped tokens, sessions ending when the password changes, realms and case-insensitive emails.
 */
class AccountsHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;
    static SecureUsers users;
    static final List<PasswordResets.Request> resets = new CopyOnWriteArrayList<>();
    static final List<EmailVerifications.Request> verifications = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void boot() {
        app = new AppUnderTest(TestApps.copy("secure", tempDir), Map.of());
        http = app.http;
        users = new SecureUsers(http);
        app.app.security().passwordResets().onRequest(resets::add);
        app.app.security().emailVerifications().onRequest(verifications::add);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
        resets.clear();
        verifications.clear();
    }

    // ---- email verification

    @Test
    void verifyEmitsARequestAndConfirmVerifiesSoTheMemberCanLogIn() {
        long id = http.post("/api/Members", "{\"email\":\"m@x.io\",\"password\":\"s3cret\"}").json().get("id").asLong();
        String login = "{\"email\":\"m@x.io\",\"password\":\"s3cret\"}";
        assertThat(http.post("/api/Members/login", login).error().get("code").asText())
                .isEqualTo("LOGIN_FAILED_EMAIL_NOT_VERIFIED");
        // verify is the owner's ($owner), and anonymous callers are refused
        assertThat(http.post("/api/Members/" + id + "/verify", null).status()).isEqualTo(401);
        String token = (String) app.app.security().tokens().orElseThrow().issue(id, "Member", 600L).id();
        assertThat(http.sendWith("POST", "/api/Members/" + id + "/verify", null, bearer(token)).status())
                .isEqualTo(204);
        assertThat(verifications).hasSize(1);
        EmailVerifications.Request request = verifications.get(0);
        assertThat(request.email()).isEqualTo("m@x.io");
        assertThat(request.user()).doesNotContainKeys("password", "verificationToken");
        assertThat(request.token()).hasSizeGreaterThanOrEqualTo(64);

        HttpClientSupport.Reply wrong = http.get("/api/Members/confirm?uid=" + id + "&token=nope");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error().get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(http.get("/api/Members/confirm?uid=424242&token=" + request.token()).status()).isEqualTo(404);
        HttpClientSupport.Reply confirmed = http.get("/api/Members/confirm?uid=" + id + "&token=" + request.token()
                + "&redirect=" + q("/welcome"));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(302);
        assertThat(confirmed.raw().headers().firstValue("Location").orElse("")).endsWith("/welcome");
        assertThat(http.post("/api/Members/login", login).status()).isEqualTo(200);
        // the token was for one use
        assertThat(http.get("/api/Members/confirm?uid=" + id + "&token=" + request.token()).status()).isEqualTo(400);
    }

    // ---- password resets

    @Test
    void aResetTokenOnlySetsAPasswordOnceAndEndsEverySession() {
        long id = users.signUp("a@x.io");
        String session = users.login("a@x.io");
        assertThat(http.post("/api/Customers/reset", "{\"email\":\"a@x.io\"}").status()).isEqualTo(204);
        String resetToken = resets.get(0).accessToken();
        // good for nothing but setPassword
        HttpClientSupport.Reply read = http.sendWith("GET", "/api/Customers/" + id, null, bearer(resetToken));
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.error().get("code").asText()).isEqualTo("AUTHORIZATION_REQUIRED");
        assertThat(http.sendWith("POST", "/api/Customers/change-password",
                "{\"oldPassword\":\"s3cret\",\"newPassword\":\"x\"}", bearer(resetToken)).status()).isEqualTo(401);
        // and a login token cannot set a password without the old one
        assertThat(http.sendWith("POST", "/api/Customers/reset-password", "{\"newPassword\":\"h4ck\"}",
                bearer(session)).status()).isEqualTo(401);

        assertThat(http.sendWith("POST", "/api/Customers/reset-password", "{\"newPassword\":\"r3set\"}",
                bearer(resetToken)).status()).isEqualTo(204);
        assertThat(http.sendWith("POST", "/api/Customers/reset-password", "{\"newPassword\":\"again\"}",
                bearer(resetToken)).status()).isEqualTo(401);
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, bearer(session)).status()).isEqualTo(401);
        assertThat(http.post("/api/Customers/login", "{\"email\":\"a@x.io\",\"password\":\"r3set\"}").status())
                .isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() {
        long id = users.signUp("a@x.io");
        String phone = users.login("a@x.io");
        String laptop = users.login("a@x.io");
        assertThat(http.sendWith("POST", "/api/Customers/change-password",
                "{\"oldPassword\":\"s3cret\",\"newPassword\":\"n3w\"}", bearer(laptop)).status()).isEqualTo(204);
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, bearer(laptop)).status()).isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, bearer(phone)).status()).isEqualTo(401);
    }

    @Test
    void changingTheEmailByPatchEndsTheOtherSessionsButNotTheCallers() {
        long id = users.signUp("a@x.io");
        String token = users.login("a@x.io");
        String other = users.login("a@x.io");
        assertThat(http.sendWith("PATCH", "/api/Customers/" + id, "{\"nickname\":\"al\"}", bearer(token)).status())
                .isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, bearer(other)).status()).isEqualTo(200);
        assertThat(http.sendWith("PATCH", "/api/Customers/" + id, "{\"email\":\"new@x.io\"}", bearer(token)).status())
                .isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, bearer(other)).status()).isEqualTo(401);
        // as LoopBack 3 keeps options.accessToken: the session that made the change goes on
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, bearer(token)).status()).isEqualTo(200);
        assertThat(app.app.model("AccessToken").find()).extracting(ModelInstance::id).containsExactly(token);
        // a change from Java has no caller: every session ends
        app.app.model("Customer").patchById(id, Map.of("email", "java@x.io"));
        assertThat(app.app.model("AccessToken").find()).isEmpty();
    }

    // ---- realms and case-insensitive emails

    @Test
    void realmsNamespaceUsersAndEmailsIgnoreCaseWhenConfigured() {
        for (String realm : new String[] {"acme", "globex"}) {
            HttpClientSupport.Reply created = http.post("/api/TenantUsers",
                    "{\"email\":\"Ann@X.io\",\"username\":\"ann\",\"password\":\"" + realm + "-pw\",\"realm\":\"" + realm + "\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(200);
            assertThat(created.json().get("email").asText()).isEqualTo("ann@x.io");
            assertThat(created.json().get("realm").asText()).isEqualTo(realm);
        }
        HttpClientSupport.Reply noRealm = http.post("/api/TenantUsers/login", "{\"email\":\"ann@x.io\",\"password\":\"acme-pw\"}");
        assertThat(noRealm.status()).isEqualTo(400);
        assertThat(noRealm.error().get("code").asText()).isEqualTo("REALM_REQUIRED");
        assertThat(http.post("/api/TenantUsers/login",
                "{\"email\":\"ANN@x.io\",\"password\":\"acme-pw\",\"realm\":\"acme\"}").status()).isEqualTo(200);
        assertThat(http.post("/api/TenantUsers/login",
                "{\"email\":\"ann@x.io\",\"password\":\"acme-pw\",\"realm\":\"globex\"}").status()).isEqualTo(401);
        // realmDelimiter ":" puts the realm in front of the username
        assertThat(http.post("/api/TenantUsers/login", "{\"username\":\"globex:ann\",\"password\":\"globex-pw\"}")
                .status()).isEqualTo(200);
        assertThat(http.post("/api/TenantUsers/login",
                "{\"email\":\"ann@x.io\",\"password\":\"acme-pw\",\"realm\":{\"like\":\"a\"}}").status()).isEqualTo(400);
    }

    @Test
    void emailsAreCaseSensitiveByDefault() {
        users.signUp("Bob@x.io");
        assertThat(http.post("/api/Customers/login", "{\"email\":\"bob@x.io\",\"password\":\"s3cret\"}").status())
                .isEqualTo(401);
        assertThat(http.post("/api/Customers/login", "{\"email\":\"Bob@x.io\",\"password\":\"s3cret\"}").status())
                .isEqualTo(200);
    }
}
