package dev.backloop.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Declares the length of an answer held as bytes (every JSON answer, errors included), so Jersey writes it
 * straight to the connection instead of first copying it into a buffer of its own to measure it (the
 * application turns that buffering off). Runs after every filter that may change the body.
 */
@Priority(10)
final class ContentLength implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof byte[] body) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, body.length);
        }
    }
}
