package dev.backloop.rest;

import dev.backloop.error.HttpError;
import dev.backloop.filter.QueryStringDecoder;
import dev.backloop.json.Json;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.EventStream;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.Invoker;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.glassfish.jersey.process.Inflector;

/**
 * Serves one route of one shared method: reads the arguments, loads the instance of an instance method,
 * invokes through the hooks, and writes the result with the status and headers the call set. A named
 * class, not a lambda: Jersey cannot resolve a lambda Inflector's generic types.
 */
final class RouteHandler implements Inflector<ContainerRequestContext, Response> {
    /** Parsed once: a type given as text is parsed again on every response. */
    private static final MediaType JSON_UTF8 = MediaType.valueOf("application/json; charset=utf-8");

    private final Model model;
    private final SharedMethod method;
    private final RestSettings settings;
    private final Invoker invoker;
    private final EventStreams streams;
    private final boolean readsBody;
    private final boolean fileResult;

    RouteHandler(Model model, SharedMethod method, RestSettings settings, Invoker invoker, EventStreams streams) {
        this.streams = streams;
        this.model = model;
        this.method = method;
        this.settings = settings;
        this.invoker = invoker;
        this.readsBody = method.accepts().stream().filter(a -> a.mapper() == null).map(Accept::source)
                .anyMatch(s -> s == HttpSource.BODY || s == HttpSource.FORM || s == HttpSource.AUTO);
        this.fileResult = method.returns().stream().anyMatch(Return::isFile);
    }

    @Override
    public Response apply(ContainerRequestContext request) {
        try {
            return serve(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // a handler's checked exception: a 500 with its message (hidden in production)
            throw new HttpError(500, "InternalServerError", e.getMessage(), null, null, e);
        }
    }

    private Response serve(ContainerRequestContext request) throws Exception {
        MultivaluedMap<String, String> pathParams = request.getUriInfo().getPathParameters(true);
        Map<String, String> path = new LinkedHashMap<>();
        pathParams.forEach((k, v) -> path.put(k, v.isEmpty() ? null : v.get(0)));
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        Map<String, Object> query = rawQuery == null ? Map.of() : QueryStringDecoder.decode(rawQuery);
        Object body = readsBody && request.hasEntity() ? RequestBody.read(request, settings) : null;
        Map<String, String> headers = new HeaderView(request);

        // the instance first, as LoopBack's shared constructor runs before the method's hooks
        ModelInstance instance = method.isStatic() ? null : model.findById(path.get("id")).orElse(null);
        Invocation invocation = new Invocation(model, method, Map.of(), instance,
                new JaxRsRequest(request, path, query, body));
        CallHeaders.remember(request, invocation.response());
        ArgumentResolver.resolve(method.accepts(),
                new ArgumentResolver.Sources(path, query, body, headers, isJson(request.getMediaType()), invocation))
                .forEach(invocation::setArg);
        if (!method.isStatic() && instance == null) {
            // a caller the ACLs refuse learns that, not whether the id exists
            invoker.checkAccess(invocation);
            throw HttpError.instanceNotFound(path.get("id"));
        }
        CompletableFuture<Void> done = invoker.invoke(invocation, request.getMethod());
        if (done.isDone()) {
            try {
                done.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            return respond(invocation);
        }
        // a CompletionStage handler: Jersey suspends the request and answers when this completes
        CompletableFuture<Response> answer = new CompletableFuture<>();
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
                return;
            }
            try {
                answer.complete(respond(invocation));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return Response.ok(answer).build();
    }

    private Response respond(Invocation invocation) {
        Object result = invocation.result();
        int status = invocation.response().status() != 0 ? invocation.response().status()
                : method.status() != 0 ? method.status() : 200;
        Response.ResponseBuilder response;
        if (result == null) {
            // nothing to send: LoopBack answers 204 unless a status was chosen
            response = Response.status(status == 200 ? 204 : status);
        } else if (result instanceof EventStream events) {
            response = Response.status(status).type("text/event-stream").header("Cache-Control", "no-cache")
                    .entity(EventStreamBody.serve(events, streams));
        } else if (fileResult) {
            String type = invocation.response().header("Content-Type");
            response = Response.status(status).type(type != null ? type : MediaType.APPLICATION_OCTET_STREAM)
                    .entity(FileBody.of(result));
        } else {
            response = Response.status(status).type(JSON_UTF8).entity(Json.toBytes(result));
        }
        invocation.response().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") || result == null) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    /**
     * The request's headers by lower-case name, joined with commas, read when an argument asks for one
     * rather than copied for every request.
     */
    private static final class HeaderView extends AbstractMap<String, String> {
        private final ContainerRequestContext request;

        HeaderView(ContainerRequestContext request) {
            this.request = request;
        }

        @Override
        public String get(Object name) {
            return name instanceof String header ? request.getHeaderString(header) : null;
        }

        @Override
        public boolean containsKey(Object name) {
            return get(name) != null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> copy = new LinkedHashMap<>();
            request.getHeaders().forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            return copy.entrySet();
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equalsIgnoreCase("json")
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}
