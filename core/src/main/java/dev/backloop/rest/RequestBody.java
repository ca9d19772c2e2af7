package dev.backloop.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.backloop.error.HttpError;
import dev.backloop.filter.QueryStringDecoder;
import dev.backloop.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body into JSON-like values (Map, List, String, Number, Boolean, null): JSON, or a
 * URL-encoded form with qs-style nesting. The size is bounded while reading, so an oversized body costs
 * no more than the limit.
 */
final class RequestBody {
    /** LoopBack's {@code maxDepthOfData} for remote calls. */
    static final int MAX_DEPTH = 32;
    /** Set on a request whose body was read to its end, so an error answer may keep the connection. */
    private static final String READ = RequestBody.class.getName() + ".read";

    private RequestBody() {
    }

    static Object read(ContainerRequestContext request, RestSettings settings) {
        MediaType type = request.getMediaType();
        boolean form = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        // XML is opt-in (remoting.rest.xml), for bodies as for answers
        boolean xml = settings.xml() && type != null && XmlBody.accepts(type);
        if (type != null && !form && !xml && !isJson(type)) {
            throw new HttpError(415, "UnsupportedMediaTypeError", "Unsupported content type \"" + type
                    + "\": send application/json or application/x-www-form-urlencoded"
                    + (settings.xml() ? " or application/xml" : ""), null, null);
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !xml && !isUtf8(charset)) {
            // JSON is UTF-8 (RFC 8259), and forms are decoded as UTF-8: another charset would be misread
            throw new HttpError(415, "UnsupportedMediaTypeError", "Unsupported charset \"" + charset.toUpperCase(java.util.Locale.ROOT)
                    + "\"", "charset.unsupported", null);
        }
        byte[] bytes = readBounded(request.getEntityStream(), declaredLength(request),
                form ? settings.urlencodedLimitBytes() : settings.jsonLimitBytes());
        request.setProperty(READ, Boolean.TRUE);
        if (bytes.length == 0) {
            return null;
        }
        Object body;
        if (form) {
            body = QueryStringDecoder.decode(new String(bytes, StandardCharsets.UTF_8));
        } else if (xml) {
            body = XmlBody.parse(bytes);
        } else {
            body = parseJson(bytes);
        }
        checkDepth(body, 1);
        return body;
    }

    private static boolean isUtf8(String charset) {
        String name = charset.trim().toLowerCase(java.util.Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8") || name.equals("us-ascii");
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json");
    }

    /** Whether {@link #read} read this request's body to its end. */
    static boolean wasRead(ContainerRequestContext request) {
        return request != null && request.getProperty(READ) != null;
    }

    /**
     * The body's length on the wire when the request declares it and the container passes the body on as
     * sent; -1 when unknown (chunked, or inflated from a {@code Content-Encoding}).
     */
    private static long declaredLength(ContainerRequestContext request) {
        if (request.getHeaderString("Content-Encoding") != null) {
            return -1;
        }
        return request.getLength();
    }

    private static byte[] readBounded(InputStream in, long declared, long limit) {
        if (declared > limit) {
            throw tooLarge();
        }
        try (in) {
            // a declared length is exact (the container ends the body there) and sizes the buffer at once;
            // otherwise read up to one byte past the limit
            long wanted = declared >= 0 ? declared : limit + 1;
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, wanted));
            if (bytes.length > limit) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            // a client that stops sending, or a gzip body that does not inflate
            throw new HttpError(400, "BadRequestError", "The request body could not be read: " + e.getMessage(),
                    "request.aborted", null);
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "PayloadTooLargeError", "request entity too large", "entity.too.large", null);
    }

    private static Object parseJson(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, Object.class);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "SyntaxError", "Malformed JSON in the request body: " + e.getOriginalMessage()
                    + location(e), "entity.parse.failed", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static void checkDepth(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw HttpError.badRequest("The data has exceeded the maximum depth of " + MAX_DEPTH);
        }
        if (value instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                checkDepth(v, depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                checkDepth(v, depth + 1);
            }
        }
    }
}
