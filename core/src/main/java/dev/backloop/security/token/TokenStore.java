package dev.backloop.security.token;

import dev.backloop.error.HttpError;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.types.TypeConversion;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues, finds and revokes access tokens, kept in the app's {@code AccessToken} model (so they live in
 * whatever datasource model-config.json attaches it to). An expired token is deleted when it is presented.
 */
public final class TokenStore {
    /** LoopBack's default time to live: two weeks, in seconds. */
    public static final long DEFAULT_TTL = 1_209_600L;
    /** LoopBack's default {@code maxTTL}: one year. */
    public static final long DEFAULT_MAX_TTL = 31_556_926L;

    private final Model tokens;
    private final Clock clock;
    private final long maxTtl;

    public TokenStore(Model tokens, Clock clock, long maxTtl) {
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.maxTtl = maxTtl;
    }

    public Model model() {
        return tokens;
    }

    /**
     * Creates a token for a user.
     *
     * @param ttl seconds the token lives; {@code null} for the default, capped at the max TTL
     */
    public ModelInstance issue(Object userId, String userModel, Long ttl) {
        return issue(userId, userModel, ttl, null, null);
    }

    /**
     * Creates a token with scopes or for an application.
     *
     * @param scopes what the token may be used for ({@code null}: LoopBack's {@code DEFAULT} scope, every
     *               ordinary route); a {@link TokenScopes#RESET_PASSWORD} token only sets a password
     * @param appId  the application the token acts for ({@code principalType: "APP"} ACL entries match it),
     *               or {@code null}
     */
    public ModelInstance issue(Object userId, String userModel, Long ttl, List<String> scopes, String appId) {
        long seconds = ttl == null ? DEFAULT_TTL : ttl;
        if (seconds <= 0) {
            throw HttpError.badRequest("ttl must be a positive number of seconds", "INVALID_TTL");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", TokenIds.next());
        data.put("ttl", Math.min(seconds, maxTtl));
        data.put("created", Date.from(clock.instant()));
        data.put("userId", userId);
        data.put("principalType", userModel);
        if (scopes != null) {
            data.put("scopes", List.copyOf(scopes));
        }
        if (appId != null) {
            data.put("appId", appId);
        }
        return tokens.create(data);
    }

    /**
     * The valid token with this id; empty when there is none. An expired token is deleted and refused
     * with 401 {@code INVALID_TOKEN}, as LoopBack's token middleware does.
     */
    public Optional<ModelInstance> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelInstance> found = tokens.findById(id);
        if (found.isEmpty()) {
            return found;
        }
        if (isExpired(found.get())) {
            tokens.destroyById(id);
            throw new HttpError(401, "Error", "Invalid Access Token", "INVALID_TOKEN", null);
        }
        return found;
    }

    /** A new random secret, as strong as a token id (for email verification tokens). */
    public String newSecret() {
        return TokenIds.next();
    }

    /** Deletes a token; false when there was none. */
    public boolean revoke(String id) {
        return tokens.destroyById(id) > 0;
    }

    /** Deletes every token of a user (when the user is deleted or changes password). */
    public void revokeAll(Object userId) {
        revokeAll(userId, null);
    }

    /** Deletes every token of a user but {@code keep} (the session that changed the password). */
    public void revokeAll(Object userId, String keep) {
        for (ModelInstance token : tokensOf(userId)) {
            if (!token.id().equals(keep)) {
                tokens.destroyById(token.id());
            }
        }
    }

    /** The tokens of a user, expired ones included. */
    public List<ModelInstance> tokensOf(Object userId) {
        if (userId == null) {
            return List.of();
        }
        // the id may be stored as a number or a string depending on how the user model types it
        return tokens.find().stream()
                .filter(t -> Objects.equals(String.valueOf(t.get("userId")), String.valueOf(userId)))
                .toList();
    }

    boolean isExpired(ModelInstance token) {
        Optional<Instant> created = TypeConversion.toDate(token.get("created"));
        Object ttl = token.get("ttl");
        if (created.isEmpty() || !(ttl instanceof Number seconds)) {
            return true;
        }
        return !created.get().plusSeconds(seconds.longValue()).isAfter(clock.instant());
    }
}
