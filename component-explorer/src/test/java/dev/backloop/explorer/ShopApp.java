package dev.backloop.explorer;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedMethod;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code apps/shop} fixture booted, with custom remote methods added and one CRUD method disabled. */
public final class ShopApp {
    private ShopApp() {
    }

    public static Path directory() {
        try {
            return Path.of(ShopApp.class.getResource("/apps/shop").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static App boot() {
        App app = AppBooter.boot(directory(), "test", Map.of());
        app.sharedClass("Product").disableRemoteMethodByName("deleteById");
        app.sharedClass("Product").add(SharedMethod.builder("search")
                .description("Search the catalogue.")
                .notes("Matches titles and tags.")
                .accessType("READ")
                .accepts(Accept.of("q", "string", HttpSource.QUERY).asRequired().describedAs("Words to look for"))
                .accepts(Accept.of("X-Shop-Region", "string", HttpSource.HEADER))
                .accepts(Accept.of("Authorization", "string", HttpSource.HEADER))
                .accepts(Accept.of("options", "object", HttpSource.QUERY))
                .accepts(Accept.of("req", "object", HttpSource.CONTEXT))
                .returns(Return.property("results", "[Product]"))
                .returns(Return.property("total", "number"))
                .route("get", "/search")
                .handler(inv -> Map.of("results", java.util.List.of(), "total", 0))
                .build());
        app.sharedClass("Product").add(SharedMethod.builder("rate")
                .instanceMethod()
                .description("Rate a product.")
                .accepts(Accept.of("stars", "number", HttpSource.AUTO).asRequired())
                .accepts(Accept.of("comment", "string", HttpSource.AUTO))
                .route("post", "/rate")
                .status(202)
                .handler(inv -> null)
                .build());
        return app;
    }
}
