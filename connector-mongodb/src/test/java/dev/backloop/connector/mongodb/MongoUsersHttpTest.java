package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users, access tokens, roles and ACLs on a MongoDB datasource, as model-config.json attaches them: sign-up,
 * login, an owner-only read, a role granted through RoleMapping rows, logout, and what is stored (a
 * bcrypt hash, never the password).
 */
class MongoUsersHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path appDir;

    @Test
    void usersAndTokensLiveInMongo() throws Exception {
        String database = String.valueOf(MongoTestServer.settings().values().get("database"));
        try (App app = boot(database)) {
            BackloopServer server = app.listen("127.0.0.1", 0);
            HttpResponse<String> signedUp = send(server, "POST", "/api/Users",
                    "{\"email\": \"ann@example.com\", \"password\": \"s3cret\"}", null);
            assertThat(signedUp.statusCode()).isEqualTo(200);
            String userId = JSON.readTree(signedUp.body()).path("id").asText();
            assertThat(ObjectIds.isHex(userId)).isTrue();
            assertThat(signedUp.body()).doesNotContain("password");

            assertThat(send(server, "POST", "/api/Users/login", "{\"email\": \"ann@example.com\", \"password\": \"nope\"}",
                    null).statusCode()).isEqualTo(401);
            JsonNode login = JSON.readTree(send(server, "POST", "/api/Users/login",
                    "{\"email\": \"ann@example.com\", \"password\": \"s3cret\"}", null).body());
            String token = login.path("id").asText();
            assertThat(login.path("userId").asText()).isEqualTo(userId);

            assertThat(send(server, "GET", "/api/Users/" + userId, null, null).statusCode()).isEqualTo(401);
            assertThat(send(server, "GET", "/api/Users/" + userId, null, token).statusCode()).isEqualTo(200);
            // Reports need the "auditor" role, granted by Role and RoleMapping rows in MongoDB
            assertThat(send(server, "GET", "/api/Reports", null, token).statusCode()).isEqualTo(403);
            Object roleId = app.model("Role").create(Map.of("name", "auditor")).id();
            app.model("RoleMapping").create(Map.of("principalType", "USER", "principalId", userId, "roleId", roleId));
            assertThat(send(server, "GET", "/api/Reports", null, token).statusCode()).isEqualTo(200);

            try (MongoClient raw = MongoClients.create(MongoTestServer.url())) {
                Document stored = raw.getDatabase(database).getCollection("User").find().first();
                assertThat(stored.getString("password")).startsWith("$2").doesNotContain("s3cret");
                assertThat(raw.getDatabase(database).getCollection("AccessToken").countDocuments()).isEqualTo(1);
            }
            assertThat(send(server, "POST", "/api/Users/logout", null, token).statusCode()).isEqualTo(204);
            assertThat(send(server, "GET", "/api/Users/" + userId, null, token).statusCode()).isEqualTo(401);
        }
    }

    private App boot(String database) throws Exception {
        Files.createDirectories(appDir.resolve("server"));
        Files.createDirectories(appDir.resolve("common/models"));
        Files.writeString(appDir.resolve("server/config.json"), "{\"restApiRoot\": \"/api\", \"host\": \"127.0.0.1\", \"port\": 0}");
        Files.writeString(appDir.resolve("server/datasources.json"), "{\"db\": {\"name\": \"db\", "
                + "\"connector\": \"mongodb\", \"url\": \"${MONGO_URL}\", \"database\": \"${MONGO_DB}\"}}");
        Files.writeString(appDir.resolve("server/model-config.json"), """
                {"_meta": {"sources": ["loopback/common/models", "../common/models"]},
                 "User": {"dataSource": "db"},
                 "AccessToken": {"dataSource": "db", "public": false},
                 "ACL": {"dataSource": "db", "public": false},
                 "RoleMapping": {"dataSource": "db", "public": false},
                 "Role": {"dataSource": "db", "public": false},
                 "Report": {"dataSource": "db", "public": true}}
                """);
        Files.writeString(appDir.resolve("common/models/report.json"), """
                {"name": "Report", "base": "PersistedModel", "properties": {"title": "string"},
                 "acls": [{"principalType": "ROLE", "principalId": "$everyone", "permission": "DENY"},
                          {"principalType": "ROLE", "principalId": "auditor", "permission": "ALLOW"}]}
                """);
        return AppBooter.boot(appDir, "development", Map.of("MONGO_URL", MongoTestServer.url(), "MONGO_DB", database));
    }

    private HttpResponse<String> send(BackloopServer server, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
