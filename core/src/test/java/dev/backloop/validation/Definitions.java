package dev.backloop.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import java.io.IOException;
import java.util.Optional;

/** Model definitions for tests, written as LoopBack JSON with single quotes. */
final class Definitions {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Definitions() {
    }

    static ModelDefinition read(String json) {
        try {
            return new ModelDefinitionReader(name -> Optional.empty())
                    .read((ObjectNode) MAPPER.readTree(json.replace('\'', '"')));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
