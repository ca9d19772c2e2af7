package dev.backloop.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.app.App;
import dev.backloop.app.AppBuilder;
import dev.backloop.boot.AppConfig;
import dev.backloop.boot.BootException;
import dev.backloop.boot.ModelConfigEntry;
import dev.backloop.json.Json;
import dev.backloop.server.BackloopServer;
import dev.backloop.server.EdgeSettings;
import dev.backloop.spi.BootScript;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * An app built in code, LoopBack 3's {@code app}: declare datasources, models, components and boot scripts,
 * then {@link #start(int) start} it or mount it ({@link #handler()}, {@link #mountedApplication()}).
 * Everything declared goes into the same {@link AppBuilder} an app directory fills, so a model declared here
 * behaves exactly as one declared in JSON. Declarations are taken until the app boots (on
 * {@link #boot()}, {@link #start}, or when it is mounted); after that the running {@link App} is the
 * way in: {@code app.app().model("Book").find(filter, Book.class)}.
 */
public final class BackloopApp implements AutoCloseable {
    private final AppBuilder builder;
    private final Path baseDirectory;
    private App app;
    private BackloopServer server;

    BackloopApp(AppBuilder builder, Path baseDirectory) {
        this.builder = builder;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Sets a config.json setting, LoopBack 3's {@code app.set(name, value)}: {@code restApiRoot},
     * {@code host}, {@code port}, {@code remoting}, {@code bootScripts}...
     */
    public BackloopApp set(String name, Object value) {
        requireNotBooted();
        ObjectNode raw = builder.config().raw().deepCopy();
        raw.set(name, Json.mapper().valueToTree(value));
        builder.config(AppConfig.of(raw));
        return this;
    }

    /** Where the REST API is served ({@code /api} unless set; {@code ""} or {@code /} for the root). */
    public BackloopApp restApiRoot(String root) {
        return set("restApiRoot", root);
    }

    /** The interface {@link #start(int)} listens on ({@code 0.0.0.0} unless set). */
    public BackloopApp host(String host) {
        return set("host", host);
    }

    /**
     * CORS and compression around the app's routes, what an app directory's {@code middleware.json} sets:
     * {@code app.edge(EdgeSettings.SCAFFOLD)} is what {@code lb app} scaffolds (any origin reflected, with
     * credentials; responses of 1 KB or more compressed). None unless set.
     */
    public BackloopApp edge(EdgeSettings settings) {
        requireNotBooted();
        builder.edge(settings);
        return this;
    }

    /** The environment name: {@code production} hides error details ({@code development} unless set). */
    public BackloopApp environment(String name) {
        requireNotBooted();
        builder.environment(name);
        return this;
    }

    /**
     * Declares a datasource, LoopBack 3's {@code app.dataSource(name, settings)}. The {@code connector}
     * setting is a connector's name or alias ({@code "memory"}, {@code "loopback-connector-mongodb"}), or a
     * {@link ConnectorFactory} or {@link Connector} instance; the other settings are the connector's.
     *
     * @throws BootException when the name is taken or the connector setting is missing
     */
    public DeclaredDataSource dataSource(String name, Map<String, ?> settings) {
        requireNotBooted();
        Objects.requireNonNull(name, "name is null");
        Map<String, Object> values = new LinkedHashMap<>(settings == null ? Map.of() : settings);
        Object connector = values.remove("connector");
        if (connector instanceof String text && !text.isBlank()) {
            values.put("connector", text);
            builder.dataSource(new DataSourceSettings(name, text, values, baseDirectory));
        } else if (connector instanceof ConnectorFactory factory) {
            values.put("connector", factory.name());
            builder.dataSource(new DataSourceSettings(name, factory.name(), values, baseDirectory), factory);
        } else if (connector instanceof Connector instance) {
            String connectorName = instance.getClass().getSimpleName();
            values.put("connector", connectorName);
            builder.dataSource(new DataSourceSettings(name, connectorName, values, baseDirectory),
                    new GivenConnector(connectorName, instance));
        } else {
            throw new BootException("Datasource \"" + name + "\" has no \"connector\": give a connector name "
                    + "(e.g. \"memory\"), a ConnectorFactory or a Connector");
        }
        return new DeclaredDataSource(this, name);
    }

    /** A datasource the app already has (from its app directory, or declared before). */
    public DeclaredDataSource dataSource(String name) {
        if (!builder.hasDataSource(name)) {
            throw new BootException("No datasource named \"" + name + "\"");
        }
        return new DeclaredDataSource(this, name);
    }

    /**
     * Defines a model attached to no datasource yet, LoopBack 3's {@code app.registry.createModel(name,
     * properties, options)}: a base to {@link DeclaredModel#extend extend}, or a model to configure with a
     * datasource in {@link #model(DeclaredModel, Map)}.
     */
    public DeclaredModel createModel(String name, Map<String, ?> properties, Map<String, ?> options) {
        return define(name, properties, options, null);
    }

    /**
     * Configures a model so the app serves it, LoopBack 3's {@code app.model(Model)}: public, on the
     * datasource it was created on.
     */
    public BackloopApp model(DeclaredModel model) {
        return model(model, Map.of());
    }

    /**
     * Configures a model with a model-config.json entry, LoopBack 3's {@code app.model(Model, config)}:
     * {@code dataSource} (the one it was created on unless given; {@code null} for none), {@code public}
     * (true unless given) and {@code options} (e.g. {@code remoting.sharedMethods}).
     *
     * @throws BootException when the datasource is not declared or a value has the wrong type
     */
    public BackloopApp model(DeclaredModel model, Map<String, ?> config) {
        requireNotBooted();
        Map<String, Object> entry = new LinkedHashMap<>(config == null ? Map.of() : config);
        if (!entry.containsKey("dataSource")) {
            entry.put("dataSource", model.dataSource().orElse(null));
        }
        builder.model(ModelConfigEntry.read(model.name(), Json.mapper().valueToTree(entry)));
        return this;
    }

    /** Adds a component with its configuration, as a component-config.json entry does. */
    public BackloopApp component(String name, Map<String, ?> config) {
        requireNotBooted();
        builder.component(name, Json.mapper().valueToTree(config == null ? Map.of() : config));
        return this;
    }

    /** Adds a boot script; it runs after those found on the class path and named in {@code bootScripts}. */
    public BackloopApp bootScript(BootScript script) {
        requireNotBooted();
        builder.bootScript(script);
        return this;
    }

    /**
     * Boots the app (once): connectors, models, components, boot scripts. Nothing is served yet.
     *
     * @throws BootException naming what is at fault, e.g. the failing boot script and its message
     */
    public synchronized App boot() {
        if (app == null) {
            app = builder.build();
        }
        return app;
    }

    /** The booted app: its models' Java API, shared classes, hooks. */
    public synchronized App app() {
        if (app == null) {
            throw new IllegalStateException("The app has not booted yet: call boot() or start() first");
        }
        return app;
    }

    /** Boots if needed and serves the app on its configured host and port (3000 unless set). */
    public BackloopServer start() {
        return start(builder.config().port());
    }

    /**
     * Boots if needed and serves the app on {@code port} (0 for any free one), LoopBack 3's
     * {@code app.listen(port)}.
     */
    public synchronized BackloopServer start(int port) {
        if (server != null) {
            throw new IllegalStateException("The app is already serving at " + server.uri());
        }
        server = boot().listen(builder.config().host(), port);
        return server;
    }

    /** Boots if needed; the app as a Jetty handler at its rest root, for a server of one's own. */
    public Handler handler() {
        return boot().handler();
    }

    /** Boots if needed; the app's Jersey application, routes relative to the rest root. */
    public ResourceConfig mountedApplication() {
        return boot().mountedApplication();
    }

    /** Stops serving and closes every component and datasource. */
    public synchronized void stop() {
        server = null;
        if (app != null) {
            app.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    DeclaredModel define(String name, Map<String, ?> properties, Map<String, ?> options, String dataSource) {
        requireNotBooted();
        Objects.requireNonNull(name, "name is null");
        // a model JSON file: name first, the options' settings, the properties; options cannot rename it
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("name", name);
        if (options != null) {
            json.setAll((ObjectNode) Json.mapper().valueToTree(options));
        }
        json.put("name", name);
        json.set("properties", Json.mapper().valueToTree(properties == null ? Map.of() : properties));
        return new DeclaredModel(this, builder.define(json), dataSource);
    }

    private synchronized void requireNotBooted() {
        if (app != null) {
            throw new IllegalStateException("The app has booted; declare datasources, models, components and "
                    + "boot scripts before boot(), start() or mounting");
        }
    }

    /** A connector instance given in code, as the factory the builder creates connectors with. */
    private record GivenConnector(String name, Connector connector) implements ConnectorFactory {
        @Override
        public Set<String> aliases() {
            return Set.of();
        }

        @Override
        public Connector create(DataSourceSettings settings) {
            return connector;
        }
    }
}
