package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every route of LoopBack 3's predefined CRUD table, over HTTP, with exact statuses and bodies. */
class CrudRoutesHttpTest extends LibraryHttpTest {

    private long createBook(String json) {
        HttpClientSupport.Reply reply = http.post("/api/Books", json);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asLong();
    }

    @Test
    void createReturns200WithTheStoredInstanceAndGeneratedId() {
        HttpClientSupport.Reply reply = http.post("/api/Books",
                "{\"title\":\"Dune\",\"price\":\"9.5\",\"published\":\"1965-08-01T00:00:00Z\",\"secret\":\"s\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode book = reply.json();
        assertThat(book.get("id").asLong()).isPositive();
        assertThat(book.get("title").asText()).isEqualTo("Dune");
        assertThat(book.get("price").asDouble()).isEqualTo(9.5);
        assertThat(book.get("published").asText()).isEqualTo("1965-08-01T00:00:00.000Z");
        assertThat(book.get("inStock").asBoolean()).isTrue();
        assertThat(book.has("secret")).as("hidden property").isFalse();
    }

    @Test
    void createWithAnArrayCreatesMany() {
        HttpClientSupport.Reply reply = http.post("/api/Books", "[{\"title\":\"A\"},{\"title\":\"B\"}]");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().size()).isEqualTo(2);
        assertThat(reply.json().get(1).get("title").asText()).isEqualTo("B");
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isEqualTo(2);
    }

    @Test
    void createWithAnArrayWritesNothingWhenOneItemIsInvalid() {
        HttpClientSupport.Reply reply = http.post("/api/Books", "[{\"title\":\"A\"},{\"author\":\"nobody\"}]");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isZero();
    }

    @Test
    void findByIdAndItsMiss() {
        long id = createBook("{\"title\":\"Dune\"}");
        HttpClientSupport.Reply found = http.get("/api/Books/" + id);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("title").asText()).isEqualTo("Dune");

        HttpClientSupport.Reply miss = http.get("/api/Books/999");
        assertThat(miss.status()).isEqualTo(404);
        assertThat(miss.error().get("statusCode").asInt()).isEqualTo(404);
        assertThat(miss.error().get("name").asText()).isEqualTo("Error");
        assertThat(miss.error().get("message").asText()).isEqualTo("Unknown \"Book\" id \"999\".");
        assertThat(miss.error().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");
    }

