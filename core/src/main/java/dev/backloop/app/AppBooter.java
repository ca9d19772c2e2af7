package dev.backloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.backloop.boot.AppDirectory;
import dev.backloop.boot.AppLayout;
import dev.backloop.boot.ModelConfigEntry;
import dev.backloop.component.ComponentRegistry;
import dev.backloop.datasource.ConnectorRegistry;
import dev.backloop.datasource.DataSource;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.Observers;
import dev.backloop.mixin.Mixins;
import dev.backloop.relation.RelationMethods;
import dev.backloop.relation.RelationReader;
import dev.backloop.relation.Relations;
import dev.backloop.remoting.PersistedModelMethods;
import dev.backloop.remoting.SharedClass;
import dev.backloop.rest.RestSettings;
import dev.backloop.spi.Connector;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.GeneratedIds;
import dev.backloop.spi.RemoteMethodsProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots an app directory in LoopBack 3 layout: datasources with their connectors, models attached to them,
 * public models exposed over REST. Connectors are started once every model is defined.
 */
public final class AppBooter {
    private static final Logger LOG = LoggerFactory.getLogger(AppBooter.class);

    private AppBooter() {
    }

    /** Boots with the environment of this process ({@code BACKLOOP_ENV}, else {@code NODE_ENV}). */
    public static App boot(Path appDir) {
        Map<String, String> environment = System.getenv();
        return boot(appDir, AppDirectory.environmentName(environment), environment);
    }

    public static App boot(Path appDir, String env, Map<String, String> environment) {
        AppLayout layout = AppDirectory.load(appDir, env, environment);
        App app = new App(restSettings(layout, env), layout.edge(), layout.config().host(), layout.config().port());
        try {
            attach(app, layout);
            addComponents(app, layout, env == null ? AppDirectory.environmentName(environment) : env);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private static void attach(App app, AppLayout layout) {
        ConnectorRegistry connectors = ConnectorRegistry.discover(Thread.currentThread().getContextClassLoader());
        Map<String, DataSource> dataSources = new LinkedHashMap<>();
        for (DataSourceSettings settings : layout.dataSources().values()) {
            DataSource dataSource = new DataSource(settings, connectors.create(settings));
            dataSources.put(settings.name(), dataSource);
            app.addDataSource(dataSource);
        }
        Map<String, ModelDefinition> declared = new LinkedHashMap<>();
        layout.definitions().forEach(d -> declared.put(d.name(), d));
        List<ModelConfigEntry> models = new ArrayList<>(layout.models());
        DiscoverySetup.addDiscovered(dataSources.values(), declared, models);
        List<String> attached = models.stream()
                .filter(e -> declared.containsKey(e.name()) && e.dataSource() != null)
                .map(ModelConfigEntry::name).toList();
        // relations add foreign keys to the definitions, so they are read before any model is attached
        RelationReader.Result read = RelationReader.read(declared, attached);
        Map<String, ModelDefinition> definitions = read.definitions();
        Relations relations = new Relations(read.relations(), definitions);
        app.relations(relations);
        // one registry per app, so a hook on a base model runs for the models extending it
        Observers observers = new Observers(name -> java.util.Optional.ofNullable(definitions.get(name)));
        Attachment attachment = new Attachment(app, relations, observers,
                Mixins.discover(Thread.currentThread().getContextClassLoader()));
        Map<String, String> dataSourceOf = new LinkedHashMap<>();
        Map<String, SharedClass> shared = new LinkedHashMap<>();
        Map<String, ModelConfigEntry> entries = new LinkedHashMap<>();
        for (ModelConfigEntry entry : models) {
            ModelDefinition definition = definitions.get(entry.name());
            if (definition == null || entry.dataSource() == null) {
                // built-ins we do not have yet, or a model with no datasource: nothing to serve
                continue;
            }
            dataSourceOf.put(entry.name(), entry.dataSource());
            SharedClass sharedClass = attachment.attach(definition, dataSources.get(entry.dataSource()),
                    entry.isPublic());
            entries.put(entry.name(), entry);
            if (entry.isPublic()) {
                shared.put(sharedClass.name(), sharedClass);
            }
        }
        // hasAndBelongsToMany through models the app did not declare live beside the model declaring them
        read.generatedThrough().forEach((through, owner) -> attachment.attach(definitions.get(through),
                dataSources.get(dataSourceOf.get(owner)), false));
        // login and logout join the user models' methods before relation routes and customizers see them
        SecuritySetup.install(app, definitions, layout.tokenParams());
        RelationMethods relationMethods = new RelationMethods(relations);
        shared.values().forEach(relationMethods::addTo);
        // nested routes copy the related model's relation routes, so every class has its own first
        shared.values().forEach(s -> relationMethods.nest(s, shared));
        // custom code once every model exists, so it can reach them all; hidden methods last, so the
        // settings see custom and relation methods too
        RemotingSetup.customize(app, RemotingSetup.discover(Thread.currentThread().getContextClassLoader()));
        JsonNode remoting = layout.config().raw().path("remoting");
        entries.forEach((name, entry) -> {
            SharedClass sharedClass = app.sharedClass(name);
            RemotingSetup.implementByConnector(sharedClass);
            RemotingSetup.requireImplemented(sharedClass);
            RemotingSetup.applySharedMethods(sharedClass, remoting, entry);
        });
        for (DataSource dataSource : dataSources.values()) {
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

    /** Creates each component component-config.json turns on, in file order. */
    private static void addComponents(App app, AppLayout layout, String env) {
        ComponentRegistry registry = ComponentRegistry.discover(Thread.currentThread().getContextClassLoader());
        ComponentSetup setup = new ComponentSetup(app, layout.root(), env);
        layout.components().forEach((name, config) -> {
            var factory = registry.find(name);
            if (factory.isEmpty()) {
                // an LB3 app lists its npm components; one we do not ship must not stop the API from serving
                LOG.warn("component-config.json names component \"{}\", which is not on the classpath (available: {}); "
                        + "it is left out", name, registry.names());
                return;
            }
            JsonNode settings = config.isObject() ? config : JsonNodeFactory.instance.objectNode();
            app.addComponent(factory.get().create(setup, settings));
            LOG.debug("Component '{}' added", name);
        });
    }

    /**
     * The {@code remoting} options of config.json: body limits, XML, normalized paths, and
     * {@code errorHandler.debug}, which shows error details even in production.
     */
    private static RestSettings restSettings(AppLayout layout, String env) {
        JsonNode remoting = layout.config().raw().path("remoting");
        boolean debug = remoting.path("errorHandler").path("debug").asBoolean(false);
        return new RestSettings(layout.config().restApiRoot(),
                RestSettings.parseSize(size(remoting.path("json").path("limit"))),
                "production".equals(env) && !debug,
                RestSettings.parseSize(size(remoting.path("urlencoded").path("limit"))),
                remoting.path("rest").path("xml").asBoolean(false),
                remoting.path("rest").path("normalizeHttpPath").asBoolean(false));
    }

    private static Object size(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : (node.isNumber() ? node.numberValue() : node.asText());
    }
}
