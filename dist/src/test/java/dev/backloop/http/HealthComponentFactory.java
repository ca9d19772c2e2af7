package dev.backloop.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import dev.backloop.spi.Component;
import dev.backloop.spi.ComponentContext;
import dev.backloop.spi.ComponentFactory;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.model.Resource;

/** A component for tests: serves the app's model names at a configured path and counts its closes. */
public final class HealthComponentFactory implements ComponentFactory {
    static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public String name() {
        return "test-health";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("loopback-component-test-health");
    }

    @Override
    public Component create(ComponentContext context, JsonNode config) {
        String path = config.path("path").asText("/health");
        Resource.Builder resource = Resource.builder(path);
        resource.addMethod("GET").produces("application/json").handledBy(request -> Response.ok(Json.toBytes(Map.of(
                "models", context.app().models().keySet(), "environment", context.environment()))).build());
        context.addResource(resource.build());
        return CLOSED::incrementAndGet;
    }
}
