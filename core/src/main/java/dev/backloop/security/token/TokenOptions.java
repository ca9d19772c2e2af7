package dev.backloop.security.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where requests may carry their access token: the {@code params} of LoopBack 3's token middleware
 * ({@code "loopback#token"} in {@code server/middleware.json}).
 *
 * @param params                   extra query/body parameter names, searched before the default {@code access_token}
 * @param headers                  extra header names, searched before {@code X-Access-Token} and {@code Authorization}
 * @param cookies                  cookie names; cookies are read only when this is configured (then
 *                                 {@code access_token} and {@code authorization} are searched too)
 * @param searchDefaultTokenKeys   whether the default names are searched at all
 * @param bearerTokenBase64Encoded whether a {@code Bearer} value is base64 (LoopBack's default); a value that
 *                                 does not decode to a token id is then taken as sent
 * @param currentUserLiteral       the path segment that stands for the caller's user id ({@code /Users/me}), or
 *                                 null: LoopBack's {@code currentUserLiteral} ({@code true} means {@code me})
 */
public record TokenOptions(List<String> params, List<String> headers, List<String> cookies,
        boolean searchDefaultTokenKeys, boolean bearerTokenBase64Encoded, String currentUserLiteral) {
    /** No token middleware configured: LoopBack's defaults, cookies off. */
    public static final TokenOptions DEFAULT = new TokenOptions(List.of(), List.of(), List.of(), true, true, null);

    public TokenOptions {
        params = List.copyOf(params);
        headers = List.copyOf(headers);
        cookies = List.copyOf(cookies);
    }

    /** Reads the middleware's {@code params} object; a missing node gives {@link #DEFAULT}. */
    public static TokenOptions from(JsonNode params) {
        if (params == null || !params.isObject()) {
            return DEFAULT;
        }
        return new TokenOptions(names(params.path("params")), names(params.path("headers")),
                names(params.path("cookies")), params.path("searchDefaultTokenKeys").asBoolean(true),
                params.path("bearerTokenBase64Encoded").asBoolean(true), literal(params.path("currentUserLiteral")));
    }

    /** LoopBack: any truthy non-string value means {@code me}. */
    private static String literal(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().isBlank() ? null : node.textValue();
        }
        return node.asBoolean(false) ? "me" : null;
    }

    /** Whether cookies are a token source at all. */
    public boolean readsCookies() {
        return !cookies.isEmpty();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isTextual()) {
            names.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual() && !n.textValue().isBlank()) {
                    names.add(n.textValue());
                }
            });
        }
        return names;
    }
}
