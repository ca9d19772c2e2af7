package dev.backloop.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import dev.backloop.server.JerseyServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A code-built app mounted inside a Jetty server of the user's own, beside the user's own servlet. */
class MountingTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Server server;
    private BackloopApp app;

    /** The user's own servlet. */
    static final class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("hello from the host app");
        }
    }

    private BackloopApp shop(String restApiRoot) {
        BackloopApp built = Backloop.app().restApiRoot(restApiRoot);
        DeclaredDataSource db = built.dataSource("db", Map.of("connector", new ClosingConnector()));
        built.model(db.createModel("Product"));
        return built;
    }

    private int start(ServletContextHandler own, org.eclipse.jetty.server.Handler... more) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(own);
        for (org.eclipse.jetty.server.Handler handler : more) {
            contexts.addHandler(handler);
        }
        server.setHandler(contexts);
        server.start();
        return connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void handlerServesTheRestApiAtItsRootBesideTheHostsOwnContext() throws Exception {
        app = shop("/shop");
        ServletContextHandler own = new ServletContextHandler("/");
        own.addServlet(new ServletHolder(new Hello()), "/hello");
        int port = start(own, app.handler());

        HttpResponse<String> created = send(port, "POST", "/shop/Products", "{\"name\":\"Chair\",\"dims\":{\"w\":40}}");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode product = Json.mapper().readTree(created.body());
        assertThat(product.path("dims").path("w").asInt()).isEqualTo(40);
        HttpResponse<String> listed = send(port, "GET", "/shop/Products", null);
        assertThat(Json.mapper().readTree(listed.body()).get(0).path("name").asText()).isEqualTo("Chair");
        // LoopBack's error body for a missing record, below the mounted root
        HttpResponse<String> missing = send(port, "GET", "/shop/Products/999", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(missing.body()).path("error").path("code").asText()).isEqualTo("MODEL_NOT_FOUND");
        // the host's servlet is untouched, and the app answers nothing outside its root
        assertThat(send(port, "GET", "/hello", null).body()).isEqualTo("hello from the host app");
        assertThat(send(port, "GET", "/Products", null).statusCode()).isEqualTo(404);
        // the same app's Java API sees what REST stored
        assertThat(app.app().model("Product").find()).hasSize(1);
    }

    @Test
    void jerseyApplicationServesTheRestApiFromAServletMappingOfTheHostsContext() throws Exception {
        app = shop("/store");
        ServletContextHandler own = new ServletContextHandler("/");
        own.addServlet(new ServletHolder(new Hello()), "/hello");
        own.addServlet(JerseyServlet.of(app.mountedApplication()), "/store/*");
        int port = start(own);

        assertThat(send(port, "POST", "/store/Products", "{\"anything\":[1,\"two\",{\"three\":3}]}").statusCode())
                .isEqualTo(200);
        JsonNode listed = Json.mapper().readTree(send(port, "GET", "/store/Products?filter[where][id]=1", null).body());
        assertThat(listed.get(0).path("anything").toString()).isEqualTo("[1,\"two\",{\"three\":3}]");
        assertThat(send(port, "GET", "/store/products/count", null).body()).isEqualTo("{\"count\":1}");
        assertThat(send(port, "GET", "/hello", null).body()).isEqualTo("hello from the host app");
    }

    @Test
    void anAppDirectoryMountedKeepsItsCorsAndRoutesBesideTheHost(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("server"));
        Files.writeString(dir.resolve("server/config.json"), "{\"restApiRoot\": \"/catalog\"}");
        Files.writeString(dir.resolve("server/model-config.json"), "{}");
        // no middleware.json: LoopBack's scaffold CORS, which the mounted handler keeps
        app = Backloop.app(dir);
        DeclaredDataSource db = app.dataSource("db", Map.of("connector", new ClosingConnector()));
        app.model(db.createModel("Item"));
        ServletContextHandler own = new ServletContextHandler("/");
        own.addServlet(new ServletHolder(new Hello()), "/hello");
        int port = start(own, app.handler());

        HttpResponse<String> items = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/catalog/Items")).header("Origin", "http://example.com").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(items.statusCode()).isEqualTo(200);
        assertThat(items.body()).isEqualTo("[]");
        assertThat(items.headers().firstValue("Access-Control-Allow-Origin")).contains("http://example.com");
        assertThat(send(port, "GET", "/hello", null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(int port, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
