package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.boot.BootException;
import dev.backloop.json.Json;
import dev.backloop.server.BackloopServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code "discover": true}: an app with no model files of its own gets the backend's models and custom
 * methods from the backend's swagger.json, and serves them.
 */
class RemoteDiscoveryTest {
    private static BackendApp backend;

    @BeforeAll
    static void start() {
        backend = new BackendApp();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void theBackendsModelsAndMethodsAreServedWithNoLocalDefinitions() {
        backend.reset();
        backend.app.model("Book").create(Map.of("title", "Dune", "price", 12));
        try (App gateway = AppBooter.boot(BackendApp.fixture("discovering"), "test", Map.of("BACKEND_URL", backend.url()))) {
            assertThat(gateway.models()).containsKeys("Book", "Author", "Tag", "Item", "Member");
            BackloopServer server = gateway.listen("127.0.0.1", 0);
            GatewayClient client = new GatewayClient(server.uri().resolve("/api"));
            GatewayClient.Reply books = client.send("GET", "/Books?filter=" + GatewayClient.query("{\"where\":{\"price\":{\"gt\":10}}}"), null);
            assertThat(books.status()).isEqualTo(200);
            assertThat(books.json().findValuesAsText("title")).containsExactly("Dune");
            assertThat(client.send("GET", "/Books/greet?name=Ann", null).json().get("greeting").asText())
                    .isEqualTo("Hello, Ann");
            assertThat(client.send("POST", "/Books/sum", "{\"a\": 1, \"b\": 2}").json().asDouble()).isEqualTo(3.0);
            Object id = backend.app.model("Book").find().get(0).id();
            assertThat(client.send("POST", "/Books/" + id + "/describe", "{\"tone\": \"warm\"}").json().get("text").asText())
                    .isEqualTo("Dune (warm)");
            assertThat(client.send("POST", "/Books", "{\"title\": \"Emma\"}").status()).isEqualTo(200);
            assertThat(backend.app.model("Book").count(null)).isEqualTo(2);
        }
    }

    @Test
    void aRemoteWithoutADescriptionFailsBootSayingWhy() {
        try (GuardedRemote bare = new GuardedRemote()) {
            assertThatThrownBy(() -> AppBooter.boot(BackendApp.fixture("discovering"), "test", Map.of("BACKEND_URL", bare.url())))
                    .isInstanceOf(BootException.class)
                    .hasMessageContaining("Datasource backend could not discover its models")
                    .hasMessageContaining("/explorer/swagger.json");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void loopBack3ExplorersDescriptionIsReadTheSameWay() throws Exception {
        // the shape loopback-component-explorer 6 gives a model with a custom method and a relation
        JsonNode swagger = Json.mapper().readTree("""
                {"swagger": "2.0", "basePath": "/api",
                 "paths": {
                   "/People": {"get": {"operationId": "Person.find", "tags": ["Person"], "parameters": [],
                       "responses": {"200": {"schema": {"type": "array", "items": {"$ref": "#/definitions/Person"}}}}}},
                   "/People/greet": {"get": {"operationId": "Person.greet", "tags": ["Person"],
                       "parameters": [{"name": "name", "in": "query", "required": true, "type": "string"}],
                       "responses": {"200": {"schema": {"type": "object", "properties": {"greeting": {"type": "string"}}}}}}},
                   "/People/{id}/describe": {"post": {"operationId": "Person.prototype.describe", "tags": ["Person"],
                       "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"},
                                      {"name": "style", "in": "formData", "required": false, "type": "string"}],
                       "responses": {"200": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}}},
                   "/People/{id}/pets": {"get": {"operationId": "Person.prototype.__get__pets", "tags": ["Person"],
                       "parameters": [], "responses": {"200": {"schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}}}}}},
                   "/People/{id}/replace": {"post": {"operationId": "Person.replaceById__post_People_{id}_replace",
                       "parameters": [], "responses": {}}}
                 },
                 "definitions": {"Person": {"properties": {"name": {"type": "string"}, "born": {"type": "string",
                     "format": "date-time"}, "tags": {"type": "array", "items": {"type": "string"}},
                     "id": {"type": "number", "format": "double"}}, "required": ["name"]}}}
                """);
        List<ObjectNode> models = ApiDiscovery.models(swagger);
        assertThat(models).hasSize(1);
        ObjectNode person = models.get(0);
        assertThat(person.get("plural").asText()).isEqualTo("People");
        assertThat(person.at("/properties/name/required").asBoolean()).isTrue();
        assertThat(person.at("/properties/born/type").asText()).isEqualTo("date");
        assertThat(person.at("/properties/tags/type/0").asText()).isEqualTo("string");
        assertThat(person.at("/properties/id/id").asBoolean()).isTrue();
        assertThat(person.get("methods").fieldNames()).toIterable().containsExactly("greet", "prototype.describe");
        assertThat(person.at("/methods/greet/http/path").asText()).isEqualTo("/greet");
        assertThat(person.at("/methods/greet/accepts/0/http/source").asText()).isEqualTo("query");
        assertThat(person.at("/methods/greet/returns/0/arg").asText()).isEqualTo("greeting");
        assertThat(person.at("/methods/prototype.describe/accepts").size()).isEqualTo(1);
        assertThat(person.at("/methods/prototype.describe/accepts/0/http/source").asText()).isEqualTo("form");
        assertThat(person.at("/methods/prototype.describe/http/verb").asText()).isEqualTo("post");
    }

    @Test
    void aDocumentThatIsNotSwagger2IsRefused() throws Exception {
        assertThatThrownBy(() -> ApiDiscovery.models(Json.mapper().readTree("{\"openapi\": \"3.0.3\", \"paths\": {}}")))
                .hasMessageContaining("not a Swagger 2.0 document");
    }
}
