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
    private static final MessageDigest SHA1 = sha1();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (response.getStatus() != 200 || !(response.getEntity() instanceof byte[] body)
                || !(method.equals("GET") || method.equals("HEAD"))) {
            return;
        }
        String value = tagOf(body);
        // preconditions are parsed only when the client sent some; most requests have none
        if (request.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null
                || request.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            Response.ResponseBuilder notModified = request.getRequest().evaluatePreconditions(new EntityTag(value, true));
            if (notModified != null) {
                response.setStatus(304);
                response.setEntity(null);
                response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            }
        }
        // as text: Jersey would otherwise format an EntityTag through its header delegate on every answer
        response.getHeaders().putSingle(HttpHeaders.ETAG, "W/\"" + value + "\"");
    }

    static String tagOf(byte[] body) {
        byte[] sha1 = newSha1().digest(body);
        return Integer.toHexString(body.length) + "-" + Base64.getEncoder().encodeToString(sha1).substring(0, 27);
    }

    /**
     * A fresh SHA-1 digest, cloned from a prototype: {@link MessageDigest#getInstance} searches the security
     * providers on every call, which cost more than hashing a typical answer.
     */
    private static MessageDigest newSha1() {
        try {
            return (MessageDigest) SHA1.clone();
        } catch (CloneNotSupportedException e) {
            return sha1();
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
