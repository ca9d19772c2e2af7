package dev.backloop.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Include;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.AccessGuard;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.RemoteRequest;
import dev.backloop.remoting.SharedMethod;
import dev.backloop.security.acl.AccessChecker;
import dev.backloop.security.acl.AccessContext;
import dev.backloop.security.acl.AccessRequest;
import dev.backloop.security.token.TokenOptions;
import dev.backloop.security.token.TokenScopes;
import dev.backloop.security.token.TokenSources;
import dev.backloop.security.token.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access control of an app's REST routes: reads the caller's token, then checks the called method
 * against the model's ACLs; a relation route is checked against the related model too, and an
 * {@code include} needs READ on every model it reaches (LoopBack 3 checked only the root model). Calls
 * from Java (no HTTP request) are not checked, as in LoopBack.
 */
public final class SecurityGuard implements AccessGuard {
    /** {@code __get__books}: the verb and the relation of a relation method. */
    private static final Pattern RELATION_METHOD = Pattern.compile("^__([a-zA-Z]+)__([A-Za-z0-9_$]+)$");
    /** A relation method's equivalent on the related model, for that model's ACLs. */
    private static final Map<String, String> RELATED_METHOD = Map.ofEntries(
            Map.entry("get", "find"), Map.entry("findById", "findById"), Map.entry("count", "count"),
            Map.entry("exists", "exists"), Map.entry("create", "create"), Map.entry("update", "patchAttributes"),
            Map.entry("updateById", "patchAttributes"), Map.entry("destroy", "deleteById"),
            Map.entry("destroyById", "deleteById"), Map.entry("delete", "deleteById"),
            Map.entry("link", "create"), Map.entry("unlink", "deleteById"));
    private static final FilterParser FILTERS = new FilterParser();

    private final TokenStore tokens;
    private final TokenOptions tokenOptions;
    private final AccessChecker checker;
    private final Map<String, Model> models;
    private final Set<String> userModels;

    /**
     * @param tokens where access tokens live, or {@code null} for an app without an AccessToken model
     * @param tokenOptions where requests carry their token
     * @param models every model of the app, by name (relation targets are looked up here)
     */
    public SecurityGuard(TokenStore tokens, TokenOptions tokenOptions, AccessChecker checker, Map<String, Model> models,
            Set<String> userModels) {
        this.tokens = tokens;
        this.tokenOptions = Objects.requireNonNull(tokenOptions, "tokenOptions is null");
        this.checker = Objects.requireNonNull(checker, "checker is null");
        this.models = Objects.requireNonNull(models, "models is null");
        this.userModels = Set.copyOf(userModels);
    }

    @Override
    public void identify(Invocation ctx) {
        if (tokens == null || ctx.request() == null) {
            return;
        }
        String id = TokenSources.read(ctx.request(), tokenOptions);
        if (id != null) {
            tokens.find(id).ifPresent(ctx::setAccessToken);
        }
    }

    @Override
    public String currentUserLiteral() {
        return tokenOptions.currentUserLiteral();
    }

    @Override
    public Optional<Caller> caller(RemoteRequest request) {
        if (tokens == null) {
            return Optional.empty();
        }
        String id = TokenSources.read(request, tokenOptions);
        return id == null ? Optional.empty() : tokens.find(id).map(token -> new Caller(token.get("userId")));
    }

    @Override
    public void authorize(Invocation ctx) throws Exception {
        if (ctx.request() == null) {
            return;
        }
        ModelInstance token = ctx.accessToken();
        Model model = ctx.model();
        SharedMethod method = ctx.method();
        if (token != null && !TokenScopes.allows(token, methodScopes(model, method))) {
            // a password-reset token sets a password and does nothing else (LoopBack 3's scopes)
            throw new HttpError(401, "Error", "Authorization Required", "AUTHORIZATION_REQUIRED", null);
        }
        Object userId = token == null ? null : token.get("userId");
        String userModel = token == null ? null : userModelOf(token);
        String appId = token == null || token.get("appId") == null ? null : String.valueOf(token.get("appId"));
        Object modelId = ctx.instance() != null ? ctx.instance().id() : ctx.request().pathParams().get("id");
        AccessContext access = new AccessContext(model, modelId, userId, userModel, appId, ctx);
        List<String> names = new ArrayList<>();
        names.add(method.name());
        names.addAll(method.aliases());
        if (checker.hasRules(model.name())
                && !checker.allows(new AccessRequest(model.name(), names, method.accessType()), access, null)) {
            throw denied(token);
        }
        checkRelatedEnd(access, method, token);
        checkIncludes(model, ctx.arg("filter"), access, token);
        checkOwnerAssignment(ctx, access, new AccessRequest(model.name(), names, method.accessType()), token);
    }

