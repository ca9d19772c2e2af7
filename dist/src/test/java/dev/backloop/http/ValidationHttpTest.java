package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Declared validations, defaults and strict mode, seen over HTTP as a LoopBack 3 client sees them. */
class ValidationHttpTest extends LibraryHttpTest {

    private long count() {
        return http.get("/api/Members/count").json().get("count").asLong();
    }

    @Test
    void createAppliesDefaultsAndGenerators() {
        HttpClientSupport.Reply reply = http.post("/api/Members", "{\"email\":\"ann@example.com\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("role").asText()).isEqualTo("reader");
        assertThat(reply.json().get("joined").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void everyFailureIsReportedAtOnceAndNothingIsWritten() {
        HttpClientSupport.Reply reply = http.post("/api/Members",
                "{\"email\":\"not-an-email\",\"nick\":\"x\",\"role\":\"king\",\"age\":2.5}");
        assertThat(reply.status()).isEqualTo(422);
        JsonNode codes = reply.error().get("details").get("codes");
        assertThat(codes.get("email").get(0).asText()).isEqualTo("format");
        assertThat(codes.get("nick").get(0).asText()).isEqualTo("length.min");
        assertThat(codes.get("role").get(0).asText()).isEqualTo("inclusion");
        assertThat(codes.get("age").get(0).asText()).isEqualTo("numericality.int");
        assertThat(reply.error().get("message").asText()).isEqualTo("The `Member` instance is not valid. Details: "
                + "`email` is invalid (value: \"not-an-email\"); `nick` too short (value: \"x\"); "
                + "`role` is not included in the list (value: \"king\"); `age` is not an integer (value: 2.5).");
        assertThat(count()).isZero();
    }

    @Test
    void missingRequiredValueShowsUndefined() {
        HttpClientSupport.Reply reply = http.post("/api/Members", "{}");
        assertThat(reply.error().get("message").asText())
                .isEqualTo("The `Member` instance is not valid. Details: `email` can't be blank (value: undefined).");
    }

    @Test
    void uniquenessIgnoresCaseAndTheRecordItself() {
        HttpClientSupport.Reply first = http.post("/api/Members", "{\"email\":\"ann@example.com\"}");
        String id = first.json().get("id").asText();
        HttpClientSupport.Reply twin = http.post("/api/Members", "{\"email\":\"ANN@example.com\"}");
        assertThat(twin.status()).isEqualTo(422);
        assertThat(twin.error().get("details").get("codes").get("email").get(0).asText()).isEqualTo("uniqueness");
        assertThat(http.patch("/api/Members/" + id, "{\"email\":\"ann@example.com\",\"nick\":\"ann\"}").status())
                .isEqualTo(200);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aPatchIsValidatedAgainstTheMergedRecord() {
        String id = http.post("/api/Members", "{\"email\":\"bob@example.com\",\"nick\":\"bob\"}").json().get("id").asText();
        assertThat(http.patch("/api/Members/" + id, "{\"nick\":\"b\"}").status()).isEqualTo(422);
        assertThat(http.get("/api/Members/" + id).json().get("nick").asText()).isEqualTo("bob");
    }

    @Test
    void bulkCreateIsAllOrNothing() {
        HttpClientSupport.Reply reply = http.post("/api/Members",
                "[{\"email\":\"a@example.com\"},{\"email\":\"broken\"}]");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(count()).isZero();
    }

    @Test
    void strictModelRefusesUndeclaredProperties() {
        HttpClientSupport.Reply reply = http.post("/api/Members", "{\"email\":\"c@example.com\",\"isAdmin\":true}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().get("details").get("codes").get("isAdmin").get(0).asText())
                .isEqualTo("unknown-property");
        assertThat(count()).isZero();
    }

    @Test
    void wrongTypesAre422WithTheTypeAsCode() {
        HttpClientSupport.Reply reply = http.post("/api/Members",
                "{\"email\":\"d@example.com\",\"age\":\"old\",\"joined\":\"someday\"}");
        assertThat(reply.status()).isEqualTo(422);
        JsonNode codes = reply.error().get("details").get("codes");
        assertThat(codes.get("age").get(0).asText()).isEqualTo("number");
        assertThat(codes.get("joined").get(0).asText()).isEqualTo("date");
        assertThat(count()).isZero();
    }
}
