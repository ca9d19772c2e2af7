package dev.backloop.storage.s3;

import dev.backloop.error.HttpError;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns S3's errors into LoopBack 3's: a missing bucket or object is 404, a bucket name S3 refuses is 400. */
final class S3Failures {
    private S3Failures() {
    }

    /** For calls that name no bucket: only a refused credential is translated. */
    static RuntimeException service(S3Exception e) {
        return e.statusCode() == 403 ? forbidden(e) : e;
    }

    static RuntimeException container(S3Exception e, String container) {
        return switch (e.statusCode()) {
            case 403 -> forbidden(e);
            case 404 -> containerNotFound(container);
            case 409 -> containerExists(container);
            case 400 -> invalidContainer(container, message(e), e);
            default -> e;
        };
    }

    static RuntimeException file(S3Exception e, String container, String file) {
        if (e.statusCode() == 403) {
            return forbidden(e);
        }
        if (e.statusCode() == 404) {
            return "NoSuchBucket".equals(code(e)) ? containerNotFound(container) : fileNotFound(container, file);
        }
        return e;
    }

    /** S3 refused the key (or the operation): a 403 that says so without echoing the key. */
    static HttpError forbidden(S3Exception e) {
        return new HttpError(403, "Error", "S3 refused the request (" + (code(e) == null ? "403" : code(e))
                + "): check the datasource's keyId, key and region, and the bucket's policy", "STORAGE_FORBIDDEN", null, e);
    }

    static HttpError invalidContainer(String container, String why, Exception cause) {
        return new HttpError(400, "BadRequestError", "Invalid container name \"" + container + "\" for S3: " + why,
                "INVALID_NAME", null, cause);
    }

    static HttpError containerExists(String container) {
        return new HttpError(409, "Error", "Container \"" + container + "\" already exists", "CONTAINER_EXISTS", null);
    }

    static HttpError containerNotFound(String container) {
        return new HttpError(404, "Error", "Container \"" + container + "\" not found", "CONTAINER_NOT_FOUND", null);
    }

    static HttpError fileNotFound(String container, String file) {
        return new HttpError(404, "Error", "File \"" + file + "\" not found in container \"" + container + "\"",
                "FILE_NOT_FOUND", null);
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String message(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
    }
}
