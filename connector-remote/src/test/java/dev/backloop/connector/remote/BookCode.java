package dev.backloop.connector.remote;

import dev.backloop.app.App;
import dev.backloop.app.ModelCustomizer;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Where;
import dev.backloop.remoting.SharedClass;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java code of the backend's {@code Book} methods. The gateway declares the same methods with no code,
 * so the remote connector forwards them here; on the gateway (a Book on a remote datasource) this
 * customizer steps aside, as a customizer shipped only with the backend would.
 */
public final class BookCode implements ModelCustomizer {

    @Override
    public String model() {
        return "Book";
    }

    @Override
    public void customize(SharedClass book, App app) {
        if (book.model().connector() instanceof RemoteConnector) {
            return;
        }
        book.implement("greet", ctx -> "Hello, " + ctx.arg("name"));
        book.implement("sum", ctx -> ((Number) ctx.arg("a")).doubleValue() + ((Number) ctx.arg("b")).doubleValue());
        book.implement("byTitle", ctx -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("count", book.model().count(Where.eq("title", ctx.arg("title"))));
            answer.put("tenant", ctx.arg("x-tenant"));
            answer.put("since", String.valueOf(ctx.arg("since")));
            return answer;
        });
        book.implement("prototype.describe", ctx -> ctx.instance().get("title") + " (" + ctx.objectArg("style").get("tone") + ")");
        book.implement("refuse", ctx -> {
            throw new HttpError(422, "ValidationError", "The book refuses", "BOOK_REFUSES", Map.of("why", "testing"));
        });
    }
}