    @Test
    void findByIdWithANonNumericIdIsAMiss() {
        HttpClientSupport.Reply miss = http.get("/api/Books/abc");
        assertThat(miss.status()).isEqualTo(404);
        assertThat(miss.error().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");
    }

    @Test
    void findByIdHonoursFieldsFilter() {
        long id = createBook("{\"title\":\"Dune\",\"author\":\"Herbert\"}");
        JsonNode book = http.get("/api/Books/" + id + "?filter=" + q("{\"fields\":{\"title\":true}}")).json();
        assertThat(book.has("title")).isTrue();
        assertThat(book.has("author")).isFalse();
    }

    @Test
    void existsOnGetAndHead() {
        long id = createBook("{\"title\":\"Dune\"}");
        assertThat(http.get("/api/Books/" + id + "/exists").json().get("exists").asBoolean()).isTrue();
        assertThat(http.get("/api/Books/999/exists").json().get("exists").asBoolean()).isFalse();
        assertThat(http.head("/api/Books/" + id).status()).isEqualTo(200);
        assertThat(http.head("/api/Books/999").status()).isEqualTo(404);
    }

    @Test
    void findReturnsAnArrayAndFindOneTheFirstMatch() {
        createBook("{\"title\":\"A\",\"price\":3}");
        createBook("{\"title\":\"B\",\"price\":1}");
        assertThat(http.get("/api/Books").json().size()).isEqualTo(2);
        HttpClientSupport.Reply one = http.get("/api/Books/findOne?filter=" + q("{\"order\":\"price ASC\"}"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("title").asText()).isEqualTo("B");

        HttpClientSupport.Reply miss = http.get("/api/Books/findOne?filter[where][title]=Z");
        assertThat(miss.status()).isEqualTo(404);
        assertThat(miss.error().get("message").asText()).isEqualTo("Unknown \"Book\" id \"undefined\".");
        assertThat(miss.error().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");
    }

    @Test
    void countWithAndWithoutWhere() {
        createBook("{\"title\":\"A\",\"price\":3}");
        createBook("{\"title\":\"B\",\"price\":1}");
        assertThat(http.get("/api/Books/count").json().toString()).isEqualTo("{\"count\":2}");
        assertThat(http.get("/api/Books/count?where=" + q("{\"price\":{\"gt\":2}}")).json().toString())
                .isEqualTo("{\"count\":1}");
        assertThat(http.get("/api/Books/count?where[price][gt]=2").json().toString()).isEqualTo("{\"count\":1}");
    }

    @Test
    void deleteByIdReturnsTheCount() {
        long id = createBook("{\"title\":\"A\"}");
        HttpClientSupport.Reply deleted = http.delete("/api/Books/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("{\"count\":1}");
        assertThat(http.delete("/api/Books/" + id).json().toString()).isEqualTo("{\"count\":0}");
    }

    @Test
    void deleteOfTheCollectionIsNotExposed() {
        createBook("{\"title\":\"A\"}");
        HttpClientSupport.Reply reply = http.delete("/api/Books");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).isEqualTo("Shared class \"Book\" has no method handling DELETE /");
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void patchAttributesMergesAndValidates() {
        long id = createBook("{\"title\":\"A\",\"author\":\"X\"}");
        HttpClientSupport.Reply patched = http.patch("/api/Books/" + id, "{\"price\":5}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("author").asText()).isEqualTo("X");
        assertThat(patched.json().get("price").asInt()).isEqualTo(5);

        HttpClientSupport.Reply invalid = http.patch("/api/Books/" + id, "{\"title\":\"\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(http.get("/api/Books/" + id).json().get("title").asText()).isEqualTo("A");

        HttpClientSupport.Reply miss = http.patch("/api/Books/999", "{\"price\":5}");
        assertThat(miss.status()).isEqualTo(404);
        // the message of LoopBack 3's shared constructor, which loads the instance of /Books/:id methods
        assertThat(miss.error().get("message").asText()).isEqualTo("could not find a model with id 999");
        assertThat(miss.error().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");
    }

    @Test
    void putReplacesById() {
        long id = createBook("{\"title\":\"A\",\"author\":\"X\"}");
        HttpClientSupport.Reply replaced = http.put("/api/Books/" + id, "{\"title\":\"B\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("title").asText()).isEqualTo("B");
        assertThat(replaced.json().has("author")).isFalse();
        assertThat(replaced.json().get("id").asLong()).isEqualTo(id);

        HttpClientSupport.Reply viaPost = http.post("/api/Books/" + id + "/replace", "{\"title\":\"C\"}");
        assertThat(viaPost.status()).isEqualTo(200);
        assertThat(http.get("/api/Books/" + id).json().get("title").asText()).isEqualTo("C");
        assertThat(http.put("/api/Books/999", "{\"title\":\"B\"}").status()).isEqualTo(404);
    }

    @Test
    void idCannotBeChangedByReplaceOrPatch() {
        long id = createBook("{\"title\":\"A\"}");
        assertThat(http.put("/api/Books/" + id, "{\"id\":77,\"title\":\"B\"}").status()).isEqualTo(400);
        assertThat(http.patch("/api/Books/" + id, "{\"id\":77}").status()).isEqualTo(400);
        assertThat(http.get("/api/Books/77").status()).isEqualTo(404);
    }

    @Test
    void putOnCollectionReplacesOrCreates() {
        HttpClientSupport.Reply created = http.put("/api/Books", "{\"title\":\"A\",\"author\":\"X\"}");
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("id").asLong();
        HttpClientSupport.Reply replaced = http.put("/api/Books", "{\"id\":" + id + ",\"title\":\"B\"}");
        assertThat(replaced.json().has("author")).isFalse();
        HttpClientSupport.Reply viaPost = http.post("/api/Books/replaceOrCreate", "{\"id\":" + id + ",\"title\":\"C\"}");
        assertThat(viaPost.json().get("title").asText()).isEqualTo("C");
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void patchOnCollectionPatchesOrCreates() {
        HttpClientSupport.Reply created = http.patch("/api/Books", "{\"title\":\"A\",\"author\":\"X\"}");
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("id").asLong();
        HttpClientSupport.Reply patched = http.patch("/api/Books", "{\"id\":" + id + ",\"price\":2}");
        assertThat(patched.json().get("author").asText()).isEqualTo("X");
        assertThat(patched.json().get("price").asInt()).isEqualTo(2);
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void replaceOnPutFalseMakesPutPatch() {
        HttpClientSupport.Reply created = http.post("/api/Notes", "{\"text\":\"a\",\"rank\":1}");
        long id = created.json().get("id").asLong();
        HttpClientSupport.Reply put = http.put("/api/Notes/" + id, "{\"rank\":2}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("text").asText()).as("PUT patches").isEqualTo("a");
        assertThat(http.put("/api/Notes", "{\"id\":" + id + ",\"rank\":3}").json().get("text").asText()).isEqualTo("a");
        // replace stays reachable through its POST route
        assertThat(http.post("/api/Notes/" + id + "/replace", "{\"rank\":4}").json().has("text")).isFalse();
    }

    @Test
    void updateAllReturnsTheCount() {
        createBook("{\"title\":\"A\",\"price\":1}");
        createBook("{\"title\":\"B\",\"price\":5}");
        HttpClientSupport.Reply updated = http.post("/api/Books/update?where=" + q("{\"price\":{\"lt\":3}}"),
                "{\"author\":\"cheap\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().toString()).isEqualTo("{\"count\":1}");
        assertThat(http.get("/api/Books/count?where[author]=cheap").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void upsertWithWhereUpdatesTheOneMatchOrCreates() {
        long id = createBook("{\"title\":\"A\",\"price\":1}");
        HttpClientSupport.Reply updated = http.post("/api/Books/upsertWithWhere?where=" + q("{\"title\":\"A\"}"),
                "{\"price\":7}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("id").asLong()).isEqualTo(id);
        assertThat(updated.json().get("price").asInt()).isEqualTo(7);
        HttpClientSupport.Reply created = http.post("/api/Books/upsertWithWhere?where=" + q("{\"title\":\"Z\"}"),
                "{\"title\":\"Z\"}");
        assertThat(created.json().get("id").asLong()).isNotEqualTo(id);
        createBook("{\"title\":\"Z\"}");
        HttpClientSupport.Reply ambiguous = http.post("/api/Books/upsertWithWhere?where=" + q("{\"title\":\"Z\"}"),
                "{\"price\":1}");
        assertThat(ambiguous.status()).isEqualTo(400);
    }

    @Test
    void routesMatchCaseInsensitivelyAndIgnoreATrailingSlash() {
        createBook("{\"title\":\"A\"}");
        assertThat(http.get("/api/books").status()).isEqualTo(200);
        assertThat(http.get("/API/BOOKS/").json().size()).isEqualTo(1);
        assertThat(http.get("/api/books/COUNT").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void pluralsAndHttpPathNameTheRoutes() {
        assertThat(http.post("/api/people", "{\"name\":\"Ada\"}").status()).isEqualTo(200);
        assertThat(http.get("/api/people").json().size()).isEqualTo(1);
        assertThat(http.post("/api/gadgets", "{\"label\":\"x\"}").status()).isEqualTo(200);
        assertThat(http.get("/api/Widgets").status()).isEqualTo(404);
    }

    @Test
    void aNonPublicModelHasNoRoutes() {
        HttpClientSupport.Reply reply = http.get("/api/Ledgers");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).isEqualTo("There is no method to handle GET /Ledgers");
    }

    @Test
    void unknownPathsOutsideTheRestRoot() {
        HttpClientSupport.Reply reply = http.get("/nowhere");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).isEqualTo("Cannot GET /nowhere");
    }
}
