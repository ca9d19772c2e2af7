package dev.backloop.cli.command;

import dev.backloop.app.App;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.AppFiles;
import dev.backloop.cli.prompt.Prompter;
import dev.backloop.datasource.DataSource;
import dev.backloop.model.Model;
import dev.backloop.spi.ConnectorCapability;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * What {@code migrate} and {@code autoupdate} share: boot the app, pick the datasources whose connector
 * has a schema ({@link ConnectorCapability#SCHEMA}) and their models, and run one connector operation on
 * each model.
 */
final class SchemaSync {
    private SchemaSync() {
    }

    /**
     * @param dataSourceName the datasource, {@code null} for every one with a schema
     * @param only           the models to touch, empty for all of the datasources'
     * @param confirm        asked with the models' names once they are known; false cancels
     */
    static void run(AppFiles files, ClasspathOption classpath, String dataSourceName, List<String> only, String operation, Prompter prompter,
            Predicate<List<String>> confirm, BiConsumer<DataSource, Model> action) {
        try (ClasspathOption.Scope scope = classpath.open(); App app = BootedApp.boot(files.root(), classpath)) {
            List<DataSource> targets = dataSources(app, files, dataSourceName, operation);
            List<Model> models = new ArrayList<>();
            for (Model model : app.models().values()) {
                boolean onTarget = targets.stream().anyMatch(d -> d.name().equals(model.dataSourceName()));
                if (onTarget && (only.isEmpty() || only.contains(model.name()))) {
                    models.add(model);
                }
            }
            for (String wanted : only) {
                if (models.stream().noneMatch(m -> m.name().equals(wanted))) {
                    throw CliError.usage("--model " + wanted + ": no such model on " + names(targets));
                }
            }
            if (models.isEmpty()) {
                prompter.say("No models are attached to " + names(targets) + "; nothing to " + operation);
                return;
            }
            List<String> modelNames = models.stream().map(Model::name).toList();
            if (!confirm.test(modelNames)) {
                throw CliError.failed(operation + " cancelled; nothing was changed");
            }
            for (Model model : models) {
                action.accept(app.dataSource(model.dataSourceName()), model);
                prompter.say(operation + " " + model.name() + " on datasource " + model.dataSourceName() + ": done");
            }
        }
    }

    private static List<DataSource> dataSources(App app, AppFiles files, String name, String operation) {
        List<String> all = files.dataSourceNames();
        if (name != null) {
            if (!all.contains(name)) {
                throw CliError.usage("the app has no datasource \"" + name + "\" (datasources: " + String.join(", ", all) + ")");
            }
            DataSource dataSource = app.dataSource(name);
            if (!hasSchema(dataSource)) {
                throw CliError.failed("datasource " + name + " uses connector " + dataSource.settings().connector()
                        + ", which has no schema: there is nothing to " + operation
                        + " (connectors with a schema, such as mongodb, support it)");
            }
            return List.of(dataSource);
        }
        List<DataSource> withSchema = all.stream().map(app::dataSource).filter(SchemaSync::hasSchema).toList();
        if (withSchema.isEmpty()) {
            throw CliError.failed("no datasource of the app (" + String.join(", ", all) + ") uses a connector with a "
                    + "schema: there is nothing to " + operation + " (connectors with a schema, such as mongodb, support it)");
        }
        return withSchema;
    }

    private static boolean hasSchema(DataSource dataSource) {
        return dataSource.connector().capabilities().contains(ConnectorCapability.SCHEMA);
    }

    private static String names(List<DataSource> dataSources) {
        return String.join(", ", dataSources.stream().map(DataSource::name).toList());
    }
}
