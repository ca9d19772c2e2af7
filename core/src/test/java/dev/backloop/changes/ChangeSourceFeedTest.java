package dev.backloop.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.json.Json;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.relation.TableConnector;
import dev.backloop.spi.ChangeSource;
import dev.backloop.spi.Connector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A model whose connector reports changes itself: its feed listens to the connector, not to the model's
 * hooks, so every change arrives once, whoever wrote it, and subscribers' where filters still apply.
 */
class ChangeSourceFeedTest {

    @Test
    void theFeedListensToTheConnectorInsteadOfTheHooks() {
        ReportingConnector connector = new ReportingConnector(true);
        Model memo = model(connector);
        List<Change> seen = new CopyOnWriteArrayList<>();
        ChangeFeed.of(memo).subscribe(Where.ALL, seen::add);
        assertThat(connector.listener).isNotNull();

        // a write of this instance: the backend reports it, the hooks do not repeat it
        memo.create(Map.of("text", "local"));
        assertThat(seen).isEmpty();
        connector.listener.accept(new Change(1L, Map.of("id", 1L, "text", "local"), "create"));
        // a write of another instance, reported the same way
        connector.listener.accept(new Change(7L, Map.of("id", 7L, "text", "elsewhere"), "update"));
        connector.listener.accept(new Change(7L, null, "remove"));
        assertThat(seen).extracting(Change::type).containsExactly("create", "update", "remove");
    }

    @Test
    void whereFiltersApplyToReportedChanges() {
        ReportingConnector connector = new ReportingConnector(true);
        Model memo = model(connector);
        List<Change> seen = new CopyOnWriteArrayList<>();
        ChangeFeed.of(memo).subscribe(Where.eq("text", "keep"), seen::add);
        connector.listener.accept(new Change(1L, Map.of("id", 1L, "text", "keep"), "create"));
        connector.listener.accept(new Change(2L, Map.of("id", 2L, "text", "drop"), "create"));
        assertThat(seen).extracting(Change::target).containsExactly(1L);
    }

    @Test
    void aConnectorThatDoesNotWatchLeavesTheHooksInCharge() {
        ReportingConnector connector = new ReportingConnector(false);
        Model memo = model(connector);
        List<Change> seen = new CopyOnWriteArrayList<>();
        ChangeFeed.of(memo).subscribe(Where.ALL, seen::add);
        memo.create(Map.of("text", "hooked"));
        assertThat(connector.listener).isNull();
        assertThat(seen).extracting(Change::type).containsExactly("create");
        assertThat(memo.find(Filter.ALL)).hasSize(1);
    }

    private static Model model(Connector connector) {
        ModelDefinition definition = new ModelDefinitionReader(name -> Optional.empty())
                .read((ObjectNode) Json.mapper().valueToTree(Map.of("name", "Memo", "properties", Map.of("text", "string"))));
        return new Model(definition, "db", connector);
    }

    /** Table storage, plus the listener a backend would report its changes to. */
    private static final class ReportingConnector extends TableConnector implements ChangeSource {
        private final boolean watching;
        volatile Consumer<Change> listener;

        ReportingConnector(boolean watching) {
            this.watching = watching;
        }

        @Override
        public boolean watches(ModelDefinition model) {
            return watching;
        }

        @Override
        public AutoCloseable watch(ModelDefinition model, Consumer<Change> changes) {
            listener = changes;
            return () -> listener = null;
        }
    }
}
