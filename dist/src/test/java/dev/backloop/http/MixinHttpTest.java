package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The built-in TimeStamp mixin, declared in event.json with a renamed updatedAt. */
class MixinHttpTest extends LibraryHttpTest {

    @Test
    void timeStampSetsCreatedOnceAndModifiedOnEveryWrite() throws InterruptedException {
        Instant before = Instant.now();
        JsonNode created = http.post("/api/Events", "{\"title\":\"launch\"}").json();
        Instant createdAt = Instant.parse(created.get("createdAt").asText());
        Instant modifiedAt = Instant.parse(created.get("modifiedAt").asText());
        assertThat(createdAt).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(created.has("updatedAt")).as("renamed by the mixin's options").isFalse();

        Thread.sleep(5); // stamps have millisecond precision
        String id = created.get("id").asText();
        JsonNode patched = http.patch("/api/Events/" + id, "{\"title\":\"launch v2\"}").json();
        assertThat(Instant.parse(patched.get("createdAt").asText())).isEqualTo(createdAt);
        assertThat(Instant.parse(patched.get("modifiedAt").asText())).isAfter(modifiedAt);

        Thread.sleep(5);
        assertThat(http.post("/api/Events/update?where=%7B%7D", "{\"title\":\"all\"}").json().get("count").asInt())
                .isEqualTo(1);
        JsonNode updated = http.get("/api/Events/" + id).json();
        assertThat(Instant.parse(updated.get("modifiedAt").asText())).isAfter(Instant.parse(patched.get("modifiedAt").asText()));
    }

    @Test
    void clientsNeedNotSendTheRequiredStamps() {
        assertThat(http.post("/api/Events", "{\"title\":\"x\"}").status()).isEqualTo(200);
        assertThat(http.post("/api/Events", "{}").status()).isEqualTo(422);
    }
}
