package dev.backloop.security.acl;

import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides one access request: the model's static ACLs (its definition's {@code acls}, inherited from its
 * base) and the rows of the {@code ACL} model, filtered to the caller's principals, then
 * {@link AclResolver resolved} by specificity.
 *
 * <p>Nothing here reads the whole ACL table per request: the static entries that match a model and method
 * are worked out once per (model, method), and the ACL model's rows are read once, and the rows matching
 * each request worked out once, and kept until a write through the app's Model API (REST or Java) changes
 * them. Rows written to the database behind the app's
 * back are seen after {@link #reloadAclRows()}.
 */
public final class AccessChecker {
    private final Map<String, List<AclRule>> staticRules;
    private final Map<AccessRequest, List<AclRule>> staticMatches = new ConcurrentHashMap<>();
    private final Model aclModel;
    private final Roles roles;
    /** The ACL model's rows and their matches per request, or {@code null} until they are next needed. */
    private volatile Rows aclRows;
    /** Bumped by every write, so rows read before a write are never kept after it. */
    private final AtomicLong writes = new AtomicLong();

    /**
     * @param staticRules the rules of each model's definition, by model name
     * @param aclModel    the ACL model, or {@code null} when the app has none
     */
    public AccessChecker(Map<String, List<AclRule>> staticRules, Model aclModel, Roles roles) {
        this.staticRules = Map.copyOf(staticRules);
        this.aclModel = aclModel;
        this.roles = Objects.requireNonNull(roles, "roles is null");
        if (aclModel != null) {
            aclModel.observe("after save", ctx -> reloadAclRows());
            aclModel.observe("after delete", ctx -> reloadAclRows());
        }
    }

    public Roles roles() {
        return roles;
    }

    /** Forgets the cached rows of the ACL model; the next check reads them again. */
    public synchronized void reloadAclRows() {
        writes.incrementAndGet();
        aclRows = null;
    }

    /** Whether the app has any rule for this model (no rule: everything is allowed, as LoopBack). */
    public boolean hasRules(String model) {
        if (!staticRules.getOrDefault(model, List.of()).isEmpty()) {
            return true;
        }
        for (AclRule row : aclRows().all()) {
            if (row.model().equals(model) || AclRule.ALL.equals(row.model())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param owner whether the caller owns the target, when the caller already knows; {@code null} to
     *              work it out from the context
     */
    public boolean allows(AccessRequest request, AccessContext ctx, Boolean owner) throws Exception {
        Roles.Lazy ownership = owner == null ? new Roles.Lazy() : new Roles.Lazy(owner);
        List<AclRule> applicable = new ArrayList<>();
        for (AclRule rule : candidates(request)) {
            if (roles.matches(rule, ctx, ownership)) {
                applicable.add(rule);
            }
        }
        return AclResolver.allows(applicable, request);
    }

    /**
     * Whether the caller is allowed the request by an entry naming them specifically (a user, an app, a
     * static or dynamic role) rather than a built-in role such as {@code $authenticated} or {@code $owner}:
     * what it takes to write a record owned by someone else. No such entry: not allowed.
     */
    public boolean allowsByName(AccessRequest request, AccessContext ctx) throws Exception {
        Roles.Lazy notOwner = new Roles.Lazy(false);
        List<AclRule> applicable = new ArrayList<>();
        for (AclRule rule : candidates(request)) {
            if (!Roles.isBuiltIn(rule) && roles.matches(rule, ctx, notOwner)) {
                applicable.add(rule);
            }
        }
        return !applicable.isEmpty() && AclResolver.allows(applicable, request);
    }

    /** Whether the caller owns the target of {@code ctx} ({@code $owner}). */
    public boolean owns(AccessContext ctx) throws Exception {
        return roles.matches(new AclRule(null, null, null, "ROLE", Roles.OWNER, null), ctx, new Roles.Lazy());
    }

    /** The entries that match the request's model, method and access type, whoever the caller is. */
    private List<AclRule> candidates(AccessRequest request) {
        List<AclRule> rules = new ArrayList<>(staticMatches.computeIfAbsent(request,
                r -> matching(staticRules.getOrDefault(r.model(), List.of()), r)));
        rules.addAll(aclRows().matching(request));
        return rules;
    }

    private static List<AclRule> matching(List<AclRule> rules, AccessRequest request) {
        return rules.stream().filter(rule -> AclResolver.score(rule, request) >= 0).toList();
    }

    private Rows aclRows() {
        if (aclModel == null) {
            return Rows.NONE;
        }
        Rows rows = aclRows;
        if (rows == null) {
            long before = writes.get();
            List<AclRule> read = new ArrayList<>();
            for (ModelInstance row : aclModel.find()) {
                read.add(AclRule.fromRow(row.data()));
            }
            rows = new Rows(List.copyOf(read), new ConcurrentHashMap<>());
            synchronized (this) {
                if (writes.get() == before) {
                    aclRows = rows;
                }
            }
        }
        return rows;
    }

    /** The ACL model's rows as read, and those matching each request checked since, worked out once. */
    private record Rows(List<AclRule> all, Map<AccessRequest, List<AclRule>> matches) {
        static final Rows NONE = new Rows(List.of(), new ConcurrentHashMap<>());

        List<AclRule> matching(AccessRequest request) {
            return all.isEmpty() ? List.of() : matches.computeIfAbsent(request, r -> AccessChecker.matching(all, r));
        }
    }
}
