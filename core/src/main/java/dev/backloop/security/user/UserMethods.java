package dev.backloop.security.user;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedClass;
import dev.backloop.remoting.SharedMethod;
import dev.backloop.security.token.TokenScopes;
import dev.backloop.security.token.TokenStore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The remote methods LoopBack 3's {@code User} adds to a user model: {@code login}, {@code logout},
 * {@code changePassword}, the password reset request ({@code resetPassword}), {@code setPassword}, and
 * email verification ({@code prototype.verify}, {@code confirm}).
 */
public final class UserMethods {
    private static final FilterParser FILTERS = new FilterParser();

    private final Model users;
    private final TokenStore tokens;
    private final Passwords passwords;
    private final PasswordResets resets;
    private final EmailVerifications verifications;
    private final UserSettings settings;

    public UserMethods(Model users, TokenStore tokens, Passwords passwords, PasswordResets resets,
            EmailVerifications verifications) {
        this.users = Objects.requireNonNull(users, "users is null");
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
        this.passwords = Objects.requireNonNull(passwords, "passwords is null");
        this.resets = Objects.requireNonNull(resets, "resets is null");
        this.verifications = Objects.requireNonNull(verifications, "verifications is null");
        this.settings = UserSettings.of(users.definition());
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
        shared.add(SharedMethod.builder("verify").instanceMethod()
                .description("Trigger user's identity verification with configured verifyOptions")
                .route("post", "/verify").handler(this::verify).build());
        shared.add(SharedMethod.builder("confirm")
                .description("Confirm a user registration with identity verification token.")
                .accepts(Accept.of("uid", "string", HttpSource.QUERY).asRequired())
                .accepts(Accept.of("token", "string", HttpSource.QUERY).asRequired())
                .accepts(Accept.of("redirect", "string", HttpSource.QUERY))
                .route("get", "/confirm").handler(this::confirm).build());
        addTokenRoutes(shared);
    }

    /**
     * LoopBack 3's {@code User hasMany AccessToken} routes, named as its relation methods so ACLs name them
     * the same way ({@code __get__accessTokens}...). They are routes, not a relation: no include, no filter.
     */
    private void addTokenRoutes(SharedClass shared) {
        shared.add(SharedMethod.builder("__get__accessTokens").instanceMethod().accessType("READ")
                .description("Queries accessTokens of " + users.name() + ".")
                .returns(Return.root("result", "array"))
                .route("get", "/accessTokens").handler(inv -> tokenJson(tokens.tokensOf(inv.instance().id())))
                .build());
        shared.add(SharedMethod.builder("__count__accessTokens").instanceMethod().accessType("READ")
                .description("Counts accessTokens of " + users.name() + ".")
                .returns(Return.property("count", "number"))
                .route("get", "/accessTokens/count")
                .handler(inv -> tokens.tokensOf(inv.instance().id()).size()).build());
        shared.add(SharedMethod.builder("__findById__accessTokens").instanceMethod().accessType("READ")
                .description("Find a related item by id for accessTokens.")
                .accepts(Accept.of("fk", "string", HttpSource.PATH).asRequired())
                .returns(Return.root("result", "object"))
                .route("get", "/accessTokens/:fk")
                .handler(inv -> tokenOf(inv).toJSON()).build());
        shared.add(SharedMethod.builder("__destroyById__accessTokens").instanceMethod().accessType("WRITE")
                .description("Delete a related item by id for accessTokens.")
                .accepts(Accept.of("fk", "string", HttpSource.PATH).asRequired())
                .status(204)
                .route("delete", "/accessTokens/:fk")
                .handler(inv -> {
                    tokens.revoke((String) tokenOf(inv).id());
                    return null;
                }).build());
        shared.add(SharedMethod.builder("__delete__accessTokens").instanceMethod().accessType("WRITE")
                .description("Deletes all accessTokens of this model.")
                .status(204)
                .route("delete", "/accessTokens")
                .handler(inv -> {
                    tokens.revokeAll(inv.instance().id());
                    return null;
                }).build());
    }

    /** A token of the route's user; 404 for another user's token, so ids of others are not confirmed. */
    private ModelInstance tokenOf(Invocation inv) {
        String fk = (String) inv.arg("fk");
        return tokens.tokensOf(inv.instance().id()).stream().filter(t -> t.id().equals(fk)).findFirst()
                .orElseThrow(() -> HttpError.modelNotFound(tokens.model().name(), fk));
    }

    private static List<Map<String, Object>> tokenJson(List<ModelInstance> list) {
        return list.stream().map(ModelInstance::toJSON).toList();
    }

