package dev.backloop.security;

import dev.backloop.security.acl.AccessChecker;
import dev.backloop.security.acl.Roles;
import dev.backloop.security.token.TokenStore;
import dev.backloop.security.user.EmailVerifications;
import dev.backloop.security.user.PasswordResets;
import java.util.Objects;
import java.util.Optional;

/**
 * The Java face of an app's security: dynamic roles ({@code roles().registerResolver(...)}), password
 * reset requests ({@code passwordResets().onRequest(...)}), email verification requests, the ACL check
 * and the token store, when the app has an AccessToken model.
 */
public final class Security {
    private final Roles roles;
    private final PasswordResets passwordResets;
    private final EmailVerifications emailVerifications;
    private final TokenStore tokens;
    private final AccessChecker checker;

    public Security(Roles roles, PasswordResets passwordResets, EmailVerifications emailVerifications,
            TokenStore tokens, AccessChecker checker) {
        this.roles = Objects.requireNonNull(roles, "roles is null");
        this.passwordResets = Objects.requireNonNull(passwordResets, "passwordResets is null");
        this.emailVerifications = Objects.requireNonNull(emailVerifications, "emailVerifications is null");
        this.tokens = tokens;
        this.checker = Objects.requireNonNull(checker, "checker is null");
    }

    /** Verification requests of {@code POST /<users>/:id/verify}: the app sends the confirm link. */
    public EmailVerifications emailVerifications() {
        return emailVerifications;
    }

    /**
     * The ACL check itself; {@code acl().reloadAclRows()} after writing ACL rows to the database other
     * than through this app's models (the rows are cached until such a write).
     */
    public AccessChecker acl() {
        return checker;
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
