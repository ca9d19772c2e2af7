package dev.backloop.security.acl;

import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides one access request: the model's static ACLs (its definition's {@code acls}, inherited from its
 * base) and the rows of the {@code ACL} model, filtered to the caller's principals, then
 * {@link AclResolver resolved} by specificity.
 */
public final class AccessChecker {
    private final Map<String, List<AclRule>> staticRules;
    private final Model aclModel;
    private final Roles roles;

    /**
     * @param staticRules the rules of each model's definition, by model name
     * @param aclModel    the ACL model, or {@code null} when the app has none
     */
    public AccessChecker(Map<String, List<AclRule>> staticRules, Model aclModel, Roles roles) {
        this.staticRules = Map.copyOf(staticRules);
        this.aclModel = aclModel;
        this.roles = Objects.requireNonNull(roles, "roles is null");
    }

    public Roles roles() {
        return roles;
    }

    /** Whether the app has any rule for this model (no rule: everything is allowed, as LoopBack). */
    public boolean hasRules(String model) {
        return !staticRules.getOrDefault(model, List.of()).isEmpty() || aclModel != null;
    }

    /**
     * @param owner whether the caller owns the target, when the caller already knows; {@code null} to
     *              work it out from the context
     */
    public boolean allows(AccessRequest request, AccessContext ctx, Boolean owner) throws Exception {
        Roles.Lazy ownership = owner == null ? new Roles.Lazy() : new Roles.Lazy(owner);
        List<AclRule> applicable = new ArrayList<>();
        for (AclRule rule : candidates(request.model())) {
            if (AclResolver.score(rule, request) >= 0 && roles.matches(rule, ctx, ownership)) {
                applicable.add(rule);
            }
        }
        return AclResolver.allows(applicable, request);
    }

    /** Whether the caller owns the target of {@code ctx} ({@code $owner}). */
    public boolean owns(AccessContext ctx) throws Exception {
        return roles.matches(new AclRule(null, null, null, "ROLE", Roles.OWNER, null), ctx, new Roles.Lazy());
    }

    private List<AclRule> candidates(String model) {
        List<AclRule> rules = new ArrayList<>(staticRules.getOrDefault(model, List.of()));
        if (aclModel != null) {
            for (ModelInstance row : aclModel.find()) {
                AclRule rule = AclRule.fromRow(row.data());
                if (rule.model().equals(model) || AclRule.ALL.equals(rule.model())) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }
}
