package dev.backloop.storage.azure;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import dev.backloop.error.HttpError;

/** Turns Azure's errors into LoopBack 3's: a missing container or blob is 404, a name Azure refuses is 400. */
final class AzureFailures {
    private AzureFailures() {
    }

    /** For calls that name no container: only a refused credential is translated. */
    static RuntimeException service(BlobStorageException e) {
        return e.getStatusCode() == 403 ? forbidden(e) : e;
    }

    static RuntimeException container(BlobStorageException e, String container) {
        return switch (e.getStatusCode()) {
            case 403 -> forbidden(e);
            case 404 -> containerNotFound(container);
            case 409 -> new HttpError(409, "Error", "Container \"" + container + "\" already exists", "CONTAINER_EXISTS", null, e);
            case 400 -> new HttpError(400, "BadRequestError", "Invalid container name \"" + container + "\" for Azure: "
                    + e.getErrorCode(), "INVALID_NAME", null, e);
            default -> e;
        };
    }

    static RuntimeException file(BlobStorageException e, String container, String file) {
        if (e.getStatusCode() == 404) {
            return BlobErrorCode.CONTAINER_NOT_FOUND.equals(e.getErrorCode()) ? containerNotFound(container)
                    : new HttpError(404, "Error", "File \"" + file + "\" not found in container \"" + container + "\"",
                            "FILE_NOT_FOUND", null, e);
        }
        if (e.getStatusCode() == 403) {
            return forbidden(e);
        }
        if (e.getStatusCode() == 400) {
            return new HttpError(400, "BadRequestError", "Invalid file name \"" + file + "\" for Azure: " + e.getErrorCode(),
                    "INVALID_NAME", null, e);
        }
        return e;
    }

    /** Azure refused the account key (or the operation): a 403 that says so without echoing the key. */
    static HttpError forbidden(BlobStorageException e) {
        return new HttpError(403, "Error", "Azure refused the request (" + e.getErrorCode()
                + "): check the datasource's storageAccount and storageAccessKey", "STORAGE_FORBIDDEN", null, e);
    }

    static HttpError containerNotFound(String container) {
        return new HttpError(404, "Error", "Container \"" + container + "\" not found", "CONTAINER_NOT_FOUND", null);
    }
}
