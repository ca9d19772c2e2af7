package dev.backloop.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExplorerSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExplorerSettings read(String json) throws Exception {
        return ExplorerSettings.read(JSON.readTree(json), Path.of("/app"));
    }

    @Test
    void defaultsAreLoopBacks() throws Exception {
        ExplorerSettings settings = read("{}");
        assertThat(settings.mountPath()).isEqualTo("/explorer");
        assertThat(settings.resourcePath()).isEqualTo("swagger.json");
        assertThat(settings.swaggerUi()).isTrue();
        assertThat(settings.uiDirs()).isEmpty();
    }

    @Test
    void optionsAreReadWithLoopBackNames() throws Exception {
        ExplorerSettings settings = read("{\"mountPath\": \"docs/\", \"uiDirs\": \"client/explorer\", \"swaggerUI\": false,"
                + " \"apiInfo\": {\"title\": \"T\"}}");
        assertThat(settings.mountPath()).isEqualTo("/docs");
        assertThat(settings.uiDirs()).containsExactly(Path.of("/app/client/explorer"));
        assertThat(settings.swaggerUi()).isFalse();
        assertThat(settings.apiInfo().path("title").asText()).isEqualTo("T");
        assertThat(read("{\"uiDirs\": [\"a\", \"/abs\"]}").uiDirs()).containsExactly(Path.of("/app/a"), Path.of("/abs"));
    }

    @Test
    void aMountPathThatIsTheRootOrATemplateIsRefused() {
        for (String bad : new String[] {"/", "", "/{x}", "/a b", "/../x"}) {
            JsonNode config = JSON.createObjectNode().put("mountPath", bad);
            assertThatThrownBy(() -> ExplorerSettings.read(config, null)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mountPath");
        }
        assertThatThrownBy(() -> read("{\"resourcePath\": \"../swagger.json\"}")).hasMessageContaining("resourcePath");
        assertThatThrownBy(() -> read("{\"resourcePath\": \"openapi.json\"}")).hasMessageContaining("another one");
    }
}
