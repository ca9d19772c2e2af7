package dev.backloop.explorer.openapi;

import dev.backloop.model.Model;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The access-token security scheme: when an app has a model based on LoopBack's {@code User} or
 * {@code AccessToken}, clients authenticate with a token sent in the {@code Authorization} header, and the
 * document says so. Swagger UI then shows its Authorize button: a token set there is sent with every call.
 *
 * <p>This is the hook the security component extends (token sources, per-operation requirements from ACLs).
 */
public final class AccessTokenSecurity {
    public static final String SCHEME = "AccessToken";
    private static final Set<String> TOKEN_MODELS = Set.of("User", "AccessToken");

    private AccessTokenSecurity() {
    }

    /** Whether some model is, or is based on, User or AccessToken. */
    public static boolean usesAccessTokens(Map<String, Model> models) {
        for (Model model : models.values()) {
            Set<String> seen = new HashSet<>();
            String name = model.name();
            String base = model.definition().base();
            // walk the base chain through the app's own models; User and AccessToken may be app-defined
            while (name != null && seen.add(name)) {
                if (TOKEN_MODELS.contains(name) || TOKEN_MODELS.contains(base)) {
                    return true;
                }
                Model parent = base == null ? null : models.get(base);
                name = parent == null ? null : parent.name();
                base = parent == null ? null : parent.definition().base();
            }
        }
        return false;
    }

    /** Declares the scheme and requires it (optionally: anonymous calls stay possible) for every operation. */
    public static void apply(OpenAPI openApi) {
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Authorization")
                .description("An access token id, as returned by login"));
        openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        // an empty requirement: a call without a token is allowed too (ACLs decide)
        openApi.addSecurityItem(new SecurityRequirement());
    }
}
