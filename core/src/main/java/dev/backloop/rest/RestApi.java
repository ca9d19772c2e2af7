package dev.backloop.rest;

import dev.backloop.remoting.AccessGuard;
import dev.backloop.remoting.HttpRoute;
import dev.backloop.remoting.Invoker;
import dev.backloop.remoting.RemoteHooks;
import dev.backloop.remoting.SharedClass;
import dev.backloop.remoting.SharedMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;

/**
 * Builds the Jersey application of an app: one programmatic resource per route path, each verb handled by
 * the shared method that declares it. This is the only place REST routes come from.
 */
public final class RestApi {
    private final RestSettings settings;
    private final Invoker invoker;
    private final AccessGuard guard;
    private final EventStreams streams;
    private final Map<String, Resource.Builder> resources = new LinkedHashMap<>();
    /** "VERB /lower/case/template" → the method serving it; the first declaration wins. */
    private final Map<String, String> routeOwners = new LinkedHashMap<>();
    private final List<String> routes = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<String, String> modelsByPath = new LinkedHashMap<>();
    private final PathCanonicalizer canonicalizer = new PathCanonicalizer();

    public RestApi(RestSettings settings) {
        this(settings, new RemoteHooks());
    }

    /**
     * @param hooks the app's remote hooks, run around every call
     */
    public RestApi(RestSettings settings, RemoteHooks hooks) {
        this(settings, hooks, new EventStreams());
    }

    /** @param streams where the event streams this API opens are kept, so their owner can end them */
    public RestApi(RestSettings settings, RemoteHooks hooks, EventStreams streams) {
        this(settings, hooks, streams, AccessGuard.NONE);
    }

    /** @param guard identifies callers and checks their access on every route */
    public RestApi(RestSettings settings, RemoteHooks hooks, EventStreams streams, AccessGuard guard) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.invoker = new Invoker(hooks, guard);
        this.guard = guard;
        this.streams = Objects.requireNonNull(streams, "streams is null");
    }

    /**
     * Adds the routes of every exposed method of a shared class. When two methods declare the same verb
     * and path, the first one keeps it, as in LoopBack where the first registered Express route wins.
     */
    public RestApi add(SharedClass sharedClass) {
        String classPath = httpPath(sharedClass.path());
        modelsByPath.put(classPath.toLowerCase(Locale.ROOT), sharedClass.name());
        for (SharedMethod method : sharedClass.methods()) {
            for (HttpRoute route : method.routes()) {
                String template = template(classPath, method, route);
                String key = route.verb() + " " + template.toLowerCase(Locale.ROOT);
                if (routeOwners.putIfAbsent(key, method.stringName()) != null) {
                    continue;
                }
                routes.add(route.verb() + " " + template);
                endpoints.add(new Endpoint(sharedClass, method, route, template.substring(settings.restApiRoot().length())));
                canonicalizer.add(template);
                resources.computeIfAbsent(template, Resource::builder)
                        .addMethod(route.verb())
                        .handledBy(new RouteHandler(sharedClass.model(), method, settings, invoker, streams));
            }
        }
        return this;
    }

    /** The Jersey application serving every added route. */
    public ResourceConfig toResourceConfig() {
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // answers are bytes whose length ContentLength declares; Jersey's 8 KB buffer per answer, there to
        // measure the body, would only copy it once more (a streamed answer goes out chunked)
        config.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
        if (guard.currentUserLiteral() != null) {
            config.register(new CurrentUserLiteralFilter(guard, guard.currentUserLiteral()));
        }
        config.register(new CanonicalPathFilter(canonicalizer));
        config.register(new ErrorMapper(settings, segment -> modelsByPath.get(segment.toLowerCase(Locale.ROOT))));
        config.register(new ResponseFormat(settings.xml()));
        config.register(new EntityTags());
        config.register(new CallHeaders());
        config.register(new ContentLength());
        for (Resource.Builder builder : resources.values()) {
            config.registerResources(builder.build());
        }
        return config;
    }

    /** A path segment as declared, or dash-delimited lower case under {@code normalizeHttpPath}. */
    private String httpPath(String segment) {
        return settings.normalizeHttpPath() ? HttpPaths.normalize(segment) : segment;
    }

    /**
     * One served route: the method behind it and its path below the REST root, as Jersey matches it
     * ({@code /Books/{id}/exists}). Documentation (the API explorer) reads these, so it lists exactly the routes
     * that are served.
     */
    public record Endpoint(SharedClass sharedClass, SharedMethod method, HttpRoute route, String path) {
    }

    /** Every served route, in registration order; a route shadowed by an earlier one is not listed. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** The route paths, for logs and tests: {@code GET /api/books/{id}}. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private String template(String classPath, SharedMethod method, HttpRoute route) {
        StringBuilder path = new StringBuilder(settings.restApiRoot()).append('/').append(classPath);
        if (!method.isStatic()) {
            path.append("/{id}");
        }
        for (String segment : route.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            path.append(segment.startsWith(":") ? "{" + segment.substring(1) + "}" : httpPath(segment));
        }
        return path.toString();
    }
}
