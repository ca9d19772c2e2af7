package dev.backloop.spi;

import dev.backloop.remoting.SharedClass;

/**
 * Optional interface of a {@link Connector} that is not a CRUD store (a storage service, a remote API):
 * it gives the models attached to its datasource their remote methods. When the connector of a model's
 * datasource implements it, boot gives the model an empty {@link SharedClass} and calls
 * {@link #addRemoteMethods} instead of adding the {@code PersistedModel} CRUD methods; methods declared
 * in the model definition and custom code are added afterwards, as for any model.
 *
 * <pre>{@code
 * public final class StorageConnector implements Connector, RemoteMethodsProvider {
 *     public void addRemoteMethods(SharedClass shared) {
 *         shared.add(SharedMethod.builder("getContainers").route("get", "/")...build());
 *     }
 * }
 * }</pre>
 */
public interface RemoteMethodsProvider {

    /** Adds the methods of one model attached to this connector's datasource. */
    void addRemoteMethods(SharedClass sharedClass);
}
