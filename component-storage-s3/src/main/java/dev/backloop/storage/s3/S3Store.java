package dev.backloop.storage.s3;

import dev.backloop.storage.PendingFile;
import dev.backloop.storage.StorageService;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Containers are buckets, files are objects whose key is the file name. Metadata: a container has
 * {@code name} and {@code ctime} (its creation); a file {@code container}, {@code name}, {@code size},
 * {@code mtime} and {@code etag}. Objects whose key is not a plain name (written by other tools) are not
 * listed. Uploads are multipart uploads, completed only on commit.
 */
final class S3Store implements StorageService {
    private final S3Settings settings;
    private volatile S3Client s3;

    S3Store(S3Settings settings) {
        this.settings = settings;
    }

    /** Builds the client (no request is sent: a wrong key shows on the first call, as a 403). */
    @Override
    public void start() {
        AwsCredentialsProvider credentials = settings.keyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.keyId().get(), settings.key().get()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.forcePathStyle());
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                // S3-compatible servers do not all know the SDK's default CRC checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        s3 = builder.build();
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    public List<Map<String, Object>> getContainers() {
        List<Map<String, Object>> containers = new ArrayList<>();
        try {
            for (Bucket bucket : s3.listBuckets().buckets()) {
                containers.add(container(bucket.name(), bucket.creationDate()));
            }
        } catch (S3Exception e) {
            throw S3Failures.service(e);
        }
        containers.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
        return containers;
    }

    @Override
    public Map<String, Object> getContainer(String container) {
        requireBucket(container);
        return container(container, null);
    }

    /** The SDK checks bucket names itself (lowercase, 3 to 63 characters...): one it refuses is a 400. */
    @Override
    public Map<String, Object> createContainer(String container) {
        if (bucketExists(container)) {
            throw S3Failures.containerExists(container);
        }
        try {
            s3.createBucket(b -> {
                b.bucket(container);
                if (!settings.region().equals("us-east-1")) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(settings.region())));
                }
            });
        } catch (S3Exception e) {
            throw S3Failures.container(e, container);
        } catch (IllegalArgumentException e) {
            throw S3Failures.invalidContainer(container, e.getMessage(), e);
        }
        return container(container, Instant.now());
    }

    /** Deletes the bucket's objects, aborts its unfinished uploads, then deletes the bucket. */
    @Override
    public void destroyContainer(String container) {
        try {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(container))) {
                if (!page.contents().isEmpty()) {
                    List<ObjectIdentifier> keys = page.contents().stream()
                            .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
                    s3.deleteObjects(b -> b.bucket(container).delete(d -> d.objects(keys).quiet(true)));
                }
            }
            for (MultipartUpload upload : s3.listMultipartUploads(b -> b.bucket(container)).uploads()) {
                s3.abortMultipartUpload(b -> b.bucket(container).key(upload.key()).uploadId(upload.uploadId()));
            }
            s3.deleteBucket(b -> b.bucket(container));
        } catch (S3Exception e) {
            throw S3Failures.container(e, container);
        }
    }

    @Override
    public List<Map<String, Object>> getFiles(String container) {
        List<Map<String, Object>> files = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(container)).contents()) {
                if (isPlainName(object.key())) {
                    files.add(file(container, object.key(), object.size(), object.lastModified(), object.eTag()));
                }
            }
        } catch (S3Exception e) {
            throw S3Failures.container(e, container);
        }
        return files;
    }

    @Override
    public Map<String, Object> getFile(String container, String file) {
        HeadObjectResponse head = head(container, file);
        return file(container, file, head.contentLength(), head.lastModified(), head.eTag());
    }

    /** S3's delete succeeds for a missing key: the file is looked up first, so a missing one is a 404. */
    @Override
    public void removeFile(String container, String file) {
        head(container, file);
        try {
            s3.deleteObject(b -> b.bucket(container).key(file));
        } catch (S3Exception e) {
            throw S3Failures.file(e, container, file);
        }
    }

    @Override
    public FileStat stat(String container, String file) {
        HeadObjectResponse head = head(container, file);
        return new FileStat(head.contentLength(), head.lastModified());
    }

    @Override
    public InputStream download(String container, String file, long offset) {
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> {
                b.bucket(container).key(file);
                if (offset > 0) {
                    b.range("bytes=" + offset + "-");
                }
            });
            return new AbortOnEarlyClose(body);
        } catch (S3Exception e) {
            throw S3Failures.file(e, container, file);
        }
    }

    @Override
    public PendingFile upload(String container, String file, String contentType) {
        requireBucket(container);
        return new S3PendingFile(s3, container, file, contentType, settings.acl().orElse(null), settings.partSize());
    }

    private HeadObjectResponse head(String container, String file) {
        try {
            return s3.headObject(b -> b.bucket(container).key(file));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                requireBucket(container); // a HEAD has no error code: tell a missing bucket from a missing key
            }
            throw S3Failures.file(e, container, file);
        }
    }

    private void requireBucket(String container) {
        if (!bucketExists(container)) {
            throw S3Failures.containerNotFound(container);
        }
    }

    private boolean bucketExists(String container) {
        try {
            s3.headBucket(b -> b.bucket(container));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw S3Failures.container(e, container);
        } catch (IllegalArgumentException e) {
            throw S3Failures.invalidContainer(container, e.getMessage(), e);
        }
    }

    private static boolean isPlainName(String key) {
        return !key.isEmpty() && !key.startsWith(".") && key.indexOf('/') < 0;
    }

    private static Map<String, Object> container(String name, Instant created) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        if (created != null) {
            info.put("ctime", created.toString());
        }
        return info;
    }

    private static Map<String, Object> file(String container, String name, Long size, Instant modified, String etag) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("container", container);
        info.put("name", name);
        info.put("size", size);
        info.put("mtime", modified == null ? null : modified.toString());
        info.put("etag", etag);
        return info;
    }

    /**
     * Closing an S3 body before its end would read the rest to reuse the connection; a range or an
     * aborted download closes early, so the connection is dropped instead.
     */
    private static final class AbortOnEarlyClose extends FilterInputStream {
        private final ResponseInputStream<?> body;
        private boolean ended;

        AbortOnEarlyClose(ResponseInputStream<?> body) {
            super(body);
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                body.abort();
            }
            super.close();
        }
    }
}
