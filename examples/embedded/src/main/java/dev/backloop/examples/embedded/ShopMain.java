package dev.backloop.examples.embedded;

import dev.backloop.embed.Backloop;
import dev.backloop.embed.BackloopApp;
import dev.backloop.embed.DeclaredDataSource;
import dev.backloop.embed.DeclaredModel;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.Model;
import dev.backloop.server.BackloopServer;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Backloop app built in Java code, no app directory: a schema-less {@code Product}, a {@code Book} that
 * extends an {@code Item}, a boot script that seeds them and adds a route, and typed reads.
 *
 * <pre>
 * java -cp ... dev.backloop.examples.embedded.ShopMain 3000
 * curl http://localhost:3000/api/Books/cheapest
 * </pre>
 */
public final class ShopMain {
    private static final Logger LOG = LoggerFactory.getLogger(ShopMain.class);

    /** What Java code reads books as. */
    public record Book(Long id, String title, double price, List<String> tags) {
    }

    private ShopMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        BackloopApp shop = build();
        BackloopServer server = shop.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(shop::stop));
        LOG.info("Try {}/api/Books/cheapest", server.uri());
        server.join();
    }

    /** The app, declared but not started. */
    public static BackloopApp build() {
        BackloopApp app = Backloop.app();
        DeclaredDataSource db = app.dataSource("db", Map.of("connector", "memory"));

        // schema-less: no properties, strict false, any JSON stored and returned as it is
        app.model(db.createModel("Product"));

        // a base in code, and a model extending it (properties, validations and hooks are inherited)
        DeclaredModel item = app.createModel("Item",
                Map.of("title", Map.of("type", "string", "required", true), "price", "number"),
                Map.of("strict", true));
        DeclaredModel book = item.extend("Book", Map.of("tags", List.of("string")), Map.of());
        app.model(book, Map.of("dataSource", "db"));

        // what a server/boot/*.js script does: seed data, add a route, register a hook
        app.bootScript(booted -> {
            Model books = booted.model("Book");
            books.create(Map.of("title", "Dune", "price", 9.5, "tags", List.of("sf")));
            books.create(Map.of("title", "Emma", "price", 7, "tags", List.of("classic")));
            booted.sharedClass("Book").remoteMethod("cheapest", Map.of(
                    "returns", Map.of("arg", "book", "type", "object", "root", true),
                    "http", Map.of("verb", "get", "path", "/cheapest")),
                    ctx -> cheapest(books));
            books.observe("before save", ctx -> {
                if (ctx.instance() != null && ctx.instance().get("price") == null) {
                    ctx.instance().set("price", 0);
                }
            });
        });
        return app;
    }

    /** Typed access: the records as {@link Book}s, through Jackson. */
    static Book cheapest(Model books) {
        return books.find(Filter.where(Where.ALL), Book.class).stream()
                .min(java.util.Comparator.comparingDouble(Book::price)).orElse(null);
    }
}
