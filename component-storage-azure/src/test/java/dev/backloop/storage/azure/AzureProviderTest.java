package dev.backloop.storage.azure;

import static dev.backloop.storage.StorageApp.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.backloop.storage.StorageApp;
import dev.backloop.storage.StorageApp.Part;
import dev.backloop.storage.StorageProviderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider contract on the {@code azure} provider, against Azurite (account and key, with its endpoint). */
class AzureProviderTest extends StorageProviderContract {
    private static Azurite azurite;
    private static BlobServiceClient direct;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start(Files.createTempDirectory("azurite"));
        direct = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .httpClient(new com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder().build()).buildClient();
    }

    @AfterAll
    static void stopAzurite() throws Exception {
        if (azurite != null) {
            azurite.close();
        }
    }

    @Override
    protected String settings() throws Exception {
        return "\"provider\": \"azure\", \"storageAccount\": \"" + Azurite.ACCOUNT + "\", \"storageAccessKey\": \""
                + Azurite.KEY + "\", \"endpoint\": " + JSON.writeValueAsString(azurite.endpoint);
    }

    @Test
    void aConnectionStringWorksAndAFailedUploadCommitsNoBlob() throws Exception {
        Path dir = Files.createTempDirectory(temp, "cs");
        try (StorageApp app = StorageApp.withSettings(dir, "\"provider\": \"azure\", \"maxFileSize\": 1000, "
                + "\"connectionString\": " + JSON.writeValueAsString(azurite.connectionString()))) {
            app.send("POST", "/api/containers", "{\"name\": \"failed\"}");
            assertThat(app.upload("failed", List.of(new Part("f", "ok.txt", "text/plain", new byte[10]),
                    new Part("f", "big.bin", "application/octet-stream", new byte[5000]))).statusCode()).isEqualTo(413);
            // ok.txt's block was staged, but its block list never committed: there is no blob
            assertThat(direct.getBlobContainerClient("failed").listBlobs().stream().toList()).isEmpty();
            assertThat(direct.getBlobContainerClient("failed").getBlobClient("ok.txt").exists()).isFalse();

            assertThat(app.upload("failed", List.of(new Part("f", "page.html", "text/html", "<p>hi</p>".getBytes())))
                    .statusCode()).isEqualTo(200);
            assertThat(direct.getBlobContainerClient("failed").getBlobClient("page.html").getProperties().getContentType())
                    .startsWith("text/html");
        }
    }

    @Test
    void aContainerNameAzureRefusesIs400AndAWrongKeyIs403() throws Exception {
        try (StorageApp app = boot("")) {
            assertThat(app.send("POST", "/api/containers", "{\"name\": \"Upper_Case\"}").statusCode()).isEqualTo(400);
        }
        Path dir = Files.createTempDirectory(temp, "wrong");
        String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
        try (StorageApp wrong = StorageApp.withSettings(dir, settings().replace(Azurite.KEY, wrongKey))) {
            assertThat(wrong.send("GET", "/api/containers", null).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void missingCredentialsFailBoot() {
        assertThatThrownBy(() -> StorageApp.withSettings(temp, "\"provider\": \"azure\", \"storageAccount\": \"x\"").close())
                .hasStackTraceContaining("needs \"storageAccount\" and \"storageAccessKey\", or a \"connectionString\"");
    }
}
