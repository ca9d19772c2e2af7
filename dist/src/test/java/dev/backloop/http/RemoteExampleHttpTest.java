package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/remote} as its README runs it: the backend app (Customer hasMany Order on memory) and the
 * gateway app whose models are on a remote datasource pointing at the backend, both booted from the example
 * directories; the gateway finds the backend through {@code BACKEND_URL}, since the backend is on a free port.
 * Every request goes to the gateway; the backend is only asked what it holds.
 */
class RemoteExampleHttpTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "remote");

    static AppUnderTest backend;
    static AppUnderTest gateway;
    static HttpClientSupport http;

    @BeforeAll
    static void boot() {
        backend = new AppUnderTest(EXAMPLE.resolve("backend"), Map.of());
        gateway = new AppUnderTest(EXAMPLE.resolve("gateway"), Map.of("BACKEND_URL", backend.server.uri() + "/api"));
        http = gateway.http;
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void empty() {
        backend.reset();
    }

    @Test
    void crudThroughTheGatewayLandsInTheBackend() {
        HttpClientSupport.Reply created = http.post("/api/Customers", "{\"name\":\"Ann\",\"city\":\"Oslo\"}");
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("id").asLong();
        assertThat(backend.app.model("Customer").findById(id).orElseThrow().get("name")).isEqualTo("Ann");

        assertThat(http.get("/api/Customers/" + id).json().get("city").asText()).isEqualTo("Oslo");
        HttpClientSupport.Reply patched = http.patch("/api/Customers/" + id, "{\"city\":\"Bergen\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("Ann");
        assertThat(backend.app.model("Customer").findById(id).orElseThrow().get("city")).isEqualTo("Bergen");
        HttpClientSupport.Reply replaced = http.put("/api/Customers/" + id, "{\"name\":\"Anne\"}");
        assertThat(replaced.json().has("city")).isFalse();

        assertThat(http.delete("/api/Customers/" + id).json().get("count").asInt()).isEqualTo(1);
        assertThat(http.get("/api/Customers/" + id).status()).isEqualTo(404);
        assertThat(backend.app.model("Customer").count(null)).isZero();
    }

    @Test
    void filtersAndCountThroughTheGateway() {
        customer("Ann", "Oslo");
        customer("Bo", "Rome");
        customer("Cid", "Oslo");
        customer("Dee", "Oslo");

        JsonNode found = http.get("/api/Customers?filter="
                + q("{\"where\":{\"city\":\"Oslo\",\"name\":{\"neq\":\"Cid\"}},\"order\":\"name DESC\",\"fields\":[\"name\"]}"))
                .json();
        assertThat(names(found)).containsExactly("Dee", "Ann");
        assertThat(found.get(0).has("city")).isFalse();
        assertThat(names(http.get("/api/Customers?filter[order]=name&filter[limit]=2&filter[skip]=1").json()))
                .containsExactly("Bo", "Cid");
        assertThat(http.get("/api/Customers/count?where=" + q("{\"city\":\"Oslo\"}")).json().get("count").asInt())
                .isEqualTo(3);
        HttpClientSupport.Reply updated = http.post("/api/Customers/update?where=" + q("{\"city\":\"Rome\"}"),
                "{\"city\":\"Milan\"}");
        assertThat(updated.json().get("count").asInt()).isEqualTo(1);
        assertThat(http.get("/api/Customers/findOne?filter[where][city]=Milan").json().get("name").asText())
                .isEqualTo("Bo");
    }

    @Test
    void relationRoutesAndIncludeCrossTheRemoteBoundary() {
        long ann = customer("Ann", "Oslo");
        long bo = customer("Bo", "Rome");
        HttpClientSupport.Reply order = http.post("/api/Customers/" + ann + "/orders", "{\"total\":12.5}");
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().get("customerId").asLong()).isEqualTo(ann);
        assertThat(order.json().get("status").asText()).isEqualTo("open");
        http.post("/api/Customers/" + ann + "/orders", "{\"total\":40,\"status\":\"paid\"}");
        http.post("/api/Customers/" + bo + "/orders", "{\"total\":7}");

        assertThat(http.get("/api/Customers/" + ann + "/orders/count").json().get("count").asInt()).isEqualTo(2);
        JsonNode paid = http.get("/api/Customers/" + ann + "/orders?filter[where][status]=paid").json();
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).get("total").asDouble()).isEqualTo(40.0);

        JsonNode withOrders = http.get("/api/Customers?filter="
                + q("{\"include\":\"orders\",\"order\":\"name\"}")).json();
        assertThat(withOrders.get(0).get("orders")).hasSize(2);
        assertThat(withOrders.get(1).get("orders")).hasSize(1);
        JsonNode big = http.get("/api/Orders?filter=" + q("{\"where\":{\"total\":{\"gt\":10}},\"include\":\"customer\","
                + "\"order\":\"total DESC\"}")).json();
        assertThat(big).hasSize(2);
        assertThat(big.get(0).get("customer").get("name").asText()).isEqualTo("Ann");
        assertThat(backend.app.model("Order").count(null)).isEqualTo(3);
    }

    @Test
    void badInputIsRefusedWithLoopBacksErrors() {
        HttpClientSupport.Reply invalid = http.post("/api/Customers", "{\"city\":\"Oslo\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.error().get("details").get("codes").get("name").get(0).asText()).isEqualTo("presence");
        assertThat(http.post("/api/Customers/404/orders", "{\"total\":1}").status()).isEqualTo(404);
        assertThat(http.get("/api/Customers?filter=" + q("{\"where\":{\"name\":{\"$where\":\"1\"}}}")).status())
                .isEqualTo(400);
        assertThat(backend.app.model("Customer").count(null)).isZero();
    }

    @Test
    void withoutBackendUrlTheGatewayPointsAtTheDocumentedBackend() {
        AppUnderTest standalone = new AppUnderTest(EXAMPLE.resolve("gateway"), Map.of());
        try {
            assertThat(standalone.app.dataSource("backend").settings().string("url"))
                    .contains("http://127.0.0.1:3001/api");
        } finally {
            standalone.close();
        }
    }

    private static long customer(String name, String city) {
        return http.post("/api/Customers", "{\"name\":\"" + name + "\",\"city\":\"" + city + "\"}").json().get("id").asLong();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
