package dev.backloop.remoting;

import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP route of a remote method, relative to its model's path: verb and path with {@code :param}
 * placeholders ({@code GET /:id/exists}).
 */
public record HttpRoute(String verb, String path) {
    public HttpRoute {
        verb = normalizeVerb(Objects.requireNonNull(verb, "verb is null"));
        Objects.requireNonNull(path, "path is null");
        path = path.isEmpty() || path.charAt(0) != '/' ? "/" + path : path;
    }

    /** LoopBack's verbs: {@code del} is DELETE, {@code all} is POST (the verb a client sends). */
    private static String normalizeVerb(String verb) {
        String upper = verb.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "DEL" -> "DELETE";
            case "ALL" -> "POST";
            default -> upper;
        };
    }
}
