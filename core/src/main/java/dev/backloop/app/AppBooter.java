package dev.backloop.app;

import dev.backloop.boot.AppDirectory;
import dev.backloop.boot.AppLayout;
import dev.backloop.boot.ModelConfigEntry;
import dev.backloop.datasource.ConnectorRegistry;
import dev.backloop.datasource.DataSource;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.remoting.PersistedModelMethods;
import dev.backloop.rest.RestSettings;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        Object jsonLimit = jsonLimit(layout);
        RestSettings rest = new RestSettings(layout.config().restApiRoot(), RestSettings.parseSize(jsonLimit),
                "production".equals(env));
        App app = new App(rest, layout.config().host(), layout.config().port());
        try {
            attach(app, layout);
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
        Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
        layout.definitions().forEach(d -> definitions.put(d.name(), d));
        for (ModelConfigEntry entry : layout.models()) {
            ModelDefinition definition = definitions.get(entry.name());
            if (definition == null || entry.dataSource() == null) {
                // built-ins we do not have yet, or a model with no datasource: nothing to serve
                continue;
            }
            DataSource dataSource = dataSources.get(entry.dataSource());
            dataSource.connector().define(definition);
            Model model = new Model(definition, dataSource.name(), dataSource.connector());
            app.addModel(model, entry.isPublic() ? PersistedModelMethods.sharedClassOf(model) : null);
        }
        for (DataSource dataSource : dataSources.values()) {
            dataSource.connector().start();
            LOG.debug("Datasource '{}' started with connector '{}'", dataSource.name(), dataSource.settings().connector());
        }
    }

    private static Object jsonLimit(AppLayout layout) {
        var json = layout.config().raw().path("remoting").path("json").path("limit");
        return json.isMissingNode() || json.isNull() ? null : (json.isNumber() ? json.numberValue() : json.asText());
    }
}
