package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.ModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, access tokens, roles and ACLs over HTTP, on the "secure" fixture app. */
class SecurityHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;

    @BeforeAll
    static void boot() {
        app = new AppUnderTest(TestApps.copy("secure", tempDir), Map.of());
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private long signUp(String email) {
        HttpClientSupport.Reply reply = http.post("/api/Customers",
                "{\"email\":\"" + email + "\",\"password\":\"s3cret\",\"username\":\"" + email.split("@")[0] + "\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asLong();
    }

    private String login(String email) {
        HttpClientSupport.Reply reply = http.post("/api/Customers/login",
                "{\"email\":\"" + email + "\",\"password\":\"s3cret\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asText();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    // ---- users and tokens

    @Test
    void signUpHashesThePasswordAndNeverReturnsIt() {
        HttpClientSupport.Reply reply = http.post("/api/Customers", "{\"email\":\"a@x.io\",\"password\":\"s3cret\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().has("password")).isFalse();
        ModelInstance stored = app.app.model("Customer").findById(reply.json().get("id").asLong()).orElseThrow();
        assertThat((String) stored.get("password")).startsWith("$2").doesNotContain("s3cret");
    }

    @Test
    void theTokenBodyIsLoopBacksAndIncludeUserAddsTheUser() {
        long id = signUp("a@x.io");
        HttpClientSupport.Reply reply = http.post("/api/Customers/login?include=user",
                "{\"email\":\"a@x.io\",\"password\":\"s3cret\",\"ttl\":3600}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode token = reply.json();
        assertThat(token.get("id").asText()).hasSizeGreaterThanOrEqualTo(64);
        assertThat(token.get("ttl").asLong()).isEqualTo(3600);
        assertThat(token.get("userId").asLong()).isEqualTo(id);
        assertThat(token.has("created")).isTrue();
        assertThat(token.get("user").get("email").asText()).isEqualTo("a@x.io");
        assertThat(token.get("user").has("password")).isFalse();
    }

    @Test
    void loginByUsernameWithTheDefaultTtlOfTwoWeeks() {
        signUp("bob@x.io");
        HttpClientSupport.Reply reply = http.post("/api/Customers/login", "{\"username\":\"bob\",\"password\":\"s3cret\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("ttl").asLong()).isEqualTo(1_209_600L);
        assertThat(reply.json().has("user")).isFalse();
    }

    @Test
    void aWrongPasswordOrUnknownUserIsLoginFailed() {
        signUp("a@x.io");
        for (String body : new String[] {"{\"email\":\"a@x.io\",\"password\":\"nope\"}",
                "{\"email\":\"who@x.io\",\"password\":\"s3cret\"}"}) {
            HttpClientSupport.Reply reply = http.post("/api/Customers/login", body);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.error().get("code").asText()).isEqualTo("LOGIN_FAILED");
        }
    }

    @Test
    void loginRefusesQueriesInPlaceOfAnEmail() {
        signUp("a@x.io");
        HttpClientSupport.Reply reply = http.post("/api/Customers/login",
                "{\"email\":{\"like\":\"a.*\"},\"password\":\"s3cret\"}");
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void thePasswordCannotBeQueried() {
        long id = signUp("a@x.io");
        String token = login("a@x.io");
        HttpClientSupport.Reply reply = http.sendWith("GET", "/api/Customers/" + id + "?filter="
                + q("{\"where\":{\"password\":{\"like\":\"$2.*\"}}}"), null, bearer(token));
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    }

    @Test
    void everyTokenSourceIdentifiesTheCaller() {
        long id = signUp("a@x.io");
        String token = login("a@x.io");
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, Map.of("Authorization", token)).status()).isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, bearer(token)).status()).isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Customers/" + id, null, Map.of("X-Access-Token", token)).status()).isEqualTo(200);
        assertThat(http.get("/api/Customers/" + id + "?access_token=" + token).status()).isEqualTo(200);
        assertThat(http.get("/api/Customers/" + id).status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheToken() {
        long id = signUp("a@x.io");
        String token = login("a@x.io");
        assertThat(http.sendWith("POST", "/api/Customers/logout", null, bearer(token)).status()).isEqualTo(204);
        HttpClientSupport.Reply after = http.sendWith("GET", "/api/Customers/" + id, null, bearer(token));
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error().get("code").asText()).isEqualTo("AUTHORIZATION_REQUIRED");
        assertThat(http.post("/api/Customers/logout", null).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRejectedAndDeleted() {
        long id = signUp("a@x.io");
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("id", "expired-token-000000000000000000000000000000000000000000000000000");
        old.put("ttl", 60);
        old.put("created", Date.from(Instant.now().minus(Duration.ofHours(1))));
        old.put("userId", id);
        old.put("principalType", "Customer");
        app.app.model("AccessToken").create(old);
        HttpClientSupport.Reply reply = http.sendWith("GET", "/api/Customers/" + id, null, bearer((String) old.get("id")));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(app.app.model("AccessToken").findById(old.get("id"))).isEmpty();
    }

    @Test
    void deletingAUserRevokesItsTokens() {
        long id = signUp("a@x.io");
        String token = login("a@x.io");
        assertThat(http.sendWith("DELETE", "/api/Customers/" + id, null, bearer(token)).status()).isEqualTo(200);
        assertThat(app.app.model("AccessToken").findById(token)).isEmpty();
    }

    @Test
    void theAccessTokenModelIsNotOpenEvenWhenExposed() {
        // AccessToken is not public in this app: no route at all
        assertThat(http.post("/api/AccessTokens", "{\"userId\":1}").status()).isEqualTo(404);
    }

    // ---- the scaffold's User ACLs and the roles

    @Test
    void usersSeeOnlyThemselves() {
        long a = signUp("a@x.io");
        long b = signUp("b@x.io");
        String tokenA = login("a@x.io");
        assertThat(http.sendWith("GET", "/api/Customers/" + a, null, bearer(tokenA)).status()).isEqualTo(200);
        HttpClientSupport.Reply other = http.sendWith("GET", "/api/Customers/" + b, null, bearer(tokenA));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.error().get("code").asText()).isEqualTo("ACCESS_DENIED");
        // find is denied to everyone by the User model's ACLs
        assertThat(http.sendWith("GET", "/api/Customers", null, bearer(tokenA)).status()).isEqualTo(403);
        assertThat(http.get("/api/Customers").status()).isEqualTo(401);
    }

    @Test
    void authenticatedReadsOwnerWritesAnonymousNothing() {
        long a = signUp("a@x.io");
        signUp("b@x.io");
        String tokenA = login("a@x.io");
        String tokenB = login("b@x.io");
        HttpClientSupport.Reply created = http.sendWith("POST", "/api/Notes", "{\"text\":\"mine\",\"customerId\":" + a + "}",
                bearer(tokenA));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        long note = created.json().get("id").asLong();

        assertThat(http.get("/api/Notes").status()).isEqualTo(401);
        assertThat(http.sendWith("GET", "/api/Notes", null, bearer(tokenB)).status()).isEqualTo(200);
        assertThat(http.sendWith("PATCH", "/api/Notes/" + note, "{\"text\":\"theirs\"}", bearer(tokenB)).status())
                .isEqualTo(403);
        assertThat(http.sendWith("PATCH", "/api/Notes/" + note, "{\"text\":\"edited\"}", bearer(tokenA)).status())
                .isEqualTo(200);
        assertThat(http.patch("/api/Notes/" + note, "{\"text\":\"anon\"}").status()).isEqualTo(401);
    }

    @Test
    void theMoreSpecificRuleWinsAndUnauthenticatedIsARole() {
        signUp("a@x.io");
        String token = login("a@x.io");
        // $unauthenticated ALLOW count beats $everyone DENY; $authenticated DENY count beats $authenticated ALLOW READ
        assertThat(http.get("/api/Notes/count").status()).isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Notes/count", null, bearer(token)).status()).isEqualTo(403);
    }

    @Test
    void aModelWithoutAclsIsOpen() {
        assertThat(http.post("/api/Audits", "{\"event\":\"x\"}").status()).isEqualTo(200);
        assertThat(http.get("/api/Audits").json().size()).isEqualTo(1);
    }

    @Test
    void aStaticRoleAndAUserPrincipalFromTheAclModel() {
        long a = signUp("a@x.io");
        long b = signUp("b@x.io");
        String tokenA = login("a@x.io");
        String tokenB = login("b@x.io");
        app.app.model("Secret").create(Map.of("code", "42"));
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(tokenA)).status()).isEqualTo(403);
        Object role = app.app.model("Role").create(Map.of("name", "admin")).id();
        app.app.model("RoleMapping").create(Map.of("principalType", "USER", "principalId", String.valueOf(a),
                "roleId", role));
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(tokenA)).status()).isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(tokenB)).status()).isEqualTo(403);
        app.app.model("ACL").create(Map.of("model", "Secret", "property", "find", "accessType", "READ",
                "principalType", "USER", "principalId", String.valueOf(b), "permission", "ALLOW"));
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(tokenB)).status()).isEqualTo(200);
    }

    @Test
    void aDynamicRoleFromJava() {
        signUp("a@x.io");
        String token = login("a@x.io");
        app.app.security().roles().registerResolver("admin", ctx -> ctx.isAuthenticated());
        try {
            assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(token)).status()).isEqualTo(200);
        } finally {
            app.app.security().roles().registerResolver("admin", ctx -> false);
        }
    }

    // ---- relation routes and include

    @Test
    void relationRoutesCheckTheOwnerAndTheRelatedModel() {
        long a = signUp("a@x.io");
        long b = signUp("b@x.io");
        String tokenA = login("a@x.io");
        String tokenB = login("b@x.io");
        HttpClientSupport.Reply created = http.sendWith("POST", "/api/Customers/" + a + "/notes", "{\"text\":\"n\"}",
                bearer(tokenA));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(http.sendWith("GET", "/api/Customers/" + a + "/notes", null, bearer(tokenA)).json().size()).isEqualTo(1);
        assertThat(http.sendWith("GET", "/api/Customers/" + a + "/notes", null, bearer(tokenB)).status()).isEqualTo(403);
        assertThat(http.get("/api/Customers/" + a + "/notes").status()).isEqualTo(401);
        // the owner may call the route, but Secret's own ACLs deny reading it
        app.app.model("Secret").create(Map.of("code", "42", "customerId", a));
        assertThat(http.sendWith("GET", "/api/Customers/" + a + "/secrets", null, bearer(tokenA)).status()).isEqualTo(403);
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void includeNeedsReadOnTheRelatedModel() {
        long a = signUp("a@x.io");
        String token = login("a@x.io");
        app.app.model("Secret").create(Map.of("code", "42", "customerId", a));
        HttpClientSupport.Reply denied = http.sendWith("GET", "/api/Customers/" + a + "?filter="
                + q("{\"include\":\"secrets\"}"), null, bearer(token));
        assertThat(denied.status()).isEqualTo(403);
        HttpClientSupport.Reply allowed = http.sendWith("GET", "/api/Customers/" + a + "?filter="
                + q("{\"include\":\"notes\"}"), null, bearer(token));
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
    }

    // ---- passwords and email verification

    @Test
    void changePasswordNeedsTheOldOneAndATokenThenTheNewOneLogsIn() {
        signUp("a@x.io");
        String token = login("a@x.io");
        assertThat(http.post("/api/Customers/change-password", "{\"oldPassword\":\"s3cret\",\"newPassword\":\"n3w\"}")
                .status()).isEqualTo(401);
        assertThat(http.sendWith("POST", "/api/Customers/change-password",
                "{\"oldPassword\":\"wrong\",\"newPassword\":\"n3w\"}", bearer(token)).status()).isEqualTo(400);
        assertThat(http.sendWith("POST", "/api/Customers/change-password",
                "{\"oldPassword\":\"s3cret\",\"newPassword\":\"n3w\"}", bearer(token)).status()).isEqualTo(204);
        assertThat(http.post("/api/Customers/login", "{\"email\":\"a@x.io\",\"password\":\"s3cret\"}").status())
                .isEqualTo(401);
        assertThat(http.post("/api/Customers/login", "{\"email\":\"a@x.io\",\"password\":\"n3w\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aResetRequestReachesTheAppAndItsTokenSetsAPassword() {
        signUp("a@x.io");
        java.util.List<dev.backloop.security.user.PasswordResets.Request> requests =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        app.app.security().passwordResets().onRequest(requests::add);
        assertThat(http.post("/api/Customers/reset", "{\"email\":\"a@x.io\"}").status()).isEqualTo(204);
        assertThat(http.post("/api/Customers/reset", "{\"email\":\"nobody@x.io\"}").status()).isEqualTo(404);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).user()).doesNotContainKey("password");
        assertThat(http.sendWith("POST", "/api/Customers/reset-password", "{\"newPassword\":\"r3set\"}",
                bearer(requests.get(0).accessToken())).status()).isEqualTo(204);
        assertThat(http.post("/api/Customers/login", "{\"email\":\"a@x.io\",\"password\":\"r3set\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordBcryptWouldTruncateIsRefused() {
        HttpClientSupport.Reply reply = http.post("/api/Customers",
                "{\"email\":\"a@x.io\",\"password\":\"" + "x".repeat(73) + "\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().get("code").asText()).isEqualTo("PASSWORD_TOO_LONG");
    }

    @Test
    void clientsCannotVerifyTheirOwnEmailAndUnverifiedMembersCannotLogIn() {
        HttpClientSupport.Reply reply = http.post("/api/Members",
                "{\"email\":\"m@x.io\",\"password\":\"s3cret\",\"emailVerified\":true}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        long id = reply.json().get("id").asLong();
        assertThat(app.app.model("Member").findById(id).orElseThrow().get("emailVerified")).isNotEqualTo(true);
        HttpClientSupport.Reply refused = http.post("/api/Members/login", "{\"email\":\"m@x.io\",\"password\":\"s3cret\"}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error().get("code").asText()).isEqualTo("LOGIN_FAILED_EMAIL_NOT_VERIFIED");
        app.app.model("Member").patchById(id, Map.of("emailVerified", true));
        assertThat(http.post("/api/Members/login", "{\"email\":\"m@x.io\",\"password\":\"s3cret\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aTokenOfOneUserModelDoesNotActForAnother() {
        long customer = signUp("c@x.io");
        Object member = app.app.model("Member").create(Map.of("id", customer, "email", "m@x.io", "password", "s3cret"))
                .id();
        String token = login("c@x.io");
        // same id, other model: not the owner
        assertThat(http.sendWith("GET", "/api/Members/" + member, null, bearer(token)).status()).isEqualTo(403);
    }
}
