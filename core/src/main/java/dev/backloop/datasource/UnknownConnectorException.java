package dev.backloop.datasource;

import java.util.Set;

/** A datasource names a connector that no jar on the classpath provides. */
public final class UnknownConnectorException extends RuntimeException {
    public UnknownConnectorException(String dataSource, String connector, Set<String> available) {
        super("Datasource \"" + dataSource + "\" uses connector \"" + connector + "\", which is not on the classpath."
                + " Connectors found: " + (available.isEmpty() ? "none" : String.join(", ", available))
                + ". Add the connector's jar, or fix the \"connector\" setting in datasources.json.");
    }
}
