package dev.backloop.http;

import static dev.backloop.http.SecureUsers.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACLs beyond CRUD on the "secure" fixture: custom remote methods, APP principals, the ACL model's rows
 * as they change, no existence leak on {@code /:id} routes, owner assignment, and a user's token routes.
 */
class AccessControlHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;
    static SecureUsers users;

    @BeforeAll
    static void boot() {
        app = new AppUnderTest(TestApps.copy("secure", tempDir), Map.of());
        http = app.http;
        users = new SecureUsers(http);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    // ---- custom remote methods

    @Test
    void aCustomMethodIsExecuteUnlessItDeclaresAnAccessType() {
        users.signUp("a@x.io");
        String token = users.login("a@x.io");
        Object vault = app.app.model("Vault").create(Map.of("label", "gold")).id();
        // Vault allows $authenticated READ only: "open" declares nothing, so it is EXECUTE and denied
        HttpClientSupport.Reply open = http.sendWith("POST", "/api/Vaults/open", null, bearer(token));
        assertThat(open.status()).as(open.text()).isEqualTo(403);
        assertThat(http.post("/api/Vaults/open", null).status()).isEqualTo(401);
        // "peek" declares accessType READ
        HttpClientSupport.Reply peek = http.sendWith("GET", "/api/Vaults/" + vault + "/peek", null, bearer(token));
        assertThat(peek.status()).as(peek.text()).isEqualTo(200);
        assertThat(peek.json().get("label").asText()).isEqualTo("gold");
        assertThat(http.get("/api/Vaults/" + vault + "/peek").status()).isEqualTo(401);
        // an ACL row for EXECUTE on the method name opens it
        app.app.model("ACL").create(Map.of("model", "Vault", "property", "open", "accessType", "EXECUTE",
                "principalType", "ROLE", "principalId", "$authenticated", "permission", "ALLOW"));
        assertThat(http.sendWith("POST", "/api/Vaults/open", null, bearer(token)).status()).isEqualTo(200);
    }

    // ---- APP principals

    @Test
    void anApplicationTokenMatchesAppEntries() {
        app.app.model("Secret").create(Map.of("code", "42"));
        var tokens = app.app.security().tokens().orElseThrow();
        String reporting = (String) tokens.issue(null, null, 3600L, null, "reporting").id();
        String other = (String) tokens.issue(null, null, 3600L, null, "billing").id();
        HttpClientSupport.Reply allowed = http.sendWith("GET", "/api/Secrets", null, bearer(reporting));
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
        assertThat(allowed.json().size()).isEqualTo(1);
        // the APP entry allows READ only, and only that app
        assertThat(http.sendWith("POST", "/api/Secrets", "{\"code\":\"1\"}", bearer(reporting)).status())
                .isEqualTo(403);
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(other)).status()).isEqualTo(403);
    }

    @Test
    void anApplicationCanHoldAStaticRole() {
        app.app.model("Secret").create(Map.of("code", "42"));
        String billing = (String) app.app.security().tokens().orElseThrow().issue(null, null, 3600L, null, "billing").id();
        Object role = app.app.model("Role").create(Map.of("name", "admin")).id();
        app.app.model("RoleMapping").create(Map.of("principalType", "APP", "principalId", "billing", "roleId", role));
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(billing)).status()).isEqualTo(200);
    }

    // ---- the ACL model's rows are cached, and writes are seen

    @Test
    void aclRowsTakeEffectWhenWrittenAndStopWhenDeleted() {
        users.signUp("a@x.io");
        String token = users.login("a@x.io");
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(token)).status()).isEqualTo(403);
        Object row = app.app.model("ACL").create(Map.of("model", "Secret", "property", "*", "accessType", "READ",
                "principalType", "ROLE", "principalId", "$authenticated", "permission", "ALLOW")).id();
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(token)).status()).isEqualTo(200);
        app.app.model("ACL").patchById(row, Map.of("permission", "DENY"));
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(token)).status()).isEqualTo(403);
        app.app.model("ACL").destroyById(row);
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(token)).status()).isEqualTo(403);
        // a row for every model ("*") reaches a model without acls of its own
        assertThat(http.get("/api/Audits").status()).isEqualTo(200);
        app.app.model("ACL").create(Map.of("model", "*", "property", "*", "accessType", "*",
                "principalType", "ROLE", "principalId", "$unauthenticated", "permission", "DENY"));
        assertThat(http.get("/api/Audits").status()).isEqualTo(401);
    }

    // ---- /:id routes do not tell an anonymous caller whether an id exists

    @Test
    void anAnonymousCallerGets401WhetherOrNotTheIdExists() {
        long a = users.signUp("a@x.io");
        String token = users.login("a@x.io");
        long note = http.sendWith("POST", "/api/Notes", "{\"text\":\"n\",\"customerId\":" + a + "}", bearer(token))
                .json().get("id").asLong();
        for (String path : new String[] {"/api/Notes/" + note, "/api/Notes/999999"}) {
            HttpClientSupport.Reply patch = http.patch(path, "{\"text\":\"x\"}");
            assertThat(patch.status()).as(path).isEqualTo(401);
            assertThat(patch.error().get("code").asText()).isEqualTo("AUTHORIZATION_REQUIRED");
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
        }
        for (String path : new String[] {"/api/Customers/" + a + "/notes", "/api/Customers/999999/notes"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
        }
        // the owner, allowed, still learns that a missing id is missing
        assertThat(http.sendWith("PATCH", "/api/Notes/" + note, "{\"text\":\"x\"}", bearer(token)).status())
                .isEqualTo(200);
        assertThat(http.get("/api/Audits/999999").status()).isEqualTo(404);
    }

    // ---- mass assignment of ownership

    @Test
    void aClientCannotAssignARecordToAnotherUser() {
        long a = users.signUp("a@x.io");
        long b = users.signUp("b@x.io");
        String tokenA = users.login("a@x.io");
        HttpClientSupport.Reply foreign = http.sendWith("POST", "/api/Notes",
                "{\"text\":\"planted\",\"customerId\":" + b + "}", bearer(tokenA));
        assertThat(foreign.status()).as(foreign.text()).isEqualTo(403);
        long note = http.sendWith("POST", "/api/Notes", "{\"text\":\"mine\",\"customerId\":" + a + "}", bearer(tokenA))
                .json().get("id").asLong();
        // nor hand one over (or take it) through an update
        assertThat(http.sendWith("PATCH", "/api/Notes/" + note, "{\"customerId\":" + b + "}", bearer(tokenA)).status())
                .isEqualTo(403);
        assertThat(app.app.model("Note").findById(note).orElseThrow().get("customerId").toString())
                .isEqualTo(String.valueOf(a));
        // an entry naming the caller's role allows it (an admin may)
        Object role = app.app.model("Role").create(Map.of("name", "editor")).id();
        app.app.model("RoleMapping").create(Map.of("principalType", "USER", "principalId", String.valueOf(a),
                "roleId", role));
        app.app.model("ACL").create(Map.of("model", "Note", "property", "*", "accessType", "WRITE",
                "principalType", "ROLE", "principalId", "editor", "permission", "ALLOW"));
        assertThat(http.sendWith("POST", "/api/Notes", "{\"text\":\"for b\",\"customerId\":" + b + "}", bearer(tokenA))
                .status()).isEqualTo(200);
    }

    @Test
    void rolesInTheSignUpBodyGrantNothing() {
        HttpClientSupport.Reply reply = http.post("/api/Customers",
                "{\"email\":\"a@x.io\",\"password\":\"s3cret\",\"roles\":[\"admin\"],\"realm\":\"staff\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(app.app.model("Customer").findById(reply.json().get("id").asLong()).orElseThrow().get("realm"))
                .isNull();
        app.app.model("Role").create(Map.of("name", "admin"));
        app.app.model("Secret").create(Map.of("code", "42"));
        assertThat(http.sendWith("GET", "/api/Secrets", null, bearer(users.login("a@x.io"))).status()).isEqualTo(403);
    }

    // ---- a user's tokens

    @Test
    void aUserListsAndRevokesOnlyTheirOwnTokens() {
        long a = users.signUp("a@x.io");
        long b = users.signUp("b@x.io");
        String first = users.login("a@x.io");
        String second = users.login("a@x.io");
        String tokenB = users.login("b@x.io");
        HttpClientSupport.Reply list = http.sendWith("GET", "/api/Customers/" + a + "/accessTokens", null, bearer(first));
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        for (JsonNode token : list.json()) {
            assertThat(token.get("userId").asLong()).isEqualTo(a);
            assertThat(token.has("principalType")).isFalse();
        }
        assertThat(http.sendWith("GET", "/api/Customers/" + a + "/accessTokens/count", null, bearer(first)).json()
                .get("count").asInt()).isEqualTo(2);
        // another user, or nobody: refused
        assertThat(http.sendWith("GET", "/api/Customers/" + a + "/accessTokens", null, bearer(tokenB)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/Customers/" + a + "/accessTokens").status()).isEqualTo(401);
        // b's token is not a's to read or delete
        assertThat(http.sendWith("GET", "/api/Customers/" + a + "/accessTokens/" + tokenB, null, bearer(first))
                .status()).isEqualTo(404);
        assertThat(http.sendWith("DELETE", "/api/Customers/" + a + "/accessTokens/" + second, null, bearer(first))
                .status()).isEqualTo(204);
        assertThat(http.sendWith("GET", "/api/Customers/" + a, null, bearer(second)).status()).isEqualTo(401);
        assertThat(http.sendWith("GET", "/api/Customers/" + b, null, bearer(tokenB)).status()).isEqualTo(200);
        // and the hole of loopback#386: tokens cannot be included
        assertThat(http.sendWith("GET", "/api/Customers/" + a + "?filter="
                + HttpClientSupport.q("{\"include\":\"accessTokens\"}"), null, bearer(first)).status()).isEqualTo(400);
    }
}
