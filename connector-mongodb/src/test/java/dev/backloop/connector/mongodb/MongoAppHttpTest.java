package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A LoopBack 3 app directory with a MongoDB datasource, booted and called over HTTP. */
class MongoAppHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path appDir;

    /** An app whose datasource "db" reads its url from ${MONGO_URL}, as datasources.json does for secrets. */
    private App boot(Map<String, String> environment, String extraSettings) throws IOException {
        Files.createDirectories(appDir.resolve("server"));
        Files.createDirectories(appDir.resolve("common/models"));
        Files.writeString(appDir.resolve("server/config.json"), "{\"restApiRoot\": \"/api\", \"host\": \"127.0.0.1\", \"port\": 0}");
        Files.writeString(appDir.resolve("server/datasources.json"), "{\"db\": {\"name\": \"db\", "
                + "\"connector\": \"loopback-connector-mongodb\", \"url\": \"${MONGO_URL}\", \"database\": \"${MONGO_DB}\""
                + extraSettings + "}}");
        Files.writeString(appDir.resolve("server/model-config.json"), "{\"_meta\": {\"sources\": [\"../common/models\"]},"
                + " \"Book\": {\"dataSource\": \"db\", \"public\": true}}");
        Files.writeString(appDir.resolve("common/models/book.json"), "{\"name\": \"Book\", \"base\": \"PersistedModel\","
                + " \"properties\": {\"title\": {\"type\": \"string\", \"required\": true}, \"price\": \"number\"}}");
        return AppBooter.boot(appDir, "development", environment);
    }

    private HttpResponse<String> send(BackloopServer server, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void crudOverHttpWithObjectIdStrings() throws Exception {
        String database = String.valueOf(MongoTestServer.settings().values().get("database"));
        try (App app = boot(Map.of("MONGO_URL", MongoTestServer.url(), "MONGO_DB", database), "")) {
            BackloopServer server = app.listen("127.0.0.1", 0);
            HttpResponse<String> created = send(server, "POST", "/api/Books", "{\"title\": \"Dune\", \"price\": 10}");
            assertThat(created.statusCode()).isEqualTo(200);
            String id = JSON.readTree(created.body()).path("id").asText();
            assertThat(ObjectIds.isHex(id)).isTrue();

            HttpResponse<String> found = send(server, "GET", "/api/Books/" + id, null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(found.body()).path("title").asText()).isEqualTo("Dune");

            String filter = URLEncoder.encode("{\"where\":{\"title\":{\"like\":\"D%\"}},\"fields\":{\"title\":true}}",
                    StandardCharsets.UTF_8);
            JsonNode list = JSON.readTree(send(server, "GET", "/api/Books?filter=" + filter, null).body());
            assertThat(list).hasSize(1);
            assertThat(list.get(0).fieldNames()).toIterable().containsExactly("title");

            assertThat(send(server, "PATCH", "/api/Books/" + id, "{\"price\": 12}").statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(send(server, "GET", "/api/Books/count?where=%7B%22price%22%3A12%7D", null).body())
                    .path("count").asLong()).isEqualTo(1);
            assertThat(send(server, "GET", "/api/Books/not-an-object-id", null).statusCode()).isEqualTo(404);
            assertThat(send(server, "DELETE", "/api/Books/" + id, null).statusCode()).isEqualTo(200);
            assertThat(send(server, "GET", "/api/Books/" + id, null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anUnreachableDatabaseIs503ForClients() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (App app = boot(Map.of("MONGO_URL", "mongodb://127.0.0.1:" + port, "MONGO_DB", "nowhere"),
                ", \"lazyConnect\": true, \"serverSelectionTimeoutMS\": 300")) {
            BackloopServer server = app.listen("127.0.0.1", 0);
            HttpResponse<String> response = send(server, "GET", "/api/Books", null);
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("statusCode").asInt()).isEqualTo(503);
            assertThat(error.path("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(send(server, "POST", "/api/Books", "{\"title\": \"Dune\"}").statusCode()).isEqualTo(503);
        }
    }
}
