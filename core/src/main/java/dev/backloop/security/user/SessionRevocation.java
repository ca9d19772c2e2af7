package dev.backloop.security.user;

import dev.backloop.filter.Filter;
import dev.backloop.model.HookContext;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.Invocation;
import dev.backloop.security.token.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * LoopBack 3's {@code logoutSessionsOnSensitiveChanges}: when a user's password or email changes, by any
 * route or from Java, every access token of that user is deleted, so a stolen session does not survive a
 * password change. The session that made the change is kept, as LoopBack keeps {@code options.accessToken}:
 * the caller of the REST route, or the token {@code change-password} names.
 */
public final class SessionRevocation {
    private static final String STATE = "backloop:revokeSessionsOf";
    private static final ThreadLocal<String> KEEP = new ThreadLocal<>();

    private final Model users;
    private final TokenStore tokens;

    public SessionRevocation(Model users, TokenStore tokens) {
        this.users = Objects.requireNonNull(users, "users is null");
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
    }

    /** Registers the hooks on the user model. */
    public void install() {
        users.observe("before save", this::beforeSave);
        users.observe("after save", this::afterSave);
    }

    /** Runs {@code change} keeping the token {@code tokenId} alive through the revocation it causes. */
    static <T> T keeping(String tokenId, Supplier<T> change) {
        String previous = KEEP.get();
        KEEP.set(tokenId);
        try {
            return change.get();
        } finally {
            KEEP.set(previous);
        }
    }

    private void beforeSave(HookContext ctx) {
        if (Boolean.TRUE.equals(ctx.isNewInstance())) {
            return;
        }
        Map<String, Object> changes = ctx.instance() != null ? ctx.instance().data() : ctx.data();
        if (changes == null || !(changes.containsKey(PasswordHashing.PASSWORD) || changes.containsKey("email"))) {
            return;
        }
        List<Object> changed = new ArrayList<>();
        for (Map<String, Object> before : previous(ctx)) {
            if (differs(before, changes, PasswordHashing.PASSWORD) || differs(before, changes, "email")) {
                changed.add(before.get(users.definition().idName()));
            }
        }
        if (!changed.isEmpty()) {
            ctx.hookState().put(STATE, changed);
        }
    }

    private void afterSave(HookContext ctx) {
        if (ctx.hookState().get(STATE) instanceof List<?> ids) {
            String keep = KEEP.get() != null ? KEEP.get() : callersToken();
            ids.forEach(id -> tokens.revokeAll(id, keep));
        }
    }

    /** The token of the REST call making this change, if any. */
    private static String callersToken() {
        return Invocation.current().map(Invocation::accessToken).map(token -> String.valueOf(token.id())).orElse(null);
    }

    /** The records as they were before this save. */
    private List<Map<String, Object>> previous(HookContext ctx) {
        if (ctx.currentInstance() != null) {
            return List.of(ctx.currentInstance());
        }
        if (ctx.instance() != null && ctx.instance().id() != null) {
            return users.findById(ctx.instance().id()).map(u -> List.of(u.data())).orElse(List.of());
        }
        if (ctx.where() != null) {
            return users.find(Filter.where(ctx.where())).stream().map(ModelInstance::data).toList();
        }
        return List.of();
    }

    private static boolean differs(Map<String, Object> before, Map<String, Object> changes, String property) {
        return changes.containsKey(property) && !Objects.equals(before.get(property), changes.get(property));
    }
}
