package dev.backloop.connector.remote;

import dev.backloop.spi.DataSourceSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How a remote datasource authenticates to the remote app: its {@code auth} setting, one of
 *
 * <ul>
 *   <li>{@code {"accessToken": "..."}}: LoopBack's raw token as the {@code Authorization} header, which
 *       LoopBack 3 and Backloop both read (the datasource's top-level {@code accessToken} is the same)</li>
 *   <li>{@code {"bearer": "..."}}: {@code Authorization: Bearer ...}, for an OAuth gateway in front of the
 *       remote (LoopBack 3 itself reads a bearer value as base64)</li>
 *   <li>{@code {"basic": {"username": "...", "password": "..."}}}: {@code Authorization: Basic ...}</li>
 *   <li>{@code {"username" or "email": "...", "password": "...", "realm": "...", "loginPath": "/Users/login"}}:
 *       logs in at the remote's {@code loginPath} and sends the token it answers; logs in again shortly
 *       before the token's {@code ttl} runs out, and once when the remote answers 401</li>
 * </ul>
 *
 * plus, with any of them or alone, {@code "passThrough": true}: a call that came in over this app's REST
 * API carrying a token forwards the caller's token instead, so the remote applies its own ACLs to the
 * caller. LoopBack 3's remote connector could configure none of this (its issue #3).
 */
public final class RemoteAuth {
    private static final Set<String> KEYS = Set.of("accessToken", "bearer", "basic", "username", "email", "password",
            "realm", "loginPath", "passThrough");
    /** A token is renewed up to this long before it expires (a tenth of a short ttl), so no request races its expiry. */
    private static final Duration RENEW_MARGIN = Duration.ofSeconds(30);

    private final Optional<String> fixedHeader;
    private final Map<String, Object> credentials;
    private final String loginPath;
    private final boolean passThrough;
    private final Clock clock;
    private Session session;

    private RemoteAuth(Optional<String> fixedHeader, Map<String, Object> credentials, String loginPath,
            boolean passThrough, Clock clock) {
        this.fixedHeader = fixedHeader;
        this.credentials = Map.copyOf(credentials);
        this.loginPath = loginPath;
        this.passThrough = passThrough;
        this.clock = clock;
    }

    /** No authentication: nothing is sent. */
    static RemoteAuth none() {
        return new RemoteAuth(Optional.empty(), Map.of(), null, false, Clock.systemUTC());
    }

    /** Reads {@code auth} (and the older top-level {@code accessToken}); does no I/O. */
    static RemoteAuth of(DataSourceSettings settings) {
        Object value = settings.get("auth").orElse(Map.of());
        if (!(value instanceof Map<?, ?> auth)) {
            throw invalid(settings, "must be an object such as {\"accessToken\": \"...\"}, not " + value);
        }
        Set<String> unknown = new TreeSet<>();
        auth.keySet().forEach(k -> {
            if (!KEYS.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        });
        if (!unknown.isEmpty()) {
            throw invalid(settings, "has unknown keys " + unknown + "; it takes " + new TreeSet<>(KEYS));
        }
        Optional<String> token = text(auth, "accessToken").or(() -> settings.string("accessToken").filter(t -> !t.isEmpty()));
        Optional<String> bearer = text(auth, "bearer");
        Object basic = auth.get("basic");
        boolean login = auth.containsKey("password");
        int ways = (token.isPresent() ? 1 : 0) + (bearer.isPresent() ? 1 : 0) + (basic != null ? 1 : 0) + (login ? 1 : 0);
        if (ways > 1) {
            throw invalid(settings, "gives more than one way to authenticate; give one of accessToken, bearer, basic,"
                    + " or username/email and password");
        }
        boolean passThrough = Boolean.TRUE.equals(auth.get("passThrough"))
                || "true".equals(String.valueOf(auth.get("passThrough")));
        if (login) {
            return new RemoteAuth(Optional.empty(), loginCredentials(settings, auth),
                    text(auth, "loginPath").orElse("/Users/login"), passThrough, Clock.systemUTC());
        }
        Optional<String> header = token.or(() -> bearer.map(b -> "Bearer " + b))
                .or(() -> Optional.ofNullable(basic).map(b -> basicHeader(settings, b)));
        return new RemoteAuth(header, Map.of(), null, passThrough, Clock.systemUTC());
    }

    private static Map<String, Object> loginCredentials(DataSourceSettings settings, Map<?, ?> auth) {
        Map<String, Object> credentials = new LinkedHashMap<>();
        for (String key : new String[] {"username", "email", "realm", "password"}) {
            text(auth, key).ifPresent(v -> credentials.put(key, v));
        }
        if (!credentials.containsKey("username") && !credentials.containsKey("email")) {
            throw invalid(settings, "has a password but no username or email to log in with");
        }
        if (!credentials.containsKey("password")) {
            throw invalid(settings, "has an empty password");
        }
        return credentials;
    }

    private static String basicHeader(DataSourceSettings settings, Object basic) {
        if (!(basic instanceof Map<?, ?> map) || text(map, "username").isEmpty() || !map.containsKey("password")) {
            throw invalid(settings, "basic must be {\"username\": \"...\", \"password\": \"...\"}");
        }
        String pair = text(map, "username").orElseThrow() + ":" + map.get("password");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null || String.valueOf(v).isEmpty() ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    private static IllegalArgumentException invalid(DataSourceSettings settings, String why) {
        return new IllegalArgumentException("Datasource " + settings.name() + ": auth " + why);
    }

    /** Whether a caller's token is forwarded in place of this datasource's credentials. */
    boolean passThrough() {
        return passThrough;
    }

    /** Whether credentials are exchanged for a token that may need renewing. */
    boolean logsIn() {
        return loginPath != null;
    }

    /**
     * The {@code Authorization} value to send, logging in first when there is no live token.
     *
     * @param login sends the credentials to the given path and returns the remote's answer (an access token)
     */
    Optional<String> header(Function<LoginRequest, Object> login) {
        if (loginPath == null) {
            return fixedHeader;
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (session == null || session.due(now)) {
                session = Session.of(login.apply(new LoginRequest(loginPath, credentials)), now);
            }
            return Optional.of(session.token());
        }
    }

    /**
     * Forgets the token {@code sent} after the remote refused it with 401 (revoked, or its ttl was
     * shortened); returns whether logging in again may help.
     */
    synchronized boolean forget(String sent) {
        if (loginPath == null) {
            return false;
        }
        if (session != null && session.token().equals(sent)) {
            session = null;
        }
        return true;
    }

    /** A login to send: the path under the remote's REST root and the credentials. */
    record LoginRequest(String path, Map<String, Object> credentials) {
    }

    /** A token the remote gave, and when to log in again ({@code null}: never, LoopBack's ttl -1). */
    private record Session(String token, Instant renewAt) {
        static Session of(Object answer, Instant now) {
            if (!(answer instanceof Map<?, ?> map) || map.get("id") == null) {
                throw new IllegalStateException("the login answer has no token id: " + answer);
            }
            Instant renewAt = null;
            if (map.get("ttl") instanceof Number ttl && ttl.doubleValue() >= 0) {
                Duration life = Duration.ofMillis((long) (ttl.doubleValue() * 1000));
                Duration margin = life.dividedBy(10).compareTo(RENEW_MARGIN) < 0 ? life.dividedBy(10) : RENEW_MARGIN;
                renewAt = now.plus(life).minus(margin);
            }
            return new Session(String.valueOf(map.get("id")), renewAt);
        }

        boolean due(Instant now) {
            return renewAt != null && !now.isBefore(renewAt);
        }
    }
}
