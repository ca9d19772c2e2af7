package dev.backloop.storage.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlobContainerItem;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.backloop.storage.PendingFile;
import dev.backloop.storage.StorageService;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers are Azure containers, files are block blobs named as the file. Metadata: a container has
 * {@code name} and {@code mtime}; a file {@code container}, {@code name}, {@code size}, {@code mtime},
 * {@code etag} and {@code contentType}. Uploads stage blocks and commit the block list only on commit,
 * so nothing is visible (and no existing blob replaced) before.
 */
final class AzureStore implements StorageService {
    private final AzureSettings settings;
    private volatile BlobServiceClient azure;

    AzureStore(AzureSettings settings) {
        this.settings = settings;
    }

    /** Builds the client (no request is sent: a wrong key shows on the first call, as a 403). */
    @Override
    public void start() {
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().httpClient(new JdkHttpClientBuilder().build());
        if (settings.connectionString().isPresent()) {
            builder.connectionString(settings.connectionString().get());
        } else {
            String account = settings.account().orElseThrow();
            builder.credential(new StorageSharedKeyCredential(account, settings.accessKey().orElseThrow()))
                    .endpoint(settings.endpoint().orElse("https://" + account + ".blob.core.windows.net"));
        }
        azure = builder.buildClient();
    }

    @Override
    public List<Map<String, Object>> getContainers() {
        List<Map<String, Object>> containers = new ArrayList<>();
        try {
            for (BlobContainerItem item : azure.listBlobContainers()) {
                containers.add(container(item.getName(), item.getProperties().getLastModified()));
            }
        } catch (BlobStorageException e) {
            throw AzureFailures.service(e);
        }
        return containers;
    }

    @Override
    public Map<String, Object> getContainer(String container) {
        try {
            return container(container, client(container).getProperties().getLastModified());
        } catch (BlobStorageException e) {
            throw AzureFailures.container(e, container);
        }
    }

    @Override
    public Map<String, Object> createContainer(String container) {
        try {
            client(container).createWithResponse(null, settings.publicAccess(), null, Context.NONE);
            return getContainer(container);
        } catch (BlobStorageException e) {
            throw AzureFailures.container(e, container);
        }
    }

    @Override
    public void destroyContainer(String container) {
        try {
            client(container).delete();
        } catch (BlobStorageException e) {
            throw AzureFailures.container(e, container);
        }
    }

    @Override
    public List<Map<String, Object>> getFiles(String container) {
        List<Map<String, Object>> files = new ArrayList<>();
        try {
            for (BlobItem item : client(container).listBlobs()) {
                if (isPlainName(item.getName())) {
                    var p = item.getProperties();
                    files.add(file(container, item.getName(), p.getContentLength(), p.getLastModified(), p.getETag(),
                            p.getContentType()));
                }
            }
        } catch (BlobStorageException e) {
            throw AzureFailures.container(e, container);
        }
        return files;
    }

    @Override
    public Map<String, Object> getFile(String container, String file) {
        BlobProperties p = properties(container, file);
        return file(container, file, p.getBlobSize(), p.getLastModified(), p.getETag(), p.getContentType());
    }

    @Override
    public void removeFile(String container, String file) {
        try {
            client(container).getBlobClient(file).delete();
        } catch (BlobStorageException e) {
            throw AzureFailures.file(e, container, file);
        }
    }

    @Override
    public FileStat stat(String container, String file) {
        BlobProperties p = properties(container, file);
        return new FileStat(p.getBlobSize(), p.getLastModified().toInstant());
    }

    /** Read in chunks of ranged requests (the SDK's 4 MB), so no more than a chunk is held. */
    @Override
    public InputStream download(String container, String file, long offset) {
        try {
            return client(container).getBlobClient(file).openInputStream(new BlobRange(offset), null);
        } catch (BlobStorageException e) {
            throw AzureFailures.file(e, container, file);
        }
    }

    @Override
    public PendingFile upload(String container, String file, String contentType) {
        BlobContainerClient client = client(container);
        try {
            if (!client.exists()) {
                throw AzureFailures.containerNotFound(container);
            }
        } catch (BlobStorageException e) {
            throw AzureFailures.container(e, container);
        }
        return new AzurePendingFile(client.getBlobClient(file).getBlockBlobClient(), contentType, settings.blockSize());
    }

    private BlobProperties properties(String container, String file) {
        try {
            return client(container).getBlobClient(file).getProperties();
        } catch (BlobStorageException e) {
            throw AzureFailures.file(e, container, file);
        }
    }

    private BlobContainerClient client(String container) {
        return azure.getBlobContainerClient(container);
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0;
    }

    private static Map<String, Object> container(String name, OffsetDateTime modified) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        if (modified != null) {
            info.put("mtime", modified.toInstant().toString());
        }
        return info;
    }

    private static Map<String, Object> file(String container, String name, long size, OffsetDateTime modified,
            String etag, String contentType) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("container", container);
        info.put("name", name);
        info.put("size", size);
        info.put("mtime", modified == null ? null : modified.toInstant().toString());
        info.put("etag", etag);
        info.put("contentType", contentType);
        return info;
    }
}
