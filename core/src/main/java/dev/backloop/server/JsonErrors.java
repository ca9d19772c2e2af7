package dev.backloop.server;

import dev.backloop.json.Json;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before a request reaches Backloop (a URL over the header limit is 414,
 * unparsable HTTP is 400): LoopBack's JSON error shape instead of an HTML page. After a request Jetty could
 * not parse, the connection cannot be reused, and the answer says so, or a client would send its next
 * request down a connection that is about to close.
 */
final class JsonErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object reason = request.getAttribute(ERROR_MESSAGE);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("statusCode", status);
        error.put("name", "Error");
        error.put("message", reason != null ? reason.toString() : HttpStatus.getMessage(status));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        if (status == HttpStatus.BAD_REQUEST_400 || status == HttpStatus.URI_TOO_LONG_414
                || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(Json.toBytes(Map.of("error", error))), callback);
        return true;
    }
}
