package dev.backloop.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backloop.embed.BackloopApp;
import dev.backloop.server.BackloopServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Runs the example as its main does, on a free port, and talks to it over HTTP. */
class ShopMainTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> send(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheModelsDeclaredInCode() throws Exception {
        BackloopApp shop = ShopMain.build().host("127.0.0.1");
        BackloopServer server = shop.start(0);
        try {
            URI base = server.uri();
            JsonNode cheapest = JSON.readTree(send(base, "GET", "/api/Books/cheapest", null).body());
            assertThat(cheapest.path("title").asText()).isEqualTo("Emma");

            // the hook the boot script registered fills in a missing price
            HttpResponse<String> created = send(base, "POST", "/api/Books", "{\"title\":\"Free Book\"}");
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(created.body()).path("price").asInt()).isZero();
            assertThat(ShopMain.cheapest(shop.app().model("Book")).title()).isEqualTo("Free Book");

            // Item's rules hold for Book: title is required, and Book is strict
            assertThat(send(base, "POST", "/api/Books", "{\"price\":3}").statusCode()).isEqualTo(422);
            assertThat(send(base, "POST", "/api/Books", "{\"title\":\"X\",\"colour\":\"red\"}").statusCode()).isEqualTo(422);

            // the schema-less model keeps whatever it is given
            String doc = "{\"name\":\"Lamp\",\"specs\":{\"watts\":40,\"bulbs\":[\"E27\"]}}";
            JsonNode product = JSON.readTree(send(base, "POST", "/api/Products", doc).body());
            JsonNode read = JSON.readTree(send(base, "GET", "/api/Products/" + product.path("id").asText(), null).body());
            assertThat(read.path("specs")).isEqualTo(JSON.readTree(doc).path("specs"));
        } finally {
            shop.stop();
        }
    }
}
