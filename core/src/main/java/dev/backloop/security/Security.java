package dev.backloop.security;

import dev.backloop.security.acl.Roles;
import dev.backloop.security.token.TokenStore;
import dev.backloop.security.user.PasswordResets;
import java.util.Objects;
import java.util.Optional;

/**
 * The Java face of an app's security: dynamic roles ({@code roles().registerResolver(...)}), password
 * reset requests ({@code passwordResets().onRequest(...)}) and the token store, when the app has an
 * AccessToken model.
 */
public final class Security {
    private final Roles roles;
    private final PasswordResets passwordResets;
    private final TokenStore tokens;

    public Security(Roles roles, PasswordResets passwordResets, TokenStore tokens) {
        this.roles = Objects.requireNonNull(roles, "roles is null");
        this.passwordResets = Objects.requireNonNull(passwordResets, "passwordResets is null");
        this.tokens = tokens;
    }

    public Roles roles() {
        return roles;
    }

    public PasswordResets passwordResets() {
        return passwordResets;
    }

    public Optional<TokenStore> tokens() {
        return Optional.ofNullable(tokens);
    }
}
