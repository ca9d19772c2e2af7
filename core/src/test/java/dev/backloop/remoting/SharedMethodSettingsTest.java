package dev.backloop.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.spi.Connector;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedMethodSettingsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SharedClass books() throws Exception {
        Model model = new Model(new ModelDefinitionReader(n -> Optional.empty())
                .read((ObjectNode) MAPPER.readTree("{\"name\":\"Book\",\"properties\":{\"title\":\"string\"}}")),
                "db", mock(Connector.class));
        return PersistedModelMethods.sharedClassOf(model);
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static java.util.List<String> exposed(SharedClass shared) {
        return shared.methods().stream().map(SharedMethod::stringName).toList();
    }

    @Test
    void starOffWithMethodsBackOn() throws Exception {
        SharedClass books = books();
        SharedMethodSettings.of(MissingNode.getInstance(), json("{'*': false, 'find': true, 'count': true}"))
                .applyTo(books);
        assertThat(exposed(books)).containsExactly("find", "count");
    }

    @Test
    void modelConfigOverridesConfigJson() throws Exception {
        SharedClass books = books();
        SharedMethodSettings.of(json("{'deleteById': false, 'create': false}"), json("{'deleteById': true}"))
                .applyTo(books);
        assertThat(exposed(books)).contains("deleteById").doesNotContain("create");
    }

    @Test
    void globsAreUnanchoredAsLoopBacksRegExp() throws Exception {
        SharedClass books = books();
        SharedMethodSettings.of(MissingNode.getInstance(), json("{'prototype.*': false, 'find*': false}")).applyTo(books);
        assertThat(exposed(books)).doesNotContain("prototype.patchAttributes", "find", "findById", "findOne")
                .contains("count", "create");
    }

    @Test
    void valuesMustBeBooleans() {
        assertThatThrownBy(() -> SharedMethodSettings.of(MissingNode.getInstance(), json("{'find': 'no'}")))
                .hasMessage("remoting.sharedMethods.find: expected boolean, got string");
    }

    @Test
    void disablingByAliasOrPrototypeName() throws Exception {
        SharedClass books = books();
        books.disableRemoteMethodByName("destroyById");
        books.disableRemoteMethodByName("prototype.updateAttributes");
        assertThat(exposed(books)).doesNotContain("deleteById", "prototype.patchAttributes");
        assertThat(books.allMethods()).extracting(SharedMethod::stringName).contains("deleteById");
    }
}
