package dev.backloop.storage.azure;

import dev.backloop.spi.DataSourceSettings;
import dev.backloop.storage.StorageProvider;
import dev.backloop.storage.StorageService;

/**
 * The {@code azure} provider: containers are Azure Blob Storage containers, files their block blobs.
 *
 * <pre>{@code
 * "files": {"connector": "loopback-component-storage", "provider": "azure",
 *   "storageAccount": "myaccount", "storageAccessKey": "base64key"}
 * }</pre>
 */
public final class AzureProvider implements StorageProvider {
    /**
     * The SDK sets Content-Length itself, which java.net.http refuses (and the SDK then warns on every
     * request) unless the header is allowed. Read once by the JDK, so this works when no HttpClient was
     * made before; the test and server launchers also set it on the command line.
     */
    static {
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "content-length");
        }
    }

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public StorageService create(DataSourceSettings settings) {
        return new AzureStore(AzureSettings.of(settings));
    }
}
