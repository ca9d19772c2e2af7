package dev.backloop.rest;

import dev.backloop.error.HttpError;
import dev.backloop.filter.QueryStringDecoder;
import dev.backloop.json.Json;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassfish.jersey.process.Inflector;

/**
 * Serves one route of one shared method: reads the arguments, loads the instance of an instance method,
 * invokes, checks and shapes the result. A named class, not a lambda: Jersey cannot resolve a lambda
 * Inflector's generic types.
 */
final class RouteHandler implements Inflector<ContainerRequestContext, Response> {
    private static final String JSON_UTF8 = "application/json; charset=utf-8";

    private final Model model;
    private final SharedMethod method;
    private final RestSettings settings;
    private final boolean readsBody;

    RouteHandler(Model model, SharedMethod method, RestSettings settings) {
        this.model = model;
        this.method = method;
        this.settings = settings;
        this.readsBody = method.accepts().stream().map(Accept::source)
                .anyMatch(s -> s == HttpSource.BODY || s == HttpSource.FORM || s == HttpSource.AUTO);
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
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));

        Map<String, Object> args = ArgumentResolver.resolve(method.accepts(),
                new ArgumentResolver.Sources(path, query, body, headers));
        ModelInstance instance = method.isStatic() ? null : load(path.get("id"));
        Invocation invocation = new Invocation(model, method, args, instance);
        Object result = method.handler().invoke(invocation);
        method.resultCheck().check(invocation, request.getMethod(), result);
        return respond(result);
    }

    private ModelInstance load(String id) {
        return model.findById(id).orElseThrow(() -> HttpError.modelNotFound(model.name(), id));
    }

    private Response respond(Object result) {
        Object body = shape(result);
        if (body == null) {
            return Response.status(method.status() != 0 ? method.status() : 204).build();
        }
        int status = method.status() != 0 ? method.status() : 200;
        return Response.status(status).type(JSON_UTF8).entity(Json.toBytes(body)).build();
    }

    /** strong-remoting's rules: a root return is the body; other returns are properties of an object. */
    private Object shape(Object result) {
        List<Return> returns = method.returns();
        if (returns.isEmpty()) {
            return null;
        }
        if (returns.size() == 1) {
            Return only = returns.get(0);
            if (only.root()) {
                return result;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(only.arg(), result);
            return body;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof Map<?, ?> values) {
            for (Return r : returns) {
                if (r.root()) {
                    return values.get(r.arg());
                }
                body.put(r.arg(), values.get(r.arg()));
            }
        }
        return body;
    }
}
