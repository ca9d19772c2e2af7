package dev.backloop.security.acl;

import java.util.Collection;
import java.util.Set;

/**
 * Picks the entry that decides a request, as LoopBack 3's {@code ACL.resolvePermission}: among the entries
 * that match the request and whose principal is the caller's, the most specific wins. Specificity is
 * compared field by field: model, then property, then access type (exact beats {@code *}), then principal
 * type (USER over APP over ROLE), then role ($owner over $authenticated/$unauthenticated over $everyone,
 * a custom role above them all), and at equal specificity DENY beats ALLOW. No matching entry: allowed.
 */
public final class AclResolver {
    private static final Set<String> READ_WRITE = Set.of("READ", "WRITE", "REPLICATE");

    private AclResolver() {
    }

    /**
     * Whether the request is allowed.
     *
     * @param rules the entries whose principal is the caller's (the caller decides what roles it has)
     */
    public static boolean allows(Collection<AclRule> rules, AccessRequest request) {
        AclRule winner = null;
        long best = -1;
        for (AclRule rule : rules) {
            long score = score(rule, request);
            if (score > best) {
                best = score;
                winner = rule;
            }
        }
        return winner == null || !winner.denies();
    }

    /** How specifically {@code rule} matches {@code request}; -1 when it does not match. */
    public static long score(AclRule rule, AccessRequest request) {
        int model = part(rule.model(), request.model(), rule.model().equals(request.model()));
        int property = part(rule.property(), "?", request.methodNames().contains(rule.property()));
        int accessType = part(rule.accessType(), request.accessType(), accessTypeMatches(rule.accessType(),
                request.accessType()));
        if (model < 0 || property < 0 || accessType < 0) {
            return -1;
        }
        long score = model;
        score = score * 4 + property;
        score = score * 4 + accessType;
        score = score * 8 + principalTypeWeight(rule.principalType());
        score = score * 8 + ("ROLE".equals(rule.principalType()) ? roleWeight(rule.principalId()) : 0);
        return score * 8 + (rule.denies() ? 5 : 2);
    }

    /** 3 exact, 1 for a {@code *} rule, -1 no match. */
    private static int part(String ruleValue, String requested, boolean exact) {
        if (exact) {
            return 3;
        }
        return AclRule.ALL.equals(ruleValue) ? 1 : -1;
    }

    private static boolean accessTypeMatches(String rule, String requested) {
        // EXECUTE covers READ and WRITE, as in LoopBack
        return rule.equals(requested) || ("EXECUTE".equals(rule) && READ_WRITE.contains(requested))
                || ("WRITE".equals(rule) && "REPLICATE".equals(requested));
    }

    private static int principalTypeWeight(String type) {
        return switch (type) {
            case "USER" -> 4;
            case "APP" -> 3;
            case "ROLE" -> 2;
            default -> 1;
        };
    }

    private static int roleWeight(String role) {
        return switch (role == null ? "" : role) {
            case Roles.OWNER -> 4;
            case "$related" -> 3;
            case Roles.AUTHENTICATED, Roles.UNAUTHENTICATED -> 2;
            case Roles.EVERYONE -> 1;
            default -> 5;
        };
    }
}
