package dev.backloop.security.acl;

import dev.backloop.model.Model;
import dev.backloop.remoting.Invocation;

/**
 * The caller and target of an access check, as dynamic role resolvers see it.
 *
 * @param model      the model called
 * @param modelId    the id of the instance called ({@code /:id} routes), or {@code null}
 * @param userId     the caller's user id, or {@code null} when anonymous
 * @param userModel  the name of the caller's user model, or {@code null}
 * @param appId      the application the caller's token acts for ({@code APP} principals), or {@code null}
 * @param invocation the remote call being checked
 */
public record AccessContext(Model model, Object modelId, Object userId, String userModel, String appId,
        Invocation invocation) {
    /** A caller with a user or an application, as LoopBack's {@code AccessContext.isAuthenticated}. */
    public boolean isAuthenticated() {
        return userId != null || appId != null;
    }

    /** The same caller, checked against another model (a relation's other end, an included model). */
    public AccessContext on(Model other) {
        return new AccessContext(other, null, userId, userModel, appId, invocation);
    }
}
