package dev.backloop.security.acl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LoopBack 3's resolution order: the most specific matching entry decides, DENY wins a tie. */
class AclResolverTest {
    private static final AccessRequest FIND = new AccessRequest("Note", List.of("find"), "READ");
    private static final AccessRequest CREATE = new AccessRequest("Note", List.of("create"), "WRITE");

    private static AclRule role(String property, String accessType, String role, String permission) {
        return new AclRule("Note", property, accessType, "ROLE", role, permission);
    }

    @Test
    void noEntryMeansAllowed() {
        assertThat(AclResolver.allows(List.of(), FIND)).isTrue();
    }

    @Test
    void anEntryForAnotherMethodOrAccessTypeDoesNotApply() {
        assertThat(AclResolver.allows(List.of(role("create", null, Roles.EVERYONE, "DENY")), FIND)).isTrue();
        assertThat(AclResolver.allows(List.of(role(null, "WRITE", Roles.EVERYONE, "DENY")), FIND)).isTrue();
        assertThat(AclResolver.score(role(null, null, Roles.EVERYONE, "DENY"),
                new AccessRequest("Book", List.of("find"), "READ"))).isEqualTo(-1);
    }

    @Test
    void aNamedMethodBeatsAWildcard() {
        List<AclRule> rules = List.of(role(null, null, Roles.EVERYONE, "DENY"), role("find", null, Roles.EVERYONE, "ALLOW"));
        assertThat(AclResolver.allows(rules, FIND)).isTrue();
        assertThat(AclResolver.allows(rules, CREATE)).isFalse();
    }

    @Test
    void propertyOutranksAccessType() {
        List<AclRule> rules = List.of(role(null, "READ", Roles.EVERYONE, "DENY"), role("find", null, Roles.EVERYONE, "ALLOW"));
        assertThat(AclResolver.allows(rules, FIND)).isTrue();
    }

    @Test
    void anExactAccessTypeBeatsAWildcardAndExecuteCoversReadAndWrite() {
        assertThat(AclResolver.allows(List.of(role(null, null, Roles.EVERYONE, "DENY"),
                role(null, "READ", Roles.EVERYONE, "ALLOW")), FIND)).isTrue();
        assertThat(AclResolver.allows(List.of(role(null, null, Roles.EVERYONE, "DENY"),
                role(null, "EXECUTE", Roles.EVERYONE, "ALLOW")), CREATE)).isTrue();
    }

    @Test
    void aUserEntryBeatsARoleEntry() {
        AclRule user = new AclRule("Note", "find", null, "USER", "7", "ALLOW");
        assertThat(AclResolver.allows(List.of(role("find", null, Roles.OWNER, "DENY"), user), FIND)).isTrue();
    }

    @Test
    void rolesRankOwnerOverAuthenticatedOverEveryone() {
        assertThat(AclResolver.allows(List.of(role(null, null, Roles.EVERYONE, "DENY"),
                role(null, null, Roles.AUTHENTICATED, "ALLOW")), FIND)).isTrue();
        assertThat(AclResolver.allows(List.of(role(null, null, Roles.OWNER, "ALLOW"),
                role(null, null, Roles.AUTHENTICATED, "DENY")), FIND)).isTrue();
        assertThat(AclResolver.allows(List.of(role(null, null, "admin", "ALLOW"),
                role(null, null, Roles.OWNER, "DENY")), FIND)).isTrue();
    }

    @Test
    void denyWinsAtEqualSpecificityWhateverTheOrder() {
        assertThat(AclResolver.allows(List.of(role("find", null, Roles.EVERYONE, "ALLOW"),
                role("find", null, Roles.EVERYONE, "DENY")), FIND)).isFalse();
        assertThat(AclResolver.allows(List.of(role("find", null, Roles.EVERYONE, "DENY"),
                role("find", null, Roles.EVERYONE, "ALLOW")), FIND)).isFalse();
    }

    @Test
    void aSpecificModelBeatsTheWildcardModel() {
        AclRule any = new AclRule("*", "find", null, "ROLE", Roles.EVERYONE, "DENY");
        assertThat(AclResolver.allows(List.of(any, role("find", null, Roles.EVERYONE, "ALLOW")), FIND)).isTrue();
    }

    @Test
    void anAliasMatchesItsMethod() {
        AccessRequest upsert = new AccessRequest("Note", List.of("patchOrCreate", "upsert"), "WRITE");
        assertThat(AclResolver.allows(List.of(role("upsert", null, Roles.EVERYONE, "DENY")), upsert)).isFalse();
    }
}
