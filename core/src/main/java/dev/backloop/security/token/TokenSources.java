package dev.backloop.security.token;

import dev.backloop.remoting.RemoteRequest;
import java.util.Locale;

/**
 * Where a request carries its access token, in LoopBack 3's order: the {@code access_token} query
 * parameter, the {@code X-Access-Token} header, then {@code Authorization} (the raw token, or
 * {@code Bearer <token>}).
 */
public final class TokenSources {
    private TokenSources() {
    }

    /** The token id the request carries, or {@code null}. */
    public static String read(RemoteRequest request) {
        if (request == null) {
            return null;
        }
        Object query = request.query().get("access_token");
        if (query instanceof String id && !id.isBlank()) {
            return id.trim();
        }
        String header = request.header("X-Access-Token");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String value = authorization.trim();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return value.substring("bearer ".length()).trim();
        }
        // LoopBack sends the raw id (its remote connector's passAccessToken does)
        return value;
    }
}
