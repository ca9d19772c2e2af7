package dev.backloop.explorer.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.explorer.ShopApp;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.info.Info;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document of the shop fixture, read as JSON the way clients read it. */
class OpenApiBuilderTest {
    private static App app;
    private static JsonNode doc;

    @BeforeAll
    static void build() {
        app = ShopApp.boot();
        doc = Json.mapper().valueToTree(new OpenApiBuilder(app, new Info().title("Shop").version("1")).build());
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static JsonNode op(String path, String verb) {
        JsonNode operation = doc.path("paths").path(path).path(verb);
        assertThat(operation.isMissingNode()).as(verb + " " + path + " in " + doc.path("paths").fieldNames()).isFalse();
        return operation;
    }

    private static JsonNode param(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    @Test
    void everyServedRouteOfPublicModelsIsAnOperationAndNothingElse() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(doc.path("servers").path(0).path("url").asText()).isEqualTo("/api");
        assertThat(doc.path("paths").has("/Products")).isTrue();
        assertThat(doc.path("paths").has("/Orders/{id}/exists")).isTrue();
        assertThat(doc.path("paths").path("/Orders/{id}").has("head")).isTrue();
        // the non-public models have no routes, the disabled method is absent
        assertThat(doc.path("paths").toString()).doesNotContain("OrderLines", "Secrets");
        assertThat(doc.path("paths").path("/Products/{id}").has("delete")).isFalse();
        assertThat(doc.path("paths").path("/Orders/{id}").has("delete")).isTrue();
        assertThat(doc.path("tags").findValuesAsText("name")).containsExactly("Product", "Order");
        assertThat(doc.path("tags").path(0).path("description").asText()).isEqualTo("Something the shop sells");
    }

    @Test
    void crudOperationsCarryLoopBackIdsSummariesAndResults() {
        JsonNode find = op("/Products", "get");
        assertThat(find.path("operationId").asText()).isEqualTo("Product.find");
        assertThat(find.path("tags").path(0).asText()).isEqualTo("Product");
        assertThat(find.path("summary").asText()).startsWith("Find all instances of the model");
        assertThat(find.path("responses").path("200").path("content").path("application/json").path("schema").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Product\"}}");
        // a method with two routes gets LoopBack's long ids, one per route
        assertThat(op("/Products/{id}", "put").path("operationId").asText()).isEqualTo("Product.replaceById__put_Products_{id}");
        assertThat(op("/Products/{id}/replace", "post").path("operationId").asText())
                .isEqualTo("Product.replaceById__post_Products_{id}_replace");
        assertThat(op("/Products/{id}", "patch").path("operationId").asText()).isEqualTo("Product.prototype.patchAttributes");
        assertThat(op("/Products/count", "get").path("responses").path("200").path("content").path("application/json")
                .path("schema").path("properties").path("count").path("type").asText()).isEqualTo("number");
    }

    @Test
    void filterAndWhereAreDescribedJsonQueryParameters() {
        JsonNode filter = param(op("/Products", "get"), "filter");
        assertThat(filter.path("in").asText()).isEqualTo("query");
        assertThat(filter.path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/loopback.Filter");
        JsonNode where = param(op("/Products/count", "get"), "where");
        assertThat(where.path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/loopback.Where");
        assertThat(doc.path("components").path("schemas").path("loopback.Filter").path("properties").has("limit")).isTrue();
    }

    @Test
    void pathIdsAndBodiesFollowTheModel() {
        JsonNode id = param(op("/Products/{id}", "get"), "id");
        assertThat(id.path("in").asText()).isEqualTo("path");
        assertThat(id.path("required").asBoolean()).isTrue();
        assertThat(id.path("schema").path("type").asText()).isEqualTo("number");
        JsonNode create = op("/Products", "post");
        assertThat(create.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Product");
        assertThat(create.path("requestBody").path("x-codegen-request-body-name").asText()).isEqualTo("data");
        assertThat(create.path("responses").has("422")).isTrue();
        // the instance method's route prefix declares its id even though the method does not accept it
        assertThat(param(op("/Products/{id}", "patch"), "id").path("in").asText()).isEqualTo("path");
    }

    @Test
    void customMethodsMapEveryAcceptAndReturn() {
        JsonNode search = op("/Products/search", "get");
        assertThat(search.path("operationId").asText()).isEqualTo("Product.search");
        assertThat(search.path("summary").asText()).isEqualTo("Search the catalogue.");
        // LoopBack's notes are the operation's description, as loopback-swagger maps them
        assertThat(search.path("description").asText()).isEqualTo("Matches titles and tags.");
        JsonNode q = param(search, "q");
        assertThat(q.path("in").asText()).isEqualTo("query");
        assertThat(q.path("required").asBoolean()).isTrue();
        assertThat(q.path("description").asText()).isEqualTo("Words to look for");
        assertThat(q.path("schema").path("type").asText()).isEqualTo("string");
        assertThat(param(search, "X-Shop-Region").path("in").asText()).isEqualTo("header");
        assertThat(param(search, "options").path("content").has("application/json")).isTrue();
        // a context argument is not on the wire; OpenAPI leaves Authorization to security schemes
        assertThat(search.path("parameters").findValuesAsText("name")).doesNotContain("req", "Authorization");
        JsonNode result = search.path("responses").path("200").path("content").path("application/json").path("schema");
        assertThat(result.path("properties").path("results").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Product");
        assertThat(result.path("properties").path("total").path("type").asText()).isEqualTo("number");

        JsonNode rate = op("/Products/{id}/rate", "post");
        assertThat(rate.path("operationId").asText()).isEqualTo("Product.prototype.rate");
        JsonNode form = rate.path("requestBody").path("content").path("application/x-www-form-urlencoded").path("schema");
        assertThat(form.path("properties").path("stars").path("type").asText()).isEqualTo("number");
        assertThat(form.path("required").toString()).isEqualTo("[\"stars\"]");
        assertThat(rate.path("responses").has("202")).isTrue();
        assertThat(rate.path("responses").path("202").has("content")).as("nothing is returned").isFalse();
        assertThat(rate.path("responses").path("404").path("content").path("application/json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/loopback.Error");
    }

    @Test
    void modelSchemasHaveTypesRequiredDefaultsAndNoHiddenProperties() {
        JsonNode product = doc.path("components").path("schemas").path("Product");
        assertThat(product.path("required").toString()).isEqualTo("[\"name\"]");
        assertThat(product.path("additionalProperties").asBoolean(true)).as("strict").isFalse();
        JsonNode properties = product.path("properties");
        assertThat(properties.has("cost")).as("hidden").isFalse();
        assertThat(properties.path("name").path("description").asText()).isEqualTo("Shown in the catalogue");
        assertThat(properties.path("price").path("default").asInt()).isZero();
        assertThat(properties.path("available").path("default").asBoolean()).isTrue();
        assertThat(properties.path("tags").path("items").path("type").asText()).isEqualTo("string");
        assertThat(properties.path("added").path("format").asText()).isEqualTo("date-time");
        assertThat(properties.path("location").path("properties").has("lat")).isTrue();
        assertThat(properties.path("id").path("type").asText()).isEqualTo("number");
        // a non-public model referenced by a public one has a schema; one nobody references has none
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("Order").path("properties").path("lines").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/OrderLine");
        assertThat(schemas.path("OrderLine").path("properties").path("quantity").path("default").asInt()).isEqualTo(1);
        assertThat(schemas.has("Secret")).isFalse();
        assertThat(schemas.path("loopback.Error").path("properties").path("error").path("required").toString())
                .contains("statusCode", "name", "message");
    }

    @Test
    void noSecuritySchemeWithoutAccessTokenModels() {
        assertThat(doc.path("components").has("securitySchemes")).isFalse();
        assertThat(doc.has("security")).isFalse();
    }

    static Path fixture(String name) {
        try {
            return Path.of(OpenApiBuilderTest.class.getResource("/apps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAppWithAUserModelDocumentsTheAccessTokenHeader() {
        try (App withUsers = AppBooter.boot(fixture("members"), "test", Map.of())) {
            JsonNode members = Json.mapper().valueToTree(new OpenApiBuilder(withUsers, new Info().title("m").version("1")).build());
            JsonNode scheme = members.path("components").path("securitySchemes").path("AccessToken");
            assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
            assertThat(scheme.path("in").asText()).isEqualTo("header");
            assertThat(scheme.path("name").asText()).isEqualTo("Authorization");
            assertThat(members.path("security").toString()).isEqualTo("[{\"AccessToken\":[]},{}]");
        }
    }
}
