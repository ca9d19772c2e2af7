package dev.backloop.remoting;

import dev.backloop.model.ModelInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * strong-remoting's shaping of a method's value into what is sent: a {@code root} return is the body;
 * named returns are properties of an object; {@code http.target} returns go to the status or a header.
 * With several returns the handler gives a map by return name.
 */
final class ResultShape {
    private ResultShape() {
    }

    static Object shape(SharedMethod method, Object value, RemoteResponse response) {
        List<Return> returns = method.returns();
        if (returns.isEmpty()) {
            return null;
        }
        Map<?, ?> values = returns.size() == 1 ? single(returns.get(0), value)
                : value instanceof Map<?, ?> map ? map : Map.of();
        Object root = null;
        boolean hasRoot = false;
        Map<String, Object> body = new LinkedHashMap<>();
        for (Return r : returns) {
            Object v = plain(values.get(r.arg()));
            if ("status".equals(r.target())) {
                if (v instanceof Number n) {
                    response.status(n.intValue());
                }
            } else if ("header".equals(r.target())) {
                if (v != null) {
                    response.header(r.header(), v);
                }
            } else if (r.root()) {
                if (!hasRoot) {
                    root = v;
                    hasRoot = true;
                }
            } else {
                body.put(r.arg(), v);
            }
        }
        if (hasRoot) {
            return root;
        }
        return body.isEmpty() && returns.stream().noneMatch(Return::inBody) ? null : body;
    }

    private static Map<?, ?> single(Return only, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(only.arg(), value);
        return one;
    }

    /** Model instances are sent as their JSON data, as LoopBack calls {@code toJSON()}. */
    static Object plain(Object value) {
        if (value instanceof ModelInstance instance) {
            return instance.toJSON();
        }
        if (value instanceof List<?> list && list.stream().anyMatch(ModelInstance.class::isInstance)) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        return value;
    }
}
