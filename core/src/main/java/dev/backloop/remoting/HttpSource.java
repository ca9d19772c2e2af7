package dev.backloop.remoting;

import java.util.Locale;

/** Where an argument of a remote method comes from in an HTTP request (strong-remoting's {@code http.source}). */
public enum HttpSource {
    /** Not declared: path parameters, then the body's field, then the query, then a header, as strong-remoting looks it up. */
    AUTO,
    PATH,
    QUERY,
    /** The whole request body. */
    BODY,
    /** One field of the body. */
    FORM,
    HEADER,
    /** The request itself ({@link RemoteRequest}). */
    REQ,
    /** The response under construction ({@link RemoteResponse}): status and headers. */
    RES,
    /** The invocation ({@link Invocation}): request, response, args, result; never read from the wire. */
    CONTEXT;

    /** Whether the server supplies the value ({@code req}, {@code res}, {@code context}): no client sends it. */
    public boolean isServerSide() {
        return this == REQ || this == RES || this == CONTEXT;
    }

    public static HttpSource fromName(String name) {
        if (name == null) {
            return AUTO;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "path" -> PATH;
            case "query" -> QUERY;
            case "body" -> BODY;
            case "form", "formdata" -> FORM;
            case "header" -> HEADER;
            case "req" -> REQ;
            case "res" -> RES;
            case "context" -> CONTEXT;
            default -> throw new IllegalArgumentException("unknown http source \"" + name
                    + "\" (expected path, query, body, form, header, req, res or context)");
        };
    }
}
