package dev.backloop.security.token;

import dev.backloop.model.ModelInstance;
import java.util.Collection;
import java.util.List;

/**
 * LoopBack 3's token scopes: a token without {@code scopes} has the {@code DEFAULT} scope and a method
 * without declared scopes accepts {@code DEFAULT}; a password-reset token has only
 * {@code reset-password}, which only {@code setPassword} accepts. A token may be used for a method when
 * the two share a scope.
 */
public final class TokenScopes {
    public static final String DEFAULT = "DEFAULT";
    public static final String RESET_PASSWORD = "reset-password";

    private TokenScopes() {
    }

    /** The scopes of a token. */
    public static List<String> of(ModelInstance token) {
        if (token.get("scopes") instanceof Collection<?> scopes && !scopes.isEmpty()) {
            return scopes.stream().map(String::valueOf).toList();
        }
        return List.of(DEFAULT);
    }

    /** Whether {@code token} may call a method accepting {@code methodScopes}. */
    public static boolean allows(ModelInstance token, Collection<String> methodScopes) {
        return of(token).stream().anyMatch(methodScopes::contains);
    }
}
