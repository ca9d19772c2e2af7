package dev.backloop.rest;

import dev.backloop.remoting.RemoteResponse;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Headers a remote call set (in a hook, through {@code res}) stay on its error response, as they do on
 * Express's response object when LoopBack's error handler answers.
 */
@Priority(Priorities.HEADER_DECORATOR)
final class CallHeaders implements ContainerResponseFilter {
    private static final String PROPERTY = CallHeaders.class.getName();

    /** Remembers the call's response headers on the request, for an error answer. */
    static void remember(ContainerRequestContext request, RemoteResponse response) {
        request.setProperty(PROPERTY, response);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !(request.getProperty(PROPERTY) instanceof RemoteResponse call)) {
            return;
        }
        call.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !response.getHeaders().containsKey(name)) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
    }
}
