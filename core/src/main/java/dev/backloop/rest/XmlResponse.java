package dev.backloop.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a JSON-like value as strong-remoting's XML: the root element is {@code response}, an array result
 * is wrapped as {@code {"result": [...]}}, each array item repeats its property's element, null is an empty
 * element. Property names that are not XML names have their other characters replaced by {@code _}.
 */
final class XmlResponse {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlResponse() {
    }

    static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // the declaration as js2xmlparser writes it (the StAX writer would use single quotes)
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            if (value == null) {
                xml.writeEmptyElement("null");
            } else {
                element(xml, "response", value instanceof List<?> ? Map.of("result", value) : value);
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value instanceof List<?> items) {
            for (Object item : items) {
                element(xml, name, item);
            }
            return;
        }
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                element(xml, xmlName(String.valueOf(entry.getKey())), entry.getValue());
            }
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }

    private static String xmlName(String key) {
        if (key.isEmpty()) {
            return "_";
        }
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
            name.append(ok ? c : '_');
        }
        return name.toString();
    }
}
