package dev.backloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.security.BuiltInModels;
import dev.backloop.security.Security;
import dev.backloop.security.SecurityGuard;
import dev.backloop.security.acl.AccessChecker;
import dev.backloop.security.acl.AclRule;
import dev.backloop.security.acl.Roles;
import dev.backloop.model.Observer;
import dev.backloop.security.token.TokenOptions;
import dev.backloop.security.token.TokenStore;
import dev.backloop.security.user.EmailCase;
import dev.backloop.security.user.EmailVerifications;
import dev.backloop.security.user.SessionRevocation;
import dev.backloop.security.user.UserSettings;
import dev.backloop.security.user.PasswordHashing;
import dev.backloop.security.user.PasswordResets;
import dev.backloop.security.user.ProtectedUserFields;
import dev.backloop.security.user.Passwords;
import dev.backloop.security.user.UserMethods;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boot step of security: user models get password hashing and their login methods, and the app gets
 * the guard that reads tokens and checks ACLs on every route. An app with no ACLs and no AccessToken model
 * is served exactly as without this step: every call is allowed.
 */
final class SecuritySetup {
    private SecuritySetup() {
    }

    /** @param tokenParams the token middleware's params from middleware.json (where tokens are read) */
    static void install(App app, Map<String, ModelDefinition> definitions, JsonNode tokenParams) {
        Set<String> userModels = new LinkedHashSet<>();
        Model tokenModel = null;
        for (Model model : app.models().values()) {
            if (extendsModel(model.definition(), BuiltInModels.USER, definitions)) {
                userModels.add(model.name());
            }
            if (tokenModel == null && extendsModel(model.definition(), BuiltInModels.ACCESS_TOKEN, definitions)) {
                tokenModel = model;
            }
        }
        TokenStore tokens = tokenModel == null ? null : new TokenStore(tokenModel, Clock.systemUTC(),
                tokenModel.definition().settings().path("maxTTL").asLong(TokenStore.DEFAULT_MAX_TTL));
        PasswordResets resets = new PasswordResets();
        EmailVerifications verifications = new EmailVerifications();
        for (String name : userModels) {
            Model users = app.model(name);
            UserSettings settings = UserSettings.of(users.definition());
            Passwords passwords = new Passwords(users.definition().settings().path("saltWorkFactor")
                    .asInt(Passwords.DEFAULT_COST));
            Observer emailCase = EmailCase.forModel(settings);
            if (emailCase != null) {
                users.observe("before save", emailCase);
            }
            users.observe("before save", new PasswordHashing(passwords));
            app.remotes().before(name + ".*", new ProtectedUserFields(settings));
            app.remotes().before(name + ".prototype.*", new ProtectedUserFields(settings));
            if (tokens != null) {
                new UserMethods(users, tokens, passwords, resets, verifications).addTo(app.sharedClass(name));
                new SessionRevocation(users, tokens).install();
                // a deleted user's tokens die with it (LoopBack's 2016 advisory)
                TokenStore store = tokens;
                users.observe("before delete", ctx -> {
                    if (ctx.where() != null) {
                        users.find(dev.backloop.filter.Filter.where(ctx.where()))
                                .forEach(u -> store.revokeAll(u.id()));
                    }
                });
            }
        }
        Map<String, List<AclRule>> rules = new LinkedHashMap<>();
        for (Model model : app.models().values()) {
            List<AclRule> modelRules = new ArrayList<>();
            for (JsonNode entry : model.definition().settings().path("acls")) {
                modelRules.add(AclRule.fromDefinition(model.name(), entry));
            }
            rules.put(model.name(), modelRules);
        }
        Roles roles = new Roles(userModels, app.models().get(BuiltInModels.ROLE),
                app.models().get(BuiltInModels.ROLE_MAPPING));
        AccessChecker checker = new AccessChecker(rules, app.models().get(BuiltInModels.ACL), roles);
        app.guard(new SecurityGuard(tokens, TokenOptions.from(tokenParams), checker, app.models(), userModels));
        app.security(new Security(roles, resets, verifications, tokens, checker));
    }

    /** Whether a definition is {@code base} or extends it, directly or through other models. */
    private static boolean extendsModel(ModelDefinition definition, String base, Map<String, ModelDefinition> all) {
        ModelDefinition current = definition;
        for (int hops = 0; current != null && hops < 32; hops++) {
            if (base.equals(current.name())) {
                return true;
            }
            current = current.base() == null ? null : all.get(current.base());
        }
        return false;
    }
}
