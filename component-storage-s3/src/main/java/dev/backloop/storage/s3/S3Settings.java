package dev.backloop.storage.s3;

import dev.backloop.spi.DataSourceSettings;
import java.net.URI;
import java.util.Optional;

/**
 * The settings of an {@code amazon} storage datasource: LoopBack 3's {@code keyId}, {@code key} and
 * {@code region}, plus {@code endpoint} and {@code forcePathStyle} for S3-compatible servers, {@code acl}
 * (a canned ACL given to every uploaded object) and {@code partSize} (the bytes buffered per part of an
 * upload, 8 MB by default, at least S3's 5 MB minimum).
 *
 * @param keyId     the access key id; absent to use the SDK's default chain (environment, profile, role)
 * @param key       the secret access key
 * @param endpoint  the server's URL, for a server other than AWS
 */
record S3Settings(String datasource, Optional<String> keyId, Optional<String> key, String region,
        Optional<URI> endpoint, boolean forcePathStyle, Optional<String> acl, int partSize) {
    static final int MIN_PART = 5 * 1024 * 1024;
    static final int DEFAULT_PART = 8 * 1024 * 1024;

    static S3Settings of(DataSourceSettings settings) {
        Optional<String> keyId = settings.string("keyId");
        Optional<String> key = settings.string("key");
        if (keyId.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException("Datasource \"" + settings.name()
                    + "\": the amazon storage provider needs both \"keyId\" and \"key\", or neither (the AWS default credentials)");
        }
        Optional<URI> endpoint = settings.string("endpoint").map(URI::create);
        boolean pathStyle = settings.flag("forcePathStyle", settings.flag("s3ForcePathStyle", false));
        long partSize = settings.number("partSize").orElse((long) DEFAULT_PART);
        if (partSize < MIN_PART || partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Datasource \"" + settings.name() + "\": \"partSize\" must be between "
                    + MIN_PART + " (S3's smallest part) and 2 GB");
        }
        return new S3Settings(settings.name(), keyId, key, settings.string("region").orElse("us-east-1"), endpoint,
                pathStyle, settings.string("acl"), (int) partSize);
    }
}
