package dev.backloop.app;

import dev.backloop.datasource.DataSource;
import dev.backloop.model.Model;
import dev.backloop.relation.Relations;
import dev.backloop.remoting.AccessGuard;
import dev.backloop.remoting.RemoteHooks;
import dev.backloop.remoting.SharedClass;
import dev.backloop.rest.EventStreams;
import dev.backloop.security.Security;
import dev.backloop.rest.RestApi;
import dev.backloop.rest.RestSettings;
import dev.backloop.server.BackloopServer;
import dev.backloop.server.EdgeSettings;
import dev.backloop.server.JerseyServlet;
import dev.backloop.spi.Component;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;

/**
 * A booted Backloop app: its datasources, models and their remote faces. {@link #listen} serves it over
 * HTTP; {@link #close} stops the server and flushes every datasource.
 */
public final class App implements AutoCloseable {
    private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
    private final Map<String, Model> models = new LinkedHashMap<>();
    private final Map<String, SharedClass> sharedClasses = new LinkedHashMap<>();
    private final java.util.Set<String> exposed = new java.util.LinkedHashSet<>();
    private final RemoteHooks remotes = new RemoteHooks();
    private AccessGuard guard = AccessGuard.NONE;
    private Security security;
    private final RestSettings restSettings;
    private final EdgeSettings edge;
    private final String host;
    private final int port;
    private final List<BackloopServer> servers = new ArrayList<>();
    private final EventStreams eventStreams = new EventStreams();
    private Relations relations = new Relations(Map.of(), Map.of());
    private final List<Resource> componentResources = new ArrayList<>();
    private final List<Component> components = new ArrayList<>();

    App(RestSettings restSettings, EdgeSettings edge, String host, int port) {
        this.restSettings = Objects.requireNonNull(restSettings, "restSettings is null");
        this.edge = Objects.requireNonNull(edge, "edge is null");
        this.host = host;
        this.port = port;
    }

    void addDataSource(DataSource dataSource) {
        dataSources.put(dataSource.name(), dataSource);
    }

    void addModel(Model model, SharedClass sharedClass, boolean isPublic) {
        models.put(model.name(), model);
        sharedClasses.put(model.name(), sharedClass);
        if (isPublic) {
            exposed.add(model.name());
        }
    }

    void relations(Relations appRelations) {
        this.relations = Objects.requireNonNull(appRelations, "relations is null");
    }

    /**
     * The relations of the app's models, and the Java face of relation routes:
     * {@code app.relations().related(author, "books").create(Map.of("title", "Dune"))}.
     */
    public Relations relations() {
        return relations;
    }

    /** The model with this name. */
    public Model model(String name) {
        Model model = models.get(name);
        if (model == null) {
            throw new NoSuchElementException("No model named \"" + name + "\". Models: " + models.keySet());
        }
        return model;
    }

    public Map<String, Model> models() {
        return Collections.unmodifiableMap(models);
    }

    public DataSource dataSource(String name) {
        DataSource dataSource = dataSources.get(name);
        if (dataSource == null) {
            throw new NoSuchElementException("No datasource named \"" + name + "\". Datasources: " + dataSources.keySet());
        }
        return dataSource;
    }

    /**
     * The remote face of a model, to add ({@code remoteMethod}), implement or disable methods before
     * {@link #listen}. A model that is not public has one too; it just gets no routes.
     */
    public SharedClass sharedClass(String modelName) {
        SharedClass shared = sharedClasses.get(modelName);
        if (shared == null) {
            throw new NoSuchElementException("No model named \"" + modelName + "\". Models: " + models.keySet());
        }
        return shared;
    }

    /** LoopBack's {@code app.remotes()}: hooks run before, after, or after a failure of remote calls. */
    public RemoteHooks remotes() {
        return remotes;
    }

    void security(Security appSecurity) {
        this.security = Objects.requireNonNull(appSecurity, "appSecurity is null");
    }

    /** Roles, password reset requests and tokens of the app, for Java code. */
    public Security security() {
        return security;
    }

    void guard(AccessGuard accessGuard) {
        this.guard = Objects.requireNonNull(accessGuard, "accessGuard is null");
    }

    /** Who may call what: access tokens and ACLs, checked on every REST route. */
    public AccessGuard guard() {
        return guard;
    }

    public RestSettings restSettings() {
        return restSettings;
    }

    /** The REST API of every public model, as it stands now. */
    public RestApi restApi() {
        return restApi(restSettings);
    }

    private RestApi restApi(RestSettings settings) {
        RestApi api = new RestApi(settings, remotes, eventStreams, guard);
        exposed.forEach(name -> api.add(sharedClasses.get(name)));
        return api;
    }

    /** Serves the REST API on the host and port of the app's configuration. */
    public BackloopServer listen() {
        return listen(host, port);
    }

    void addComponent(Component component) {
        components.add(component);
    }

    void addComponentResource(Resource resource) {
        componentResources.add(resource);
    }

    /**
     * The Jersey application an app serves on its own server: the REST API below its rest root
     * ({@code /api/Books}) and the routes its components added ({@code /explorer}).
     */
    public ResourceConfig application() {
        return withComponentResources(restApi().toResourceConfig());
    }

    /**
     * The Jersey application to mount at the app's rest root inside another application: the same routes
     * as {@link #application()}, each relative to the rest root ({@code Books}, {@code explorer}). Serve it
     * from a servlet mapped at {@code <restApiRoot>/*} (use {@link JerseyServlet#of} for the async support
     * remote methods returning a {@code CompletionStage} need), or use {@link #handler()}.
     */
    public ResourceConfig mountedApplication() {
        return withComponentResources(restApi(restSettings.withRestApiRoot("")).toResourceConfig());
    }

    private ResourceConfig withComponentResources(ResourceConfig config) {
        componentResources.forEach(config::registerResources);
        return config;
    }

    /**
     * The app as a Jetty handler, to add to a server of one's own (beside other contexts, in a
     * {@code ContextHandlerCollection}): a servlet context at the app's rest root ({@code /} when the root
     * is empty) serving {@link #mountedApplication()}, inside the app's CORS and compression. Request ids,
     * the access log and graceful stop are the hosting server's business.
     */
    public Handler handler() {
        String root = restSettings.restApiRoot();
        return edge.around(JerseyServlet.context(root.isEmpty() ? "/" : root, mountedApplication()));
    }

    /** Serves the REST API on {@code host:port} (port 0 for any free port). */
    public BackloopServer listen(String host, int port) {
        BackloopServer server = new BackloopServer(host, port, application(), Duration.ofSeconds(30), edge);
        servers.add(server.start());
        URI restApiUrl = URI.create(server.uri() + restSettings.restApiRoot());
        dataSources.values().forEach(dataSource -> dataSource.connector().serving(restApiUrl));
        return server;
    }

    /** Stops serving (in-flight requests finish), then closes every component and every datasource. */
    @Override
    public void close() {
        // open change streams would hold a graceful stop until its timeout
        eventStreams.closeAll();
        servers.forEach(BackloopServer::close);
        servers.clear();
        RuntimeException failure = null;
        List<AutoCloseable> closing = new ArrayList<>(components);
        components.clear();
        closing.addAll(dataSources.values());
        for (AutoCloseable resource : closing) {
            try {
                resource.close();
            } catch (Exception e) {
                RuntimeException error = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                if (failure == null) {
                    failure = error;
                } else {
                    failure.addSuppressed(error);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
