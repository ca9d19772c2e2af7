package dev.backloop.connector.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.connector.conformance.ConnectorConformanceTest;
import dev.backloop.connector.example.ExampleConnector;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import org.junit.jupiter.api.Test;

/** A backend without nested paths and regexp passes the whole suite once wrapped. */
class CapabilityFallbackConformanceTest extends ConnectorConformanceTest {

    @Override
    protected Connector createConnector() {
        return CapabilityFallback.wrap(new FlatBackend());
    }

    @Test
    void theBackendAloneRefusesWhatTheWrapperSupplies() {
        FlatBackend bare = new FlatBackend();
        assertThatThrownBy(() -> bare.find(book, Filter.where(Where.eq("meta.lang", "en")))).isInstanceOf(AssertionError.class);
        assertThat(connector.capabilities()).contains(ConnectorCapability.NESTED_PROPERTIES, ConnectorCapability.REGEXP);
    }

    @Test
    void aCapableConnectorIsNotWrapped() {
        ExampleConnector capable = new ExampleConnector();
        assertThat(CapabilityFallback.wrap(capable)).isSameAs(capable);
    }
}
