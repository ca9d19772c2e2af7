package dev.backloop.server;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS as the {@code cors} package behind LoopBack 3's scaffold answers it: the allowed origin is echoed (so
 * credentials work), the requested headers are echoed in a preflight (a literal {@code *} is ignored by
 * browsers for credentialed requests), preflights end here with 204. A request from an origin that is not
 * allowed still reaches the route, without CORS headers: the browser, not the server, withholds the answer.
 */
final class CrossOrigin extends Handler.Wrapper {
    private static final String METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

    private final EdgeSettings.Cors cors;
    private final boolean anyOrigin;
    private final Set<String> origins;

    CrossOrigin(Handler handler, EdgeSettings.Cors cors) {
        super(handler);
        this.cors = cors;
        this.anyOrigin = cors.origins().contains("*");
        this.origins = new HashSet<>(cors.origins());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields requestHeaders = request.getHeaders();
        String origin = requestHeaders.get(HttpHeader.ORIGIN);
        HttpFields.Mutable headers = response.getHeaders();
        headers.add(HttpHeader.VARY, "Origin");
        boolean allowed = origin != null && (anyOrigin || origins.contains(origin));
        if (allowed) {
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            if (cors.credentials()) {
                headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            }
        }
        boolean preflight = HttpMethod.OPTIONS.is(request.getMethod())
                && requestHeaders.contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        if (!preflight) {
            if (allowed) {
                List<String> exposed = new java.util.ArrayList<>(cors.exposedHeaders());
                exposed.add(RequestIds.HEADER);
                headers.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(",", exposed));
            }
            return super.handle(request, response, callback);
        }
        if (allowed) {
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
            String requested = requestHeaders.get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
            if (requested != null) {
                headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, requested);
                headers.add(HttpHeader.VARY, "Access-Control-Request-Headers");
            }
            if (cors.maxAgeSeconds() > 0) {
                headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, Integer.toString(cors.maxAgeSeconds()));
            }
        }
        response.setStatus(204);
        headers.put(HttpHeader.CONTENT_LENGTH, 0L);
        callback.succeeded();
        return true;
    }
}
