package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Bad input gets LoopBack's error shape with the right status, and nothing is written. */
class ErrorsHttpTest extends LibraryHttpTest {

    private long count() {
        return http.get("/api/Books/count").json().get("count").asLong();
    }

    @Test
    void missingRequiredPropertyIs422WithLoopBackDetails() {
        HttpClientSupport.Reply reply = http.post("/api/Books", "{\"author\":\"X\"}");
        assertThat(reply.status()).isEqualTo(422);
        JsonNode error = reply.error();
        assertThat(error.get("statusCode").asInt()).isEqualTo(422);
        assertThat(error.get("name").asText()).isEqualTo("ValidationError");
        assertThat(error.get("message").asText())
                .isEqualTo("The `Book` instance is not valid. Details: `title` can't be blank (value: undefined).");
        assertThat(error.get("details").get("context").asText()).isEqualTo("Book");
        assertThat(error.get("details").get("codes").get("title").get(0).asText()).isEqualTo("presence");
        assertThat(error.get("details").get("messages").get("title").get(0).asText()).isEqualTo("can't be blank");
        assertThat(count()).isZero();
    }

    @Test
    void malformedJsonBodyIs400() {
        HttpClientSupport.Reply reply = http.post("/api/Books", "{\"title\": ");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("statusCode").asInt()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("Malformed JSON");
        assertThat(count()).isZero();
    }

    @Test
    void aScalarBodyIsRefused() {
        assertThat(http.post("/api/Books", "\"just a string\"").status()).isEqualTo(400);
        assertThat(http.post("/api/Books", "42").status()).isEqualTo(400);
        assertThat(count()).isZero();
    }

    @Test
    void wrongTypeForANumberPropertyIs422AndWritesNothing() {
        HttpClientSupport.Reply reply = http.post("/api/Books", "{\"title\":\"A\",\"price\":\"cheap\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(count()).isZero();
    }

    @Test
    void invalidDateIs422() {
        HttpClientSupport.Reply reply = http.post("/api/Books", "{\"title\":\"A\",\"published\":\"not a date\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(count()).isZero();
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"title\":\"" + "x".repeat(2048) + "\"}";
        HttpClientSupport.Reply reply = http.post("/api/Books", big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.error().get("statusCode").asInt()).isEqualTo(413);
        assertThat(count()).isZero();
    }

    @Test
    void unsupportedContentTypeIs415() {
        HttpClientSupport.Reply reply = http.send("POST", "/api/Books", "<book/>", "application/xml");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(count()).isZero();
    }

    @Test
    void urlEncodedFormBodiesAreAccepted() {
        HttpClientSupport.Reply reply = http.send("POST", "/api/Books", "title=Form&price=4",
                "application/x-www-form-urlencoded");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("price").asInt()).isEqualTo(4);
    }

    @Test
    void deeplyNestedBodyIs400() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        HttpClientSupport.Reply reply = http.post("/api/Books", "{\"title\":\"A\",\"meta\":" + deep + "}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(count()).isZero();
    }

    @Test
    void filterThatIsNotJsonIs400() {
        HttpClientSupport.Reply reply = http.get("/api/Books?filter=" + q("{where:"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("name").asText()).isEqualTo("BadRequestError");
    }

    @Test
    void unknownOperatorIs400() {
        assertThat(http.get("/api/Books?filter=" + q("{\"where\":{\"title\":{\"$where\":\"sleep(1)\"}}}")).status())
                .isEqualTo(400);
        assertThat(http.get("/api/Books?filter=" + q("{\"where\":{\"$where\":\"sleep(1)\"}}")).status())
                .isEqualTo(400);
    }

    @Test
    void whereOnAHiddenPropertyIs400() {
        assertThat(http.get("/api/Books?filter=" + q("{\"where\":{\"secret\":{\"like\":\"a%\"}}}")).status())
                .isEqualTo(400);
        assertThat(http.get("/api/Books/count?where=" + q("{\"or\":[{\"secret\":\"x\"}]}")).status())
                .isEqualTo(400);
    }

    @Test
    void repeatedScalarFilterParameterIs400() {
        HttpClientSupport.Reply reply = http.get("/api/Books?filter=" + q("{}") + "&filter=" + q("{}"));
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void badLimitIs400() {
        assertThat(http.get("/api/Books?filter[limit]=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/Books?filter[limit]=abc").status()).isEqualTo(400);
    }

    @Test
    void includeIsRejectedUntilRelationsExist() {
        HttpClientSupport.Reply reply = http.get("/api/Books?filter=" + q("{\"include\":\"reviews\"}"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("reviews");
    }

    @Test
    void queryDepthOver12Is400() {
        StringBuilder where = new StringBuilder("{\"title\":\"x\"}");
        for (int i = 0; i < 13; i++) {
            where = new StringBuilder("{\"and\":[" + where + "]}");
        }
        assertThat(http.get("/api/Books?filter=" + q("{\"where\":" + where + "}")).status()).isEqualTo(400);
    }

    @Test
    void errorsCarryAStackOutsideProduction() {
        assertThat(http.get("/api/Books/999").error().has("stack")).isTrue();
    }
}
