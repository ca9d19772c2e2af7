package dev.backloop.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Express's weak ETags on successful GET and HEAD answers ({@code W/"<length hex>-<sha1 base64, 27 chars>"}),
 * and 304 Not Modified with no body when the client's {@code If-None-Match} still holds. Runs after
 * {@link ResponseFormat}, so the tag is that of the bytes sent.
 */
@Priority(Priorities.ENTITY_CODER)
final class EntityTags implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (response.getStatus() != 200 || !(response.getEntity() instanceof byte[] body)
                || !(method.equals("GET") || method.equals("HEAD"))) {
            return;
        }
        EntityTag tag = new EntityTag(tagOf(body), true);
        Response.ResponseBuilder notModified = request.getRequest().evaluatePreconditions(tag);
        if (notModified != null) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    }

    static String tagOf(byte[] body) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(body);
            return Integer.toHexString(body.length) + "-" + Base64.getEncoder().encodeToString(sha1).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
