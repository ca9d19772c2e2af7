package dev.backloop.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.error.HttpError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(HttpError e, boolean production) {
        return (Map<String, Object>) ErrorBody.of(e, production).get("error");
    }

    @Test
    void clientErrorsCarryCodeAndDetailsAndAStackOutsideProduction() {
        HttpError e = new HttpError(422, "ValidationError", "bad", "SOME_CODE", Map.of("context", "Book"));
        Map<String, Object> body = error(e, false);
        assertThat(body).containsEntry("statusCode", 422).containsEntry("name", "ValidationError")
                .containsEntry("message", "bad").containsEntry("code", "SOME_CODE")
                .containsEntry("details", Map.of("context", "Book"));
        assertThat((String) body.get("stack")).contains("ErrorBodyTest");
        assertThat(error(e, true)).doesNotContainKey("stack").containsEntry("message", "bad");
    }

    @Test
    void serverErrorsTellNothingInProduction() {
        HttpError e = new HttpError(500, "InternalServerError", "db password is hunter2", "X", Map.of("k", "v"),
                new IllegalStateException("cause"));
        Map<String, Object> body = error(e, true);
        assertThat(body).containsOnlyKeys("statusCode", "name", "message");
        assertThat(body).containsEntry("message", "Internal Server Error");
        assertThat((String) error(e, false).get("stack")).contains("IllegalStateException: cause");
    }

    @Test
    void theKeysComeInLoopBacksOrder() {
        HttpError e = HttpError.modelNotFound("Book", 7);
        assertThat(error(e, true).keySet()).containsExactly("statusCode", "name", "message", "code");
    }
}
