package dev.backloop.security.acl;

import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a caller is a given principal: the built-in roles, dynamic roles registered from Java, and
 * static roles stored in the {@code Role} and {@code RoleMapping} models.
 */
public final class Roles {
    public static final String EVERYONE = "$everyone";
    public static final String AUTHENTICATED = "$authenticated";
    public static final String UNAUTHENTICATED = "$unauthenticated";
    public static final String OWNER = "$owner";

    private static final FilterParser FILTERS = new FilterParser();

    private final Map<String, RoleResolver> resolvers = new ConcurrentHashMap<>();
    private final Ownership ownership;
    private final Model roles;
    private final Model mappings;

    /**
     * @param roles    the Role model, or {@code null} when the app has none
     * @param mappings the RoleMapping model, or {@code null}
     */
    public Roles(Set<String> userModels, Model roles, Model mappings) {
        this.ownership = new Ownership(userModels);
        this.roles = roles;
        this.mappings = mappings;
    }

    /** The properties that name a record's owner ({@code $owner}'s). */
    public java.util.List<String> ownerProperties(Model model) {
        return ownership.ownerProperties(model);
    }

    /** Whether a principal is one of the built-in roles that every caller has or lacks by state alone. */
    static boolean isBuiltIn(AclRule rule) {
        return "ROLE".equals(rule.principalType()) && rule.principalId() != null && rule.principalId().startsWith("$");
    }

    /** Registers a dynamic role, LoopBack's {@code Role.registerResolver}. */
    public void registerResolver(String role, RoleResolver resolver) {
        resolvers.put(Objects.requireNonNull(role, "role is null"), Objects.requireNonNull(resolver, "resolver is null"));
    }

    /** Whether the caller of {@code ctx} is the principal {@code rule} names. */
    boolean matches(AclRule rule, AccessContext ctx, Lazy owner) throws Exception {
        return switch (rule.principalType()) {
            case "USER" -> ctx.userId() != null && String.valueOf(ctx.userId()).equals(rule.principalId());
            case "APP" -> ctx.appId() != null && ctx.appId().equals(rule.principalId());
            case "ROLE" -> isInRole(rule.principalId(), ctx, owner);
            default -> false;
        };
    }

    private boolean isInRole(String role, AccessContext ctx, Lazy owner) throws Exception {
        switch (role == null ? "" : role) {
            case EVERYONE:
                return true;
            case AUTHENTICATED:
                return ctx.isAuthenticated();
            case UNAUTHENTICATED:
                return !ctx.isAuthenticated();
            case OWNER:
                return owner.get(() -> ownership.owns(ctx));
            default:
                break;
        }
        RoleResolver resolver = resolvers.get(role);
        if (resolver != null) {
            return resolver.isInRole(ctx);
        }
        return ctx.isAuthenticated() && isMapped(role, ctx);
    }

    /**
     * A static role: a RoleMapping from the role of that name to the caller, as principal type USER (the
     * user id) or APP (the token's application).
     */
    private boolean isMapped(String role, AccessContext ctx) {
        if (roles == null || mappings == null) {
            return false;
        }
        Optional<ModelInstance> found = roles.findOne(Filter.where(FILTERS.parseWhere(Map.of("name", role))));
        if (found.isEmpty()) {
            return false;
        }
        return mappings.find(Filter.where(FILTERS.parseWhere(Map.of("roleId", found.get().id())))).stream()
                .anyMatch(m -> isPrincipal(String.valueOf(m.get("principalType")), m.get("principalId"), ctx));
    }

    private static boolean isPrincipal(String type, Object id, AccessContext ctx) {
        return switch (type) {
            case "USER" -> ctx.userId() != null && String.valueOf(ctx.userId()).equals(String.valueOf(id));
            case "APP", "APPLICATION" -> ctx.appId() != null && ctx.appId().equals(String.valueOf(id));
            default -> false;
        };
    }

    /** A yes/no worked out at most once per check ({@code $owner} may need a database read). */
    static final class Lazy {
        private Boolean value;

        Lazy() {
        }

        Lazy(boolean known) {
            this.value = known;
        }

        interface Supplier {
            boolean get() throws Exception;
        }

        boolean get(Supplier supplier) throws Exception {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
