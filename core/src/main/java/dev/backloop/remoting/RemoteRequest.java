package dev.backloop.remoting;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The HTTP request behind a remote call, as hooks and {@code http.source: "req"} arguments see it. Header
 * names are matched case-insensitively.
 */
public interface RemoteRequest {
    /** GET, POST, ... */
    String verb();

    URI uri();

    /** The first value of a header, or {@code null}. */
    String header(String name);

    Map<String, List<String>> headers();

    /** Path parameters by name ({@code id} of {@code /:id/...}). */
    Map<String, String> pathParams();

    /** The query string decoded with qs's nesting. */
    Map<String, Object> query();

    /** The body as JSON-like values, or {@code null} when the method reads none. */
    Object body();

    /** The underlying JAX-RS request ({@code jakarta.ws.rs.container.ContainerRequestContext}). */
    Object unwrap();
}
