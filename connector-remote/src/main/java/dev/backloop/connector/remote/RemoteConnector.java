package dev.backloop.connector.remote;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterJson;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.model.Model;
import dev.backloop.remoting.MethodHandler;
import dev.backloop.spi.Connector;
import dev.backloop.spi.DeclaredMethods;
import dev.backloop.spi.ModelDiscovery;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.json.Json;
import dev.backloop.spi.DuplicateIdException;
import dev.backloop.validation.DataCoercion;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector whose data lives in another LoopBack-compatible app (Backloop or LoopBack 3), reached over
 * its REST API at {@code url}. Each model maps to the remote model at the same
 * {@linkplain ModelDefinition#restPath() REST path} (plural or {@code http.path}).
 *
 * <ul>
 *   <li>find: {@code GET /Models?filter=}, count: {@code GET /Models/count?where=}</li>
 *   <li>create: {@code POST /Models}; a remote 409 is a {@link DuplicateIdException}</li>
 *   <li>patchById: {@code PATCH /Models/:id}, replaceById: {@code POST /Models/:id/replace}; a remote 404 is
 *       a miss</li>
 *   <li>update with a where: {@code POST /Models/update?where=}</li>
 *   <li>delete with a where: LoopBack's REST API has no delete-by-where route, so the ids of the matching
 *       records are found first, then each is deleted with {@code DELETE /Models/:id}: two steps, not
 *       atomic</li>
 * </ul>
 *
 * Methods the local model declares in its definition with no Java code are forwarded to the remote
 * model's method of the same route ({@link ForwardedMethod}). Records that come back are typed by the
 * local model definition (ISO text to dates, and so on).
 * {@link #automigrate} does nothing: the remote app owns its data.
 */
public final class RemoteConnector implements Connector, DeclaredMethods, ModelDiscovery {
    private final RemoteSettings settings;
    private final RemoteHttp http;

    public RemoteConnector(RemoteSettings settings) {
        this.settings = settings;
        this.http = new RemoteHttp(settings);
    }

    @Override
    public PropertyType generatedIdType() {
        return settings.idType();
    }

    /** With no {@code url}, the remote is this app's own REST API, as in LoopBack 3. */
    @Override
    public void serving(URI restApiUrl) {
        http.serving(restApiUrl);
    }

    /**
     * A method the local model declares and no Java code implements is the remote model's method of the same
     * route: the call is forwarded (see {@link ForwardedMethod}).
     */
    @Override
    public Optional<MethodHandler> implement(Model model, String name) {
        return Optional.of(new ForwardedMethod(http, model.definition()));
    }

    /**
     * With {@code discover}, the remote's models and custom methods, read from its Swagger 2.0 description
     * ({@code discoverUrl}, by default {@code /explorer/swagger.json} on the remote's host); see
     * {@link ApiDiscovery}. A remote that serves no description (its explorer is off) fails boot, saying so.
     */
    @Override
    public List<ObjectNode> discoverModels() {
        if (!settings.discover()) {
            return List.of();
        }
        URI description = settings.discoverUrl().orElseGet(() -> http.root().resolve("/explorer/swagger.json"));
        Object answer;
        try {
            answer = http.get(description);
        } catch (HttpError e) {
            throw new IllegalStateException("GET " + description + " answered " + e.statusCode() + " (" + e.getMessage()
                    + "); the remote's explorer must be on, or discoverUrl must name its swagger.json", e);
        }
        return ApiDiscovery.models(Json.mapper().valueToTree(answer));
    }

    /** Does nothing: the remote's schema is the remote app's business. */
    @Override
    public void autoupdate(ModelDefinition model) {
    }

    /**
     * Does nothing, on purpose: LoopBack's automigrate deletes every record, and a remote datasource must
     * never delete the remote app's data as a side effect of booting or migrating this app.
     */
    @Override
    public void automigrate(ModelDefinition model) {
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        try {
            return record(model, http.send("POST", base(model), data));
        } catch (HttpError e) {
            if (e.statusCode() == 409) {
                throw new DuplicateIdException(model.name(), model.idName(), data.get(model.idName()));
            }
            throw e;
        }
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        // include is resolved by this app's models, which call find again for the related records
        Map<String, Object> json = FilterJson.filter(filter.withInclude(List.of()));
        String query = json.isEmpty() ? "" : "?filter=" + encode(FilterJson.toText(json));
        Object answer = http.send("GET", base(model) + query, null);
        if (!(answer instanceof List<?> rows)) {
            throw unexpected(model, "find", answer);
        }
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (Object row : rows) {
            records.add(record(model, row));
        }
        return records;
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        return countOf(model, "count", http.send("GET", base(model) + "/count" + whereQuery(where), null));
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        return countOf(model, "update", http.send("POST", base(model) + "/update" + whereQuery(where), changes));
    }

    /** Finds the ids of the matching records, then deletes them one by one; see the class comment. */
    @Override
    public long delete(ModelDefinition model, Where where) {
        String idName = model.idName();
        Filter ids = Filter.where(where).withFields(new Fields(Set.of(idName), Set.of()));
        long deleted = 0;
        for (Map<String, Object> row : find(model, ids)) {
            deleted += deleteById(model, row.get(idName));
        }
        return deleted;
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        return byId(model, "POST", id, "/replace", data);
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        return byId(model, "PATCH", id, "", changes);
    }

    private long deleteById(ModelDefinition model, Object id) {
        try {
            Object answer = http.send("DELETE", base(model) + "/" + idSegment(id), null);
            return answer instanceof Map<?, ?> ? countOf(model, "delete", answer) : 1;
        } catch (HttpError e) {
            if (e.statusCode() == 404) {
                return 0;
            }
            throw e;
        }
    }

    private Optional<Map<String, Object>> byId(ModelDefinition model, String method, Object id, String suffix,
            Map<String, Object> body) {
        try {
            return Optional.of(record(model, http.send(method, base(model) + "/" + idSegment(id) + suffix, body)));
        } catch (HttpError e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String base(ModelDefinition model) {
        return "/" + model.restPath();
    }

    private static String whereQuery(Where where) {
        return where.matchesAll() ? "" : "?where=" + encode(FilterJson.toText(FilterJson.where(where)));
    }

    /** An id as a path segment; an integral double ({@code 3.0}) is written as the integer JavaScript would. */
    static String idSegment(Object id) {
        String text = id instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue())
                : String.valueOf(id);
        return encode(text);
    }

    /** Text for a URL's path segment or query value. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> record(ModelDefinition model, Object answer) {
        if (!(answer instanceof Map<?, ?>)) {
            throw unexpected(model, "a record", answer);
        }
        return DataCoercion.forUpdate(model, (Map<String, Object>) answer);
    }

    private long countOf(ModelDefinition model, String what, Object answer) {
        if (answer instanceof Map<?, ?> map && map.get("count") instanceof Number n) {
            return n.longValue();
        }
        throw unexpected(model, what, answer);
    }

    private HttpError unexpected(ModelDefinition model, String what, Object answer) {
        return new HttpError(502, "BadGatewayError", "Remote datasource " + settings.name() + " answered " + what
                + " of model " + model.name() + " with unexpected JSON: " + answer);
    }
}
