package dev.backloop.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.boot.BootException;
import dev.backloop.boot.ModelConfigEntry;
import dev.backloop.datasource.DataSource;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.spi.ModelDiscovery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The boot step of {@link ModelDiscovery}: models a datasource finds join those the app declares. */
final class DiscoverySetup {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoverySetup.class);

    private DiscoverySetup() {
    }

    /**
     * Defines each discovered model the app does not declare and attaches it, public, to its datasource.
     *
     * @param declared the app's definitions by name; discovered ones are added
     * @param models   the model-config entries; entries of discovered models are added
     */
    static void addDiscovered(Collection<DataSource> dataSources, Map<String, ModelDefinition> declared,
            Map<String, ModelConfigEntry> models) {
        ModelDefinitionReader reader = new ModelDefinitionReader(name -> Optional.ofNullable(declared.get(name)));
        for (DataSource dataSource : dataSources) {
            if (!(dataSource.connector() instanceof ModelDiscovery discovery)) {
                continue;
            }
            List<ObjectNode> found;
            try {
                found = discovery.discoverModels();
            } catch (RuntimeException e) {
                throw new BootException("Datasource " + dataSource.name() + " could not discover its models: "
                        + e.getMessage(), e);
            }
            for (ObjectNode json : found) {
                String name = json.path("name").asText();
                if (declared.containsKey(name) || models.containsKey(name)) {
                    LOG.debug("Datasource {} discovered model {}, which the app declares itself", dataSource.name(), name);
                    continue;
                }
                ModelDefinition definition;
                try {
                    definition = reader.read(json);
                } catch (BootException e) {
                    throw new BootException("Datasource " + dataSource.name() + " discovered model " + name
                            + " with a definition that cannot be used: " + e.getMessage(), e);
                }
                declared.put(name, definition);
                models.put(name, new ModelConfigEntry(name, dataSource.name(), true, JsonNodeFactory.instance.objectNode()));
                LOG.info("Datasource {} discovered model {}", dataSource.name(), name);
            }
        }
    }
}
