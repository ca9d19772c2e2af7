package dev.backloop.explorer.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.app.App;
import dev.backloop.explorer.ApiDocuments;
import dev.backloop.explorer.ShopApp;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documents as served validate against their specifications, checked by swagger-parser. */
class DocumentValidationTest {
    private static App app;
    private static ApiDocuments documents;

    @BeforeAll
    static void boot() {
        app = ShopApp.boot();
        documents = new ApiDocuments(app, new Info().title("Shop").version("1.0.0"));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void theOpenApiDocumentIsValidInJsonAndYaml() {
        for (byte[] document : new byte[][] {documents.openApiJson(), documents.openApiYaml()}) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(new String(document, StandardCharsets.UTF_8),
                    null, options);
            assertThat(result.getMessages()).isEmpty();
            assertThat(result.getOpenAPI().getPaths()).containsKey("/Products/search");
        }
    }

    @Test
    void aBrokenDocumentIsReportedByTheValidator() {
        // the check above can fail: an operation without responses and a dangling reference are reported
        String broken = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"x\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":"
                + "{\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"schema\":{\"$ref\":\"#/components/schemas/Nope\"}}]}}}}";
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(broken, null, new ParseOptions());
        assertThat(result.getMessages()).isNotEmpty();
    }

    @Test
    void theSwagger2DocumentIsValidAndKeepsLoopBackShapes() throws Exception {
        String text = new String(documents.swaggerJson(), StandardCharsets.UTF_8);
        SwaggerDeserializationResult result = new io.swagger.parser.SwaggerParser().readWithInfo(text);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getSwagger().getPaths()).containsKey("/Products/{id}/rate");

        JsonNode swagger = Json.mapper().readTree(text);
        assertThat(swagger.path("swagger").asText()).isEqualTo("2.0");
        assertThat(swagger.path("basePath").asText()).isEqualTo("/api");
        JsonNode filter = swagger.path("paths").path("/Products").path("get").path("parameters").path(0);
        assertThat(filter.path("name").asText()).isEqualTo("filter");
        assertThat(filter.path("type").asText()).isEqualTo("string");
        assertThat(filter.path("format").asText()).isEqualTo("JSON");
        JsonNode data = swagger.path("paths").path("/Products").path("post").path("parameters").path(0);
        assertThat(data.path("in").asText()).isEqualTo("body");
        assertThat(data.path("name").asText()).isEqualTo("data");
        assertThat(data.path("schema").path("$ref").asText()).isEqualTo("#/definitions/Product");
        JsonNode stars = swagger.path("paths").path("/Products/{id}/rate").path("post").path("parameters");
        assertThat(stars.findValuesAsText("in")).contains("formData", "path");
        assertThat(swagger.path("definitions").path("Order").path("properties").path("lines").path("items").path("$ref")
                .asText()).isEqualTo("#/definitions/OrderLine");
    }
}