    /**
     * Mass assignment of ownership: data that names another user as a record's owner ({@code userId},
     * {@code ownerId}, a belongsTo-user foreign key) is refused unless an ACL entry naming the caller (a
     * user, app or custom role, not a built-in role) allows the call.
     */
    private void checkOwnerAssignment(Invocation ctx, AccessContext access, AccessRequest request, ModelInstance token)
            throws Exception {
        if (!checker.hasRules(access.model().name())) {
            return;
        }
        List<String> ownerProperties = checker.roles().ownerProperties(access.model());
        if (ownerProperties.isEmpty()) {
            return;
        }
        Object data = ctx.arg("data");
        List<?> records = data instanceof List<?> list ? list : data == null ? List.of() : List.of(data);
        for (Object record : records) {
            if (!(record instanceof Map<?, ?> map)) {
                continue;
            }
            for (String property : ownerProperties) {
                Object owner = map.get(property);
                if (owner != null && (access.userId() == null
                        || !String.valueOf(owner).equals(String.valueOf(access.userId())))
                        && !checker.allowsByName(request, access)) {
                    throw denied(token);
                }
            }
        }
    }

    /** A relation route also needs the related model's permission for the matching operation. */
    private void checkRelatedEnd(AccessContext access, SharedMethod method, ModelInstance token) throws Exception {
        Matcher m = RELATION_METHOD.matcher(method.name());
        if (!m.matches() || !RELATED_METHOD.containsKey(m.group(1))) {
            return;
        }
        Model target = relatedModel(access.model(), m.group(2));
        if (target == null || !checker.hasRules(target.name())) {
            return;
        }
        // records reached through a parent belong to whoever owns the parent
        boolean owner = checker.owns(access);
        AccessContext related = access.on(target);
        if (!checker.allows(new AccessRequest(target.name(), List.of(RELATED_METHOD.get(m.group(1))),
                method.accessType()), related, owner)) {
            throw denied(token);
        }
    }

    /** Every model an {@code include} reaches must be readable by the caller. */
    private void checkIncludes(Model model, Object filterArg, AccessContext access, ModelInstance token)
            throws Exception {
        Filter filter;
        if (filterArg instanceof Filter parsed) {
            filter = parsed;
        } else if (filterArg instanceof Map<?, ?>) {
            try {
                filter = FILTERS.parseFilter(filterArg);
            } catch (RuntimeException invalid) {
                // the method reports a malformed filter itself, with its own error
                return;
            }
        } else {
            return;
        }
        checkIncludes(model, filter.include(), access, token);
    }

    private void checkIncludes(Model model, List<Include> includes, AccessContext access, ModelInstance token)
            throws Exception {
        for (Include include : includes) {
            Model target = relatedModel(model, include.relation());
            if (target == null) {
                continue;
            }
            AccessContext related = access.on(target);
            if (checker.hasRules(target.name())
                    && !checker.allows(new AccessRequest(target.name(), List.of("find"), "READ"), related, null)) {
                throw denied(token);
            }
            checkIncludes(target, include.nested(), access, token);
            if (include.scope() != null) {
                checkIncludes(target, include.scope().include(), access, token);
            }
        }
    }

    /** The scopes a method accepts: {@code setPassword} of a user model only reset tokens, others the default. */
    private List<String> methodScopes(Model model, SharedMethod method) {
        return userModels.contains(model.name()) && "setPassword".equals(method.name())
                ? List.of(TokenScopes.RESET_PASSWORD) : List.of(TokenScopes.DEFAULT);
    }

    private Model relatedModel(Model model, String relation) {
        JsonNode target = model.definition().settings().path("relations").path(relation).path("model");
        return target.isTextual() ? models.get(target.textValue()) : null;
    }

    private String userModelOf(ModelInstance token) {
        Object type = token.get("principalType");
        if (type instanceof String name && userModels.contains(name)) {
            return name;
        }
        return userModels.size() == 1 ? userModels.iterator().next() : null;
    }

    private static HttpError denied(ModelInstance token) {
        return token == null
                ? new HttpError(401, "Error", "Authorization Required", "AUTHORIZATION_REQUIRED", null)
                : new HttpError(403, "Error", "Access Denied", "ACCESS_DENIED", null);
    }
}
