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
 * @param invocation the remote call being checked
 */
public record AccessContext(Model model, Object modelId, Object userId, String userModel, Invocation invocation) {
    public boolean isAuthenticated() {
        return userId != null;
    }
}
