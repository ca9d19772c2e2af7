package dev.backloop.rest;

import dev.backloop.remoting.RemoteRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A JAX-RS request as remoting sees it. */
record JaxRsRequest(ContainerRequestContext request, Map<String, String> pathParams, Map<String, Object> query,
        Object body) implements RemoteRequest {

    @Override
    public String verb() {
        return request.getMethod();
    }

    @Override
    public URI uri() {
        return request.getUriInfo().getRequestUri();
    }

    @Override
    public String header(String name) {
        return request.getHeaderString(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        return Collections.unmodifiableMap(request.getHeaders());
    }

    @Override
    public Object unwrap() {
        return request;
    }
}
