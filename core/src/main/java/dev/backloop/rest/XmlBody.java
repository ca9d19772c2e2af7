package dev.backloop.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;

/**
 * Reads an XML request body as the object its root element holds: {@code <book><title>Dune</title></book>}
 * is {@code {"title": "Dune"}}; repeated elements are an array; text values are coerced by the model like
 * query-string values. DTDs and external entities are refused, so a body cannot make the server read files
 * or expand entities (XXE, billion laughs).
 */
final class XmlBody {
    private static final XmlMapper MAPPER = new XmlMapper(safeFactory());

    private XmlBody() {
    }

    static boolean accepts(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return subtype.equals("xml") || subtype.endsWith("+xml");
    }

    static Object parse(byte[] bytes) {
        if (declaresDocumentType(bytes)) {
            throw new HttpError(400, "SyntaxError", "XML request bodies may not declare a DOCTYPE or entities",
                    "entity.parse.failed", null);
        }
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            return Json.mapper().convertValue(tree, Object.class);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "SyntaxError", "Malformed XML in the request body: " + e.getOriginalMessage(),
                    "entity.parse.failed", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCTYPE is refused outright rather than skipped, so an XXE attempt is an error, not an empty value. */
    private static boolean declaresDocumentType(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).toUpperCase(java.util.Locale.ROOT);
        return text.contains("<!DOCTYPE") || text.contains("<!ENTITY");
    }

    private static XmlFactory safeFactory() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return XmlFactory.builder().xmlInputFactory(input).build();
    }
}
