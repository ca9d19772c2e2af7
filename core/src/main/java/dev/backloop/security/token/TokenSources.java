package dev.backloop.security.token;

import dev.backloop.remoting.RemoteRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a request carries its access token, as LoopBack 3's {@code AccessToken.getIdForRequest}: first the
 * parameters ({@code access_token} in the path, the body, then the query), then the headers
 * ({@code X-Access-Token}, then {@code Authorization}), then, only when configured, cookies. An
 * {@code Authorization} value may be the raw id, {@code Bearer <id>} (base64 or not) or HTTP Basic
 * (the longer of user and password is the id, so {@code curl -u TOKEN:} works).
 */
public final class TokenSources {
    private static final List<String> DEFAULT_PARAMS = List.of("access_token");
    private static final List<String> DEFAULT_HEADERS = List.of("X-Access-Token", "Authorization");
    private static final List<String> DEFAULT_COOKIES = List.of("access_token", "authorization");
    /** What a token id looks like once decoded: printable, no spaces (ours are base64url, LoopBack's alphanumeric). */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-.~+/=]{1,512}");
    private static final Pattern BASIC = Pattern.compile("^basic ", Pattern.CASE_INSENSITIVE);

    private TokenSources() {
    }

    /** The token id the request carries, with the default sources (no cookies), or {@code null}. */
    public static String read(RemoteRequest request) {
        return read(request, TokenOptions.DEFAULT);
    }

    /** The token id the request carries, or {@code null}. */
    public static String read(RemoteRequest request, TokenOptions options) {
        if (request == null) {
            return null;
        }
        for (String name : names(options.params(), DEFAULT_PARAMS, options)) {
            String id = param(request, name);
            if (id != null) {
                return id;
            }
        }
        for (String name : names(options.headers(), DEFAULT_HEADERS, options)) {
            String value = request.header(name);
            if (value != null && !value.isBlank()) {
                return fromHeader(value.trim(), options);
            }
        }
        if (options.readsCookies()) {
            Map<String, String> cookies = Cookies.parse(request.header("Cookie"));
            for (String name : names(options.cookies(), DEFAULT_COOKIES, options)) {
                String id = cookies.get(name);
                if (id != null && !id.isBlank()) {
                    return id;
                }
            }
        }
        return null;
    }

    private static List<String> names(List<String> configured, List<String> defaults, TokenOptions options) {
        List<String> names = new ArrayList<>(configured);
        if (options.searchDefaultTokenKeys()) {
            names.addAll(defaults);
        }
        return names;
    }

    /** A string parameter of the path, the JSON/form body or the query, in LoopBack's order. */
    private static String param(RemoteRequest request, String name) {
        Object[] candidates = {request.pathParams().get(name),
                request.body() instanceof Map<?, ?> body ? body.get(name) : null, request.query().get(name)};
        for (Object candidate : candidates) {
            if (candidate instanceof String id && !id.isBlank()) {
                return id.trim();
            }
        }
        return null;
    }

    private static String fromHeader(String value, TokenOptions options) {
        // "Bearer " is case-sensitive in LoopBack, "Basic " is not
        if (value.startsWith("Bearer ")) {
            String id = value.substring("Bearer ".length()).trim();
            if (options.bearerTokenBase64Encoded()) {
                String decoded = decode(id);
                // a client sending the raw id with Bearer (most do) still works: it does not decode to an id
                return decoded != null && TOKEN_LIKE.matcher(decoded).matches() ? decoded : id;
            }
            return id;
        }
        if (BASIC.matcher(value).find()) {
            String decoded = decode(value.substring("Basic ".length()).trim());
            if (decoded == null) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return decoded;
            }
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            return password.length() > user.length() ? password : user;
        }
        return value;
    }

    /** Base64 in either alphabet, padded or not (as Node's Buffer reads it), as UTF-8; null when it is not. */
    private static String decode(String text) {
        String normalized = text.replace('-', '+').replace('_', '/');
        int pad = (4 - normalized.length() % 4) % 4;
        if (pad == 3) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(normalized + "=".repeat(pad));
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            return decoded.isEmpty() || decoded.indexOf('\uFFFD') >= 0 ? null : decoded;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** The {@code Cookie} header's name/value pairs. */
    static final class Cookies {
        private Cookies() {
        }

        static Map<String, String> parse(String header) {
            Map<String, String> cookies = new java.util.LinkedHashMap<>();
            if (header == null) {
                return cookies;
            }
            for (String pair : header.split("[;,]")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    cookies.putIfAbsent(pair.substring(0, eq).trim(), value);
                }
            }
            return cookies;
        }
    }

}
