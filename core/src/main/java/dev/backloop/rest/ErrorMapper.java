package dev.backloop.rest;

import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into LoopBack's error response. Unknown routes get strong-remoting's messages,
 * so clients see the same text as from LoopBack 3.
 */
final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final RestSettings settings;
    private final Function<String, String> modelByPath;

    @Context
    private UriInfo uriInfo;

    @Context
    private jakarta.ws.rs.core.Request request;

    @Context
    private HttpHeaders headers;

    /** A provider: the mapper is one instance for every request, the request context is per request. */
    @Inject
    private Provider<ContainerRequestContext> requestContext;

    /**
     * @param modelByPath the model name mounted at a path segment (case-insensitive), or null
     */
    ErrorMapper(RestSettings settings, Function<String, String> modelByPath) {
        this.settings = settings;
        this.modelByPath = modelByPath;
    }

    @Override
    public Response toResponse(Throwable exception) {
        HttpError error = toHttpError(exception);
        if (error.statusCode() >= 500) {
            LOG.error("Request failed: {} {}", request.getMethod(), uriInfo.getRequestUri(), exception);
        }
        Response.ResponseBuilder response = Response.status(error.statusCode())
                .type("application/json; charset=utf-8")
                .entity(Json.toBytes(ErrorBody.of(error, settings.production())));
        if (mayLeaveBodyUnread()) {
            // refused before its body was read (413, 415, 406...): the server will not read the rest, so the
            // connection ends here; saying so keeps clients from sending their next request down it. A body
            // read whole (a 422 of invalid data, a 401) leaves the connection open, as LoopBack's did
            response.header("Connection", "close");
        }
        return response.build();
    }

    private boolean mayLeaveBodyUnread() {
        if (RequestBody.wasRead(requestContext.get())) {
            return false;
        }
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return headers.getHeaderString("Transfer-Encoding") != null || (length != null && !length.equals("0"));
    }

    private HttpError toHttpError(Throwable exception) {
        if (exception instanceof HttpError http) {
            return http;
        }
        if (exception instanceof NotFoundException || exception instanceof NotAllowedException) {
            return routeNotFound();
        }
        if (exception instanceof ProcessingException && exception.getCause() instanceof java.io.IOException io) {
            // the body stream broke while Jersey looked at it: a gzip body that does not inflate, a client gone
            return new HttpError(400, "BadRequestError", "The request body could not be read: " + io.getMessage(),
                    "request.aborted", null, exception);
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return new HttpError(status, status >= 500 ? "InternalServerError" : "Error",
                    web.getMessage(), null, null, web);
        }
        return new HttpError(500, "InternalServerError", String.valueOf(exception.getMessage()), null, null,
                exception);
    }

    /** strong-remoting's 404s: one message inside a model's URL space, another elsewhere under the root. */
    private HttpError routeNotFound() {
        String method = request.getMethod();
        String path = "/" + uriInfo.getPath(false).replaceAll("^/+", "");
        String root = settings.restApiRoot();
        if (!path.toLowerCase(Locale.ROOT).startsWith(root.toLowerCase(Locale.ROOT) + "/") && !path.equalsIgnoreCase(root)) {
            return new HttpError(404, "Error", "Cannot " + method + " " + path, null, null);
        }
        String below = path.substring(root.length());
        String[] segments = below.replaceAll("^/+", "").split("/", 2);
        String model = segments[0].isEmpty() ? null : modelByPath.apply(segments[0]);
        if (model != null) {
            String rest = segments.length > 1 ? "/" + segments[1] : "/";
            return new HttpError(404, "Error", "Shared class \"" + model + "\" has no method handling " + method
                    + " " + rest, null, null);
        }
        return new HttpError(404, "Error", "There is no method to handle " + method + " " + below, null, null);
    }
}
