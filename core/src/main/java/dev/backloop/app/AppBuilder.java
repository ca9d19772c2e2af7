package dev.backloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.boot.AppConfig;
import dev.backloop.boot.AppLayout;
import dev.backloop.boot.BootException;
import dev.backloop.boot.ModelConfigEntry;
import dev.backloop.component.ComponentRegistry;
import dev.backloop.datasource.ConnectorRegistry;
import dev.backloop.datasource.DataSource;
import dev.backloop.mixin.Mixins;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.model.Observers;
import dev.backloop.relation.RelationMethods;
import dev.backloop.relation.RelationReader;
import dev.backloop.relation.Relations;
import dev.backloop.remoting.PersistedModelMethods;
import dev.backloop.remoting.SharedClass;
import dev.backloop.rest.RestSettings;
import dev.backloop.security.BuiltInModels;
import dev.backloop.server.EdgeSettings;
import dev.backloop.spi.BootScript;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.GeneratedIds;
import dev.backloop.spi.RemoteMethodsProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way an app is put together. An app directory ({@link AppBooter}) and Java code
 * ({@code dev.backloop.embed.Backloop}) both fill a builder with the same things: settings, datasources,
 * model definitions, model-config entries, components and boot scripts. {@link #build()} then assembles
 * them: connectors created, models attached and exposed, relations, security, customizers, remoting
 * settings, connectors started, components added, boot scripts run.
 */
public final class AppBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(AppBuilder.class);

    private Path appDirectory;
    private String environment = "development";
    private AppConfig config = new AppConfig(AppConfig.DEFAULT_REST_API_ROOT, AppConfig.DEFAULT_HOST,
            AppConfig.DEFAULT_PORT, JsonNodeFactory.instance.objectNode());
    private EdgeSettings edge = EdgeSettings.NONE;
    private JsonNode tokenParams = JsonNodeFactory.instance.objectNode();
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private final Map<String, DataSourceSettings> dataSources = new LinkedHashMap<>();
    /** Connectors given in code rather than named: by datasource. */
    private final Map<String, ConnectorFactory> givenConnectors = new LinkedHashMap<>();
    private final Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, ModelConfigEntry> models = new LinkedHashMap<>();
    private final Map<String, JsonNode> components = new LinkedHashMap<>();
    private final List<BootScript> bootScripts = new ArrayList<>();

    /** An empty app: no datasources, no models, config.json's defaults, no CORS or compression. */
    public AppBuilder() {
    }

    /** The app an app directory describes, in an environment ({@code development}, {@code production}...). */
    public static AppBuilder of(AppLayout layout, String environment) {
        AppBuilder builder = new AppBuilder().appDirectory(layout.root()).environment(environment)
                .config(layout.config()).edge(layout.edge()).tokenParams(layout.tokenParams());
        layout.dataSources().values().forEach(builder::dataSource);
        layout.definitions().forEach(builder::define);
        layout.models().forEach(builder::model);
        layout.components().forEach(builder::component);
        return builder;
    }

    /** The folder relative paths are resolved against, shown to components; none for an app built in code. */
    public AppBuilder appDirectory(Path directory) {
        this.appDirectory = directory;
        return this;
    }

    public AppBuilder environment(String name) {
        this.environment = Objects.requireNonNull(name, "environment is null");
        return this;
    }

    /** config.json: REST root, host, port, and the rest of the file (remoting options, bootScripts...). */
    public AppBuilder config(AppConfig appConfig) {
        this.config = Objects.requireNonNull(appConfig, "config is null");
        return this;
    }

    public AppConfig config() {
        return config;
    }

    /** CORS and compression of the app's own server (middleware.json's). */
    public AppBuilder edge(EdgeSettings settings) {
        this.edge = Objects.requireNonNull(settings, "edge is null");
        return this;
    }

    /**
     * The {@code params} of middleware.json's {@code loopback#token} entry: where requests carry their
     * access token (cookies, extra headers or parameters, bearer encoding).
     */
    public AppBuilder tokenParams(JsonNode params) {
        this.tokenParams = Objects.requireNonNull(params, "params is null");
        return this;
    }

    /** Where connectors, components, mixins, customizers and boot scripts are looked up. */
    public AppBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "classLoader is null");
        return this;
    }

    /** A datasource whose connector is found by the name in its settings. */
    public AppBuilder dataSource(DataSourceSettings settings) {
        if (dataSources.putIfAbsent(settings.name(), settings) != null) {
            throw new BootException("Datasource \"" + settings.name() + "\" is defined twice");
        }
        return this;
    }

    /** A datasource served by a connector given in code rather than found by name. */
    public AppBuilder dataSource(DataSourceSettings settings, ConnectorFactory connector) {
        dataSource(settings);
        givenConnectors.put(settings.name(), Objects.requireNonNull(connector, "connector is null"));
        return this;
    }

    public boolean hasDataSource(String name) {
        return dataSources.containsKey(name);
    }

    /** Adds a definition; the model it extends, if not a LoopBack base, must be defined first. */
    public AppBuilder define(ModelDefinition definition) {
        if (definitions.putIfAbsent(definition.name(), definition) != null) {
            throw new BootException("Model " + definition.name() + " is defined twice");
        }
        return this;
    }

    /**
     * Reads and adds a definition written as in a model JSON file ({@code name}, {@code base},
     * {@code properties}, settings). A base the app has not defined may be one of LoopBack's built-in
     * models ({@code User}...), which is then defined too.
     *
     * @throws BootException when the definition is invalid
     */
    public ModelDefinition define(ObjectNode json) {
        ModelDefinitionReader reader = new ModelDefinitionReader(this::definitionOrBuiltIn);
        ModelDefinition definition = reader.read(json);
        define(definition);
        return definition;
    }

    private Optional<ModelDefinition> definitionOrBuiltIn(String name) {
        ModelDefinition known = definitions.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        return BuiltInModels.definition(name).map(this::define);
    }

    /** The definition of a model, if defined. */
    public Optional<ModelDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /**
     * Adds (or replaces) a model-config entry: the model is attached to the entry's datasource, and
     * exposed over REST when public.
     *
     * @throws BootException when the model is not defined or its datasource is not
     */
    public AppBuilder model(ModelConfigEntry entry) {
        if (!definitions.containsKey(entry.name())) {
            throw new BootException("Model " + entry.name() + " is configured but not defined");
        }
        if (entry.dataSource() != null && !dataSources.containsKey(entry.dataSource())) {
            throw new BootException("Model " + entry.name() + " uses datasource \"" + entry.dataSource()
                    + "\", which is not defined; datasources: " + dataSources.keySet());
        }
        models.remove(entry.name());
        models.put(entry.name(), entry);
        return this;
    }

    /** A component and its configuration, as component-config.json lists them. */
    public AppBuilder component(String name, JsonNode componentConfig) {
        components.put(name, componentConfig);
        return this;
    }

    /** A boot script given in code; it runs after those found on the class path and named in config.json. */
    public AppBuilder bootScript(BootScript script) {
        bootScripts.add(Objects.requireNonNull(script, "script is null"));
        return this;
    }

    /**
     * Assembles the app. Nothing is served yet: {@link App#listen}, {@link App#handler} or
     * {@link App#mountedApplication} do that.
     *
     * @throws BootException naming what is at fault; whatever was opened is closed again
     */
    public App build() {
        App app = new App(restSettings(), edge, config.host(), config.port());
        try {
            attach(app);
            addComponents(app);
            BootScripts.run(app, BootScripts.collect(config.raw().path("bootScripts"), classLoader, bootScripts));
        } catch (RuntimeException e) {
            try {
                app.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return app;
    }

    private void attach(App app) {
        ConnectorRegistry connectors = ConnectorRegistry.discover(classLoader);
        Map<String, DataSource> opened = new LinkedHashMap<>();
        for (DataSourceSettings settings : dataSources.values()) {
            ConnectorFactory given = givenConnectors.get(settings.name());
            Connector connector = given != null ? given.create(settings) : connectors.create(settings);
            DataSource dataSource = new DataSource(settings, connector);
            opened.put(settings.name(), dataSource);
            app.addDataSource(dataSource);
        }
        // what the app declares, plus what datasources that discover their models find (this build's own copy)
        Map<String, ModelDefinition> definitions = new LinkedHashMap<>(this.definitions);
        Map<String, ModelConfigEntry> models = new LinkedHashMap<>(this.models);
        DiscoverySetup.addDiscovered(opened.values(), definitions, models);
        List<String> attached = models.values().stream()
                .filter(e -> e.dataSource() != null)
                .map(ModelConfigEntry::name).toList();
        // relations add foreign keys to the definitions, so they are read before any model is attached
        RelationReader.Result read = RelationReader.read(definitions, attached);
        Map<String, ModelDefinition> related = read.definitions();
        Relations relations = new Relations(read.relations(), related);
        app.relations(relations);
        // one registry per app, so a hook on a base model runs for the models extending it
        Observers observers = new Observers(name -> Optional.ofNullable(related.get(name)));
        Attachment attachment = new Attachment(app, relations, observers, Mixins.discover(classLoader));
        Map<String, SharedClass> shared = new LinkedHashMap<>();
        Map<String, ModelConfigEntry> entries = new LinkedHashMap<>();
        for (ModelConfigEntry entry : models.values()) {
            if (entry.dataSource() == null) {
                // a model with no datasource: nothing to serve
                continue;
            }
            SharedClass sharedClass = attachment.attach(related.get(entry.name()), opened.get(entry.dataSource()),
                    entry.isPublic());
            entries.put(entry.name(), entry);
            if (entry.isPublic()) {
                shared.put(sharedClass.name(), sharedClass);
            }
        }
        // hasAndBelongsToMany through models the app did not declare live beside the model declaring them
        read.generatedThrough().forEach((through, owner) -> attachment.attach(related.get(through),
                opened.get(models.get(owner).dataSource()), false));
        // login and logout join the user models' methods before relation routes and customizers see them
        SecuritySetup.install(app, related, tokenParams);
        RelationMethods relationMethods = new RelationMethods(relations);
        shared.values().forEach(relationMethods::addTo);
        // nested routes copy the related model's relation routes, so every class has its own first
        shared.values().forEach(s -> relationMethods.nest(s, shared));
        // custom code once every model exists, so it can reach them all; hidden methods last, so the
        // settings see custom and relation methods too
        RemotingSetup.customize(app, RemotingSetup.discover(classLoader));
        JsonNode remoting = config.raw().path("remoting");
        entries.forEach((name, entry) -> {
            SharedClass sharedClass = app.sharedClass(name);
            RemotingSetup.implementByConnector(sharedClass);
            RemotingSetup.requireImplemented(sharedClass);
            RemotingSetup.applySharedMethods(sharedClass, remoting, entry);
        });
        for (DataSource dataSource : opened.values()) {
            dataSource.connector().start();
            LOG.debug("Datasource '{}' started with connector '{}'", dataSource.name(), dataSource.settings().connector());
        }
    }

    /** Attaches models to datasources: id type, mixins, hooks, relations, and the shared class of its routes. */
    private record Attachment(App app, Relations relations, Observers observers, Mixins mixins) {
        SharedClass attach(ModelDefinition definition, DataSource dataSource, boolean isPublic) {
            // as the juggler's attach: a generated id takes the connector's id type (ObjectId strings on MongoDB)
            ModelDefinition typed = GeneratedIds.typed(definition, dataSource.connector().generatedIdType());
            ModelDefinition mixedIn = mixins.define(typed);
            dataSource.connector().define(mixedIn);
            Model model = new Model(mixedIn, dataSource.name(), dataSource.connector(), observers);
            mixins.attach(model);
            relations.addModel(model);
            SharedClass sharedClass = sharedClassOf(model, dataSource.connector());
            RemotingSetup.declareMethods(sharedClass);
            app.addModel(model, sharedClass, isPublic);
            return sharedClass;
        }

        /** The CRUD methods, or, for a connector that is not a CRUD store, the methods it provides. */
        private static SharedClass sharedClassOf(Model model, Connector connector) {
            if (connector instanceof RemoteMethodsProvider provider) {
                SharedClass sharedClass = new SharedClass(model);
                provider.addRemoteMethods(sharedClass);
                return sharedClass;
            }
            return PersistedModelMethods.sharedClassOf(model);
        }
    }

    /** Creates each configured component, in order. */
    private void addComponents(App app) {
        if (components.isEmpty()) {
            return;
        }
        ComponentRegistry registry = ComponentRegistry.discover(classLoader);
        ComponentSetup setup = new ComponentSetup(app, appDirectory, environment);
        components.forEach((name, componentConfig) -> {
            var factory = registry.find(name);
            if (factory.isEmpty()) {
                // an LB3 app lists its npm components; one we do not ship must not stop the API from serving
                LOG.warn("component-config.json names component \"{}\", which is not on the classpath (available: {}); "
                        + "it is left out", name, registry.names());
                return;
            }
            JsonNode settings = componentConfig != null && componentConfig.isObject()
                    ? componentConfig : JsonNodeFactory.instance.objectNode();
            app.addComponent(factory.get().create(setup, settings));
            LOG.debug("Component '{}' added", name);
        });
    }

    /**
     * The {@code remoting} options of config.json: body limits, XML, normalized paths, and
     * {@code errorHandler.debug}, which shows error details even in production.
     */
    private RestSettings restSettings() {
        JsonNode remoting = config.raw().path("remoting");
        boolean debug = remoting.path("errorHandler").path("debug").asBoolean(false);
        return new RestSettings(config.restApiRoot(),
                RestSettings.parseSize(size(remoting.path("json").path("limit"))),
                "production".equals(environment) && !debug,
                RestSettings.parseSize(size(remoting.path("urlencoded").path("limit"))),
                remoting.path("rest").path("xml").asBoolean(false),
                remoting.path("rest").path("normalizeHttpPath").asBoolean(false));
    }

    private static Object size(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : (node.isNumber() ? node.numberValue() : node.asText());
    }
}
