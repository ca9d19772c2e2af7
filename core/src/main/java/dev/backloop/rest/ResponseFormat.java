package dev.backloop.rest;

import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * strong-remoting's content negotiation: JSON unless the client prefers XML and the app enabled it
 * ({@code remoting.rest.xml}); {@code ?_format=json|xml} overrides the {@code Accept} header; a client
 * that accepts neither gets 406 before the method runs, so nothing is written for an answer it cannot read.
 * Handlers always produce JSON bytes; XML is made from them here.
 */
@Priority(Priorities.USER)
final class ResponseFormat implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String CHOSEN = ResponseFormat.class.getName();
    private static final MediaType EVENT_STREAM = new MediaType("text", "event-stream");

    private final boolean xmlEnabled;

    ResponseFormat(boolean xmlEnabled) {
        this.xmlEnabled = xmlEnabled;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType chosen = choose(request);
        if (chosen == null) {
            throw new HttpError(406, "NotAcceptableError", "Not Acceptable: this API answers in application/json"
                    + (xmlEnabled ? " or application/xml" : ""), null, null);
        }
        request.setProperty(CHOSEN, chosen);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        Object chosen = request.getProperty(CHOSEN);
        if (!(chosen instanceof MediaType xml) || MediaType.APPLICATION_JSON_TYPE.isCompatible(xml)
                || !(response.getEntity() instanceof byte[] json) || !isJson(response.getMediaType())) {
            return;
        }
        Object value = Json.mapper().readValue(json, Object.class);
        response.setEntity(XmlResponse.write(value), response.getEntityAnnotations(),
                new MediaType(xml.getType(), xml.getSubtype(), "utf-8"));
    }

    private MediaType choose(ContainerRequestContext request) {
        // the query is decoded only when it may hold _format (even as %5Fformat): a find's filter is long to decode
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        List<String> format = rawQuery == null || !rawQuery.contains("format") ? null
                : request.getUriInfo().getQueryParameters().get("_format");
        if (format != null && !format.isEmpty()) {
            String wanted = format.get(0).toLowerCase(Locale.ROOT);
            if (wanted.equals("xml") && xmlEnabled) {
                return MediaType.APPLICATION_XML_TYPE;
            }
            return MediaType.APPLICATION_JSON_TYPE;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.equals("*/*") || accept.equals("application/json")) {
            // what most clients send, answered without parsing
            return MediaType.APPLICATION_JSON_TYPE;
        }
        // most preferred first, as Express's req.accepts picks
        for (MediaType accepted : request.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    || accepted.isCompatible(EVENT_STREAM)) {
                // an EventSource asks for text/event-stream: change streams answer it, errors stay JSON
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if (xmlEnabled && (accepted.isCompatible(MediaType.APPLICATION_XML_TYPE)
                    || accepted.isCompatible(MediaType.TEXT_XML_TYPE))) {
                return accepted.isCompatible(MediaType.TEXT_XML_TYPE) && !accepted.isWildcardSubtype()
                        ? MediaType.TEXT_XML_TYPE : MediaType.APPLICATION_XML_TYPE;
            }
        }
        return null;
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }
}