    private Object login(Invocation inv) {
        Map<?, ?> credentials = inv.arg("credentials") instanceof Map<?, ?> map ? map : Map.of();
        // an object here would be a query: password spraying with {"regexp": ...} (LoopBack's 2019 advisory)
        for (String key : new String[] {"email", "username", "password", "realm"}) {
            Object value = credentials.get(key);
            if (value != null && !(value instanceof String)) {
                throw HttpError.badRequest("username, email, realm and password must be strings", "INVALID_CREDENTIALS");
            }
        }
        String email = (String) credentials.get("email");
        String username = (String) credentials.get("username");
        if (email == null && username == null) {
            throw HttpError.badRequest("username or email is required", "USERNAME_EMAIL_REQUIRED");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        if (settings.realmRequired()) {
            String realm = (String) credentials.get("realm");
            if (realm == null && settings.realmDelimiter() != null) {
                // "acme:ann" names realm acme and user ann
                String both = email != null ? email : username;
                int at = both.indexOf(settings.realmDelimiter());
                if (at > 0) {
                    realm = both.substring(0, at);
                    String rest = both.substring(at + settings.realmDelimiter().length());
                    if (email != null) {
                        email = rest;
                    } else {
                        username = rest;
                    }
                }
            }
            if (realm == null) {
                throw HttpError.badRequest("realm is required", "REALM_REQUIRED");
            }
            query.put("realm", realm);
        }
        if (email != null) {
            query.put("email", settings.normalizeEmail(email));
        } else {
            query.put("username", username);
        }
        Optional<ModelInstance> user = findOne(query);
        if (user.isEmpty() || !passwords.matches((String) credentials.get("password"), user.get().get("password"))) {
            throw new HttpError(401, "Error", "login failed", "LOGIN_FAILED", null);
        }
        if (settings.emailVerificationRequired() && !Boolean.TRUE.equals(user.get().get("emailVerified"))) {
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
        // the user's other sessions end; the one that changed the password goes on (as LoopBack)
        SessionRevocation.keeping((String) inv.accessToken().id(),
                () -> users.patchById(user.id(), Map.of("password", inv.arg("newPassword"))));
        return null;
    }

    private Object requestReset(Invocation inv) {
        Map<?, ?> options = inv.arg("options") instanceof Map<?, ?> map ? map : Map.of();
        if (!(options.get("email") instanceof String email)) {
            throw HttpError.badRequest("Email is required", "EMAIL_REQUIRED");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("email", settings.normalizeEmail(email));
        if (settings.realmRequired() && options.get("realm") instanceof String realm) {
            query.put("realm", realm);
        }
        ModelInstance user = findOne(query)
                .orElseThrow(() -> new HttpError(404, "Error", "Email not found", "EMAIL_NOT_FOUND", null));
        // a short-lived token good only for setPassword, which the app sends to the user
        ModelInstance token = tokens.issue(user.id(), users.name(), PasswordResets.TTL,
                List.of(TokenScopes.RESET_PASSWORD), null);
        resets.publish(new PasswordResets.Request(email, (String) token.id(), user.toJSON()));
        return null;
    }

    private Object setPassword(Invocation inv) {
        ModelInstance user = currentUser(inv);
        // every token of the user ends, the reset token too: it is good for one reset
        users.patchById(user.id(), Map.of("password", inv.arg("newPassword")));
        tokens.revoke((String) inv.accessToken().id());
        return null;
    }

    private Object verify(Invocation inv) {
        ModelInstance user = inv.instance();
        if (!(user.get("email") instanceof String email)) {
            throw HttpError.badRequest("The user has no email to verify", "EMAIL_REQUIRED");
        }
        String token = tokens.newSecret();
        users.patchById(user.id(), Map.of("verificationToken", token));
        verifications.publish(new EmailVerifications.Request(users.name(), user.id(), token, email, user.toJSON()));
        return null;
    }

    private Object confirm(Invocation inv) {
        String uid = (String) inv.arg("uid");
        String token = (String) inv.arg("token");
        ModelInstance user = users.findById(uid).orElseThrow(() -> new HttpError(404, "Error",
                "User not found: " + uid, "USER_NOT_FOUND", null));
        Object expected = user.get("verificationToken");
        if (!(expected instanceof String stored) || !constantTimeEquals(stored, token)) {
            throw new HttpError(400, "Error", "Invalid token: " + token, "INVALID_TOKEN", null);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("emailVerified", true);
        changes.put("verificationToken", null);
        users.patchById(user.id(), changes);
        Object redirect = inv.arg("redirect");
        if (redirect instanceof String target && !target.isBlank()) {
            inv.response().status(302).header("Location", URI.create(target).toString());
        }
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

    private Optional<ModelInstance> findOne(Map<String, Object> where) {
        return users.findOne(Filter.where(FILTERS.parseWhere(where)));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean includes(Object include, String relation) {
        if (include instanceof String text) {
            return List.of(text.split(",")).contains(relation);
        }
        return include instanceof List<?> list && list.contains(relation);
    }
}
