package dev.backloop.connector.remote;

import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import dev.backloop.model.ModelDefinition;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpRoute;
import dev.backloop.remoting.Invocation;
import dev.backloop.remoting.MethodHandler;
import dev.backloop.remoting.Return;
import dev.backloop.remoting.SharedMethod;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A remote method the local model declares and the remote app implements: the call is sent to the same
 * route of the remote model, each argument where its {@code http.source} says (path, query, header, the
 * whole body or a body field; an argument with no source goes in the query of a GET, HEAD or DELETE and
 * in the body otherwise, where LoopBack and Backloop both look for it), and the remote's answer becomes
 * the result: the whole body for a {@code root} return, else the named returns read from it. File and
 * stream results are not forwarded (501).
 */
final class ForwardedMethod implements MethodHandler {
    private static final Set<String> QUERY_VERBS = Set.of("GET", "HEAD", "DELETE");

    private final RemoteHttp http;
    private final ModelDefinition model;

    ForwardedMethod(RemoteHttp http, ModelDefinition model) {
        this.http = http;
        this.model = model;
    }

    @Override
    public Object invoke(Invocation invocation) {
        SharedMethod method = invocation.method();
        if (method.returns().stream().anyMatch(Return::isFile)) {
            throw new HttpError(501, "NotImplementedError", "Method " + model.name() + "." + method.stringName()
                    + " returns a file, which the remote connector does not forward; implement it in Java", null, null);
        }
        HttpRoute route = method.routes().get(0);
        String path = route.path();
        Map<String, Object> form = new LinkedHashMap<>();
        Object body = null;
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Accept accept : method.accepts()) {
            Object value = invocation.arg(accept.arg());
            if (accept.source().isServerSide() || accept.mapper() != null || value == null) {
                continue;
            }
            String placeholder = ":" + accept.arg();
            switch (accept.source()) {
                case PATH -> path = path.replace(placeholder, RemoteConnector.encode(text(value)));
                case QUERY -> query.add(RemoteConnector.encode(accept.arg()) + "=" + RemoteConnector.encode(text(value)));
                case HEADER -> headers.put(accept.arg(), text(value));
                case BODY -> body = value;
                case FORM -> form.put(accept.arg(), value);
                default -> {
                    if (path.contains(placeholder)) {
                        path = path.replace(placeholder, RemoteConnector.encode(text(value)));
                    } else if (QUERY_VERBS.contains(route.verb())) {
                        query.add(RemoteConnector.encode(accept.arg()) + "=" + RemoteConnector.encode(text(value)));
                    } else {
                        form.put(accept.arg(), value);
                    }
                }
            }
        }
        if (body == null && !form.isEmpty()) {
            body = form;
        }
        StringBuilder target = new StringBuilder("/").append(model.restPath());
        if (!method.isStatic()) {
            target.append('/').append(RemoteConnector.idSegment(invocation.instance().id()));
        }
        target.append("/".equals(path) ? "" : path);
        if (!query.isEmpty()) {
            target.append('?').append(String.join("&", query));
        }
        return result(method, http.send(route.verb(), target.toString(), body, headers));
    }

    /** The remote's answer as this method's handler result: a root return's value, or the named returns. */
    private static Object result(SharedMethod method, Object answer) {
        List<Return> inBody = method.returns().stream().filter(Return::inBody).toList();
        if (inBody.isEmpty() || inBody.stream().anyMatch(Return::root)) {
            return answer;
        }
        if (!(answer instanceof Map<?, ?> map)) {
            return inBody.size() == 1 ? null : Map.of();
        }
        if (inBody.size() == 1) {
            return map.get(inBody.get(0).arg());
        }
        Map<String, Object> named = new LinkedHashMap<>();
        inBody.forEach(r -> named.put(r.arg(), map.get(r.arg())));
        return named;
    }

    /** A value as LoopBack reads it from a query or path: objects and arrays as JSON, dates as ISO text. */
    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return new String(Json.toBytes(value), StandardCharsets.UTF_8);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString();
        }
        return String.valueOf(value);
    }
}
