package dev.backloop.security.user;

import dev.backloop.error.HttpError;
import dev.backloop.filter.FilterParser;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedClass;
import dev.backloop.remoting.SharedMethod;
import dev.backloop.security.token.TokenStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The remote methods LoopBack 3's {@code User} adds to a user model: {@code login}, {@code logout},
 * {@code changePassword}, the password reset request ({@code resetPassword}) and {@code setPassword}.
 */
public final class UserMethods {
    private static final FilterParser FILTERS = new FilterParser();

    private final Model users;
    private final TokenStore tokens;
    private final Passwords passwords;
    private final PasswordResets resets;

    public UserMethods(Model users, TokenStore tokens, Passwords passwords, PasswordResets resets) {
        this.users = Objects.requireNonNull(users, "users is null");
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
        this.passwords = Objects.requireNonNull(passwords, "passwords is null");
        this.resets = Objects.requireNonNull(resets, "resets is null");
    }

    /** Adds the methods to the user model's shared class. */
    public void addTo(SharedClass shared) {
        shared.add(SharedMethod.builder("login")
                .description("Login a user with username/email and password.")
                .accepts(Accept.of("credentials", "object", HttpSource.BODY).asRequired())
                .accepts(Accept.of("include", "any", HttpSource.QUERY)
                        .describedAs("Related objects to include in the response. See the description of return value for more details."))
                .returns(Return.root("accessToken", "object"))
                .route("post", "/login").handler(this::login).build());
        shared.add(SharedMethod.builder("logout")
                .description("Logout a user with access token.")
                .route("post", "/logout").handler(this::logout).build());
        shared.add(SharedMethod.builder("changePassword")
                .description("Change a user's password.")
                .accepts(Accept.of("oldPassword", "string", HttpSource.FORM).asRequired())
                .accepts(Accept.of("newPassword", "string", HttpSource.FORM).asRequired())
                .route("post", "/change-password").handler(this::changePassword).build());
        shared.add(SharedMethod.builder("resetPassword")
                .description("Reset password for a user with email.")
                .accepts(Accept.of("options", "object", HttpSource.BODY).asRequired())
                .route("post", "/reset").handler(this::requestReset).build());
        shared.add(SharedMethod.builder("setPassword")
                .description("Reset user's password via a password-reset token.")
                .accepts(Accept.of("newPassword", "string", HttpSource.FORM).asRequired())
                .route("post", "/reset-password").handler(this::setPassword).build());
    }

    private Object login(Invocation inv) {
        Map<?, ?> credentials = inv.arg("credentials") instanceof Map<?, ?> map ? map : Map.of();
        Object email = credentials.get("email");
        Object username = credentials.get("username");
        // an object here would be a query: password spraying with {"regexp": ...} (LoopBack's 2019 advisory)
        for (Object value : new Object[] {email, username, credentials.get("password")}) {
            if (value != null && !(value instanceof String)) {
                throw HttpError.badRequest("username, email and password must be strings", "INVALID_CREDENTIALS");
            }
        }
        if (email == null && username == null) {
            throw HttpError.badRequest("username or email is required", "USERNAME_EMAIL_REQUIRED");
        }
        Optional<ModelInstance> user = email != null ? findBy("email", email) : findBy("username", username);
        if (user.isEmpty() || !passwords.matches((String) credentials.get("password"), user.get().get("password"))) {
            throw new HttpError(401, "Error", "login failed", "LOGIN_FAILED", null);
        }
        if (requiresVerifiedEmail() && !Boolean.TRUE.equals(user.get().get("emailVerified"))) {
            throw new HttpError(401, "Error", "login failed as the email has not been verified",
                    "LOGIN_FAILED_EMAIL_NOT_VERIFIED", null);
        }
        Long ttl = credentials.get("ttl") instanceof Number n ? n.longValue() : null;
        ModelInstance token = tokens.issue(user.get().id(), users.name(), ttl);
        Map<String, Object> body = new LinkedHashMap<>(token.toJSON());
        if (includes(inv.arg("include"), "user")) {
            body.put("user", user.get().toJSON());
        }
        return body;
    }

    private Object logout(Invocation inv) {
        ModelInstance token = inv.accessToken();
        if (token == null) {
            throw new HttpError(401, "Error", "accessToken is required to logout");
        }
        tokens.revoke((String) token.id());
        return null;
    }

    private Object changePassword(Invocation inv) {
        ModelInstance user = currentUser(inv);
        if (!passwords.matches((String) inv.arg("oldPassword"), user.get("password"))) {
            throw new HttpError(400, "Error", "Invalid current password", "INVALID_PASSWORD", null);
        }
        users.patchById(user.id(), Map.of("password", inv.arg("newPassword")));
        return null;
    }

    private Object requestReset(Invocation inv) {
        Map<?, ?> options = inv.arg("options") instanceof Map<?, ?> map ? map : Map.of();
        if (!(options.get("email") instanceof String email)) {
            throw HttpError.badRequest("Email is required", "EMAIL_REQUIRED");
        }
        ModelInstance user = findBy("email", email)
                .orElseThrow(() -> new HttpError(404, "Error", "Email not found", "EMAIL_NOT_FOUND", null));
        // a short-lived token that the app sends to the user, who then calls setPassword with it
        ModelInstance token = tokens.issue(user.id(), users.name(), PasswordResets.TTL);
        resets.publish(new PasswordResets.Request(email, (String) token.id(), user.toJSON()));
        return null;
    }

    private Object setPassword(Invocation inv) {
        ModelInstance user = currentUser(inv);
        users.patchById(user.id(), Map.of("password", inv.arg("newPassword")));
        return null;
    }

    /** The user of the call's token; 401 without one. */
    private ModelInstance currentUser(Invocation inv) {
        ModelInstance token = inv.accessToken();
        if (token == null || !users.name().equals(token.get("principalType"))) {
            throw new HttpError(401, "Error", "Authorization Required", "AUTHORIZATION_REQUIRED", null);
        }
        return users.findById(token.get("userId"))
                .orElseThrow(() -> new HttpError(401, "Error", "Authorization Required", "AUTHORIZATION_REQUIRED", null));
    }

    private Optional<ModelInstance> findBy(String property, Object value) {
        return users.findOne(dev.backloop.filter.Filter.where(FILTERS.parseWhere(Map.of(property, value))));
    }

    private boolean requiresVerifiedEmail() {
        return users.definition().settings().path("emailVerificationRequired").asBoolean(false)
                || users.definition().settings().path("options").path("emailVerificationRequired").asBoolean(false);
    }

    private static boolean includes(Object include, String relation) {
        if (include instanceof String text) {
            return List.of(text.split(",")).contains(relation);
        }
        return include instanceof List<?> list && list.contains(relation);
    }
}
