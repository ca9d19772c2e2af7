package dev.backloop.rest;

import dev.backloop.error.HttpError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LoopBack's error body, as strong-error-handler writes it:
 * {@code {"error":{"statusCode","name","message","code"?,"details"?,"stack"?}}}. Outside production the
 * stack is included; in production a 5xx tells nothing of its cause.
 */
final class ErrorBody {
    private ErrorBody() {
    }

    static Map<String, Object> of(HttpError error, boolean production) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", error.statusCode());
        boolean hideCause = production && error.statusCode() >= 500;
        body.put("name", error.name());
        body.put("message", hideCause ? "Internal Server Error" : error.getMessage());
        if (!hideCause && error.code() != null) {
            body.put("code", error.code());
        }
        if (!hideCause && error.details() != null) {
            body.put("details", error.details());
        }
        if (!production) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            body.put("stack", stackOf(cause));
        }
        return Map.of("error", body);
    }

    private static String stackOf(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
