package dev.backloop.storage.s3;

import dev.backloop.spi.DataSourceSettings;
import dev.backloop.storage.StorageProvider;
import dev.backloop.storage.StorageService;

/**
 * The {@code amazon} provider: containers are S3 buckets, files their objects. Works with AWS and with
 * S3-compatible servers (MinIO, Ceph, R2, S3Proxy) through {@code endpoint} and {@code forcePathStyle}.
 *
 * <pre>{@code
 * "files": {"connector": "loopback-component-storage", "provider": "amazon",
 *   "keyId": "AKIA...", "key": "secret", "region": "eu-west-1"}
 * }</pre>
 */
public final class S3Provider implements StorageProvider {

    @Override
    public String name() {
        return "amazon";
    }

    @Override
    public StorageService create(DataSourceSettings settings) {
        return new S3Store(S3Settings.of(settings));
    }
}
