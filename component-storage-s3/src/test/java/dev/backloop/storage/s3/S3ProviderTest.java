package dev.backloop.storage.s3;

import static dev.backloop.storage.StorageApp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.storage.StorageApp;
import dev.backloop.storage.StorageApp.Part;
import dev.backloop.storage.StorageProviderContract;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The provider contract on the {@code amazon} provider, against S3Proxy over HTTP (path-style, its own endpoint). */
class S3ProviderTest extends StorageProviderContract {
    private static S3ProxyServer server;
    private static S3Client direct;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(Files.createTempDirectory("s3proxy"));
        direct = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(server.endpoint)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL))).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (direct != null) {
            direct.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected String settings() throws Exception {
        return "\"provider\": \"amazon\", \"keyId\": \"" + S3ProxyServer.IDENTITY + "\", \"key\": \""
                + S3ProxyServer.CREDENTIAL + "\", \"region\": \"us-east-1\", \"endpoint\": "
                + JSON.writeValueAsString(server.endpoint) + ", \"forcePathStyle\": true";
    }

    @Test
    void aFailedUploadAbortsItsMultipartUploadsAndAnObjectKeepsItsContentType() throws Exception {
        try (StorageApp app = boot(", \"maxFileSize\": 1000")) {
            app.send("POST", "/api/containers", "{\"name\": \"aborted\"}");
            assertThat(app.upload("aborted", List.of(new Part("f", "ok.txt", "text/plain", new byte[10]),
                    new Part("f", "big.bin", "application/octet-stream", new byte[5000]))).statusCode()).isEqualTo(413);
            assertThat(direct.listMultipartUploads(b -> b.bucket("aborted")).uploads()).isEmpty();
            assertThat(direct.listObjectsV2(b -> b.bucket("aborted")).contents()).isEmpty();

            assertThat(app.upload("aborted", List.of(new Part("f", "page.html", "text/html", "<p>hi</p>".getBytes())))
                    .statusCode()).isEqualTo(200);
            assertThat(direct.headObject(b -> b.bucket("aborted").key("page.html")).contentType()).startsWith("text/html");
        }
    }

    @Test
    void aBucketNameS3RefusesIs400AndWrongCredentialsAre403() throws Exception {
        try (StorageApp app = boot("")) {
            assertThat(app.send("POST", "/api/containers", "{\"name\": \"Upper_Case\"}").statusCode()).isEqualTo(400);
        }
        Path dir = Files.createTempDirectory(temp, "wrong");
        try (StorageApp wrong = StorageApp.withSettings(dir, settings().replace(S3ProxyServer.CREDENTIAL, "wrong-secret"))) {
            assertThat(wrong.send("GET", "/api/containers", null).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aProviderNotYetSupportedNamesTheProvidersOnTheClasspath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StorageApp.withSettings(temp,
                "\"provider\": \"rackspace\"").close())
                .hasStackTraceContaining("storage provider \"rackspace\" is not yet supported (available: amazon, filesystem)");
    }

    @Test
    void keyIdWithoutKeyFailsBoot() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StorageApp.withSettings(temp,
                "\"provider\": \"amazon\", \"keyId\": \"only-the-id\"").close())
                .hasStackTraceContaining("needs both \"keyId\" and \"key\"");
    }
}
