package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relation routes LoopBack 3 generates, for every relation type, with their statuses and bodies. */
class RelationRoutesHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;

    @BeforeAll
    static void boot() {
        app = AppUnderTest.bookstore(tempDir);
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private long create(String path, String json) {
        HttpClientSupport.Reply reply = http.post(path, json);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asLong();
    }

    // ---- hasMany

    @Test
    void hasManyCreateSetsTheForeignKeyWhateverTheBodySays() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        long other = create("/api/Authors", "{\"name\":\"Lem\"}");
        HttpClientSupport.Reply reply = http.post("/api/Authors/" + author + "/books",
                "{\"title\":\"Earthsea\",\"authorId\":" + other + "}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("authorId").asLong()).isEqualTo(author);
        assertThat(reply.json().get("title").asText()).isEqualTo("Earthsea");
        assertThat(http.get("/api/Authors/" + other + "/books").json().size()).isZero();
    }

    @Test
    void hasManyCreateWithAnArrayCreatesEach() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        HttpClientSupport.Reply reply = http.post("/api/Authors/" + author + "/books",
                "[{\"title\":\"A\"},{\"title\":\"B\"}]");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().size()).isEqualTo(2);
        assertThat(reply.json().get(1).get("authorId").asLong()).isEqualTo(author);
    }

    @Test
    void hasManyGetTakesAFilterAndCountTakesAWhere() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        for (String title : List.of("C", "A", "B")) {
            create("/api/Authors/" + author + "/books", "{\"title\":\"" + title + "\"}");
        }
        create("/api/Books", "{\"title\":\"Solaris\"}");
        JsonNode books = http.get("/api/Authors/" + author + "/books?filter="
                + q("{\"order\":\"title ASC\",\"limit\":2,\"fields\":[\"title\"]}")).json();
        assertThat(titles(books)).containsExactly("A", "B");
        assertThat(books.get(0).has("authorId")).isFalse();
        assertThat(http.get("/api/Authors/" + author + "/books?filter[where][title]=C").json().size()).isEqualTo(1);
        assertThat(http.get("/api/Authors/" + author + "/books/count").json().get("count").asLong()).isEqualTo(3);
        assertThat(http.get("/api/Authors/" + author + "/books/count?where=" + q("{\"title\":{\"inq\":[\"A\",\"B\"]}}"))
                .json().get("count").asLong()).isEqualTo(2);
    }

    @Test
    void hasManyFindUpdateAndDestroyById() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        long other = create("/api/Authors", "{\"name\":\"Lem\"}");
        long book = create("/api/Authors/" + author + "/books", "{\"title\":\"Earthsea\"}");
        long foreign = create("/api/Authors/" + other + "/books", "{\"title\":\"Solaris\"}");

        assertThat(http.get("/api/Authors/" + author + "/books/" + book).json().get("title").asText()).isEqualTo("Earthsea");
        HttpClientSupport.Reply miss = http.get("/api/Authors/" + author + "/books/" + foreign);
        assertThat(miss.status()).isEqualTo(404);
        assertThat(miss.error().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");

        HttpClientSupport.Reply updated = http.put("/api/Authors/" + author + "/books/" + book, "{\"price\":12}");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().get("price").asInt()).isEqualTo(12);
        assertThat(updated.json().get("title").asText()).isEqualTo("Earthsea");

        HttpClientSupport.Reply moved = http.put("/api/Authors/" + author + "/books/" + book,
                "{\"authorId\":" + other + "}");
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.error().get("message").asText()).contains("Cannot override foreign key authorId");

        assertThat(http.put("/api/Authors/" + author + "/books/" + foreign, "{\"price\":1}").status()).isEqualTo(404);
        assertThat(http.delete("/api/Authors/" + author + "/books/" + foreign).status()).isEqualTo(404);
        assertThat(http.delete("/api/Authors/" + author + "/books/" + book).status()).isEqualTo(204);
        assertThat(http.get("/api/Books/" + book).status()).isEqualTo(404);
        assertThat(http.get("/api/Books/" + foreign).status()).isEqualTo(200);
    }

    @Test
    void hasManyDeleteRemovesOnlyTheOwnersRecords() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        create("/api/Authors/" + author + "/books", "{\"title\":\"A\"}");
        create("/api/Authors/" + author + "/books", "{\"title\":\"B\"}");
        create("/api/Books", "{\"title\":\"Solaris\"}");
        assertThat(http.delete("/api/Authors/" + author + "/books").status()).isEqualTo(204);
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void destroyingAParentDoesNotDeleteItsChildren() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        create("/api/Authors/" + author + "/books", "{\"title\":\"A\"}");
        assertThat(http.delete("/api/Authors/" + author).json().get("count").asLong()).isEqualTo(1);
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void relationRoutesOfAMissingParentAre404() {
        HttpClientSupport.Reply reply = http.get("/api/Authors/999/books");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).isEqualTo("could not find a model with id 999");
        assertThat(http.post("/api/Authors/999/books", "{\"title\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void anUnknownRelationRouteIs404() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        assertThat(http.get("/api/Authors/" + author + "/novels").status()).isEqualTo(404);
    }

    @Test
    void relationScopeAppliesToRoutesAndCreate() {
        long book = create("/api/Books", "{\"title\":\"Dune\"}");
        for (int stars : new int[] {2, 5, 4}) {
            create("/api/Books/" + book + "/reviews", "{\"stars\":" + stars + "}");
        }
        JsonNode top = http.get("/api/Books/" + book + "/topReviews").json();
        assertThat(top.size()).isEqualTo(2);
        assertThat(top.get(0).get("stars").asInt()).isEqualTo(5);
        assertThat(http.get("/api/Books/" + book + "/topReviews/count").json().get("count").asLong()).isEqualTo(2);
        // an order from the caller wins over the scope's
        JsonNode asc = http.get("/api/Books/" + book + "/topReviews?filter=" + q("{\"order\":\"stars ASC\"}")).json();
        assertThat(asc.get(0).get("stars").asInt()).isEqualTo(4);
    }

    @Test
    void relationRoutesAreSharedMethodsWithLoopBackNames() {
        List<String> names = new ArrayList<>();
        app.app.sharedClass("Book").methods().forEach(m -> names.add(m.stringName()));
        assertThat(names).contains("prototype.__get__author", "prototype.__findById__reviews",
                "prototype.__destroyById__reviews", "prototype.__updateById__reviews", "prototype.__link__tags",
                "prototype.__unlink__tags", "prototype.__exists__tags", "prototype.__get__reviews",
                "prototype.__create__reviews", "prototype.__delete__reviews", "prototype.__count__reviews");
        assertThat(app.app.sharedClass("Author").methods().stream().map(m -> m.stringName()))
                .contains("prototype.__get__profile", "prototype.__create__profile", "prototype.__update__profile",
                        "prototype.__destroy__profile");
    }

    @Test
    void nestRemotingExposesTheRelatedModelsRelationRoutes() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        long other = create("/api/Authors", "{\"name\":\"Lem\"}");
        long book = create("/api/Authors/" + author + "/books", "{\"title\":\"Earthsea\"}");
        long foreign = create("/api/Authors/" + other + "/books", "{\"title\":\"Solaris\"}");
        String nested = "/api/Authors/" + author + "/books/" + book;
        HttpClientSupport.Reply review = http.post(nested + "/reviews", "{\"stars\":5}");
        assertThat(review.status()).as(review.text()).isEqualTo(200);
        assertThat(review.json().get("bookId").asLong()).isEqualTo(book);
        assertThat(http.get(nested + "/reviews").json().get(0).get("stars").asInt()).isEqualTo(5);
        assertThat(http.get(nested + "/reviews/count").json().get("count").asLong()).isEqualTo(1);
        assertThat(http.get(nested + "/author").json().get("name").asText()).isEqualTo("Le Guin");
        assertThat(http.get("/api/Authors/" + author + "/books/" + foreign + "/reviews").status()).isEqualTo(404);
        long tag = create("/api/Tags", "{\"name\":\"sf\"}");
        assertThat(http.put(nested + "/tags/rel/" + tag, null).status()).isEqualTo(200);
        assertThat(http.head(nested + "/tags/rel/" + tag).status()).isEqualTo(200);
        assertThat(http.head(nested + "/tags/rel/999").status()).isEqualTo(404);
        assertThat(app.app.sharedClass("Author").methods().stream().map(m -> m.stringName()))
                .contains("prototype.__get__books__reviews", "prototype.__create__books__reviews",
                        "prototype.__get__books__author");
    }

    @Test
    void relationMethodsCanBeDisabledByName() throws Exception {
        try (AppUnderTest own = AppUnderTest.bookstore(tempDir.resolve("disabled"))) {
            own.app.sharedClass("Author").disableRemoteMethodByName("prototype.__get__books");
            try (var server = own.app.listen("127.0.0.1", 0)) {
                HttpClientSupport client = new HttpClientSupport(server.uri());
                long author = client.post("/api/Authors", "{\"name\":\"x\"}").json().get("id").asLong();
                assertThat(client.get("/api/Authors/" + author + "/books").status()).isEqualTo(404);
                assertThat(client.get("/api/Authors/" + author + "/books/count").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void httpPathOptionRenamesTheRouteNotTheRelation() {
        long reader = create("/api/Readers", "{\"name\":\"Ann\"}");
        HttpClientSupport.Reply created = http.post("/api/Readers/" + reader + "/critiques", "{\"stars\":2}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().get("readerId").asLong()).isEqualTo(reader);
        assertThat(http.get("/api/Readers/" + reader + "/critiques/count").json().get("count").asLong()).isEqualTo(1);
        assertThat(http.get("/api/Readers/" + reader + "/reviews").status()).isEqualTo(404);
        assertThat(http.get("/api/Readers/" + reader + "?filter=" + q("{\"include\":\"reviews\"}"))
                .json().get("reviews").size()).isEqualTo(1);
    }

    // ---- belongsTo

    @Test
    void belongsToGetAnswersTheParentOrNull() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\",\"email\":\"u@x\",\"secret\":\"s\"}");
        long book = create("/api/Books", "{\"title\":\"Earthsea\",\"authorId\":" + author + "}");
        HttpClientSupport.Reply reply = http.get("/api/Books/" + book + "/author");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("name").asText()).isEqualTo("Le Guin");
        assertThat(reply.json().has("secret")).isFalse();

        long orphan = create("/api/Books", "{\"title\":\"Anonymous\"}");
        HttpClientSupport.Reply none = http.get("/api/Books/" + orphan + "/author");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.text()).isEqualTo("null");
    }

    // ---- hasOne

    @Test
    void hasOneRoutes() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        HttpClientSupport.Reply missing = http.get("/api/Authors/" + author + "/profile");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("message").asText()).isEqualTo("Unknown \"Profile\" id \"undefined\".");

        HttpClientSupport.Reply created = http.post("/api/Authors/" + author + "/profile", "{\"bio\":\"Poet\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().get("authorId").asLong()).isEqualTo(author);
        assertThat(http.post("/api/Authors/" + author + "/profile", "{\"bio\":\"Again\"}").status()).isEqualTo(409);

        HttpClientSupport.Reply updated = http.put("/api/Authors/" + author + "/profile", "{\"bio\":\"Novelist\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(http.get("/api/Authors/" + author + "/profile").json().get("bio").asText()).isEqualTo("Novelist");

        assertThat(http.delete("/api/Authors/" + author + "/profile").status()).isEqualTo(204);
        assertThat(http.get("/api/Profiles/count").json().get("count").asLong()).isZero();
        assertThat(http.put("/api/Authors/" + author + "/profile", "{\"bio\":\"x\"}").status()).isEqualTo(404);
    }

    // ---- hasMany through

    @Test
    void throughRelationLinkUnlinkExistsWithExtraProperties() {
        long book = create("/api/Books", "{\"title\":\"Dune\"}");
        long tag = create("/api/Tags", "{\"name\":\"sf\"}");
        HttpClientSupport.Reply link = http.put("/api/Books/" + book + "/tags/rel/" + tag, "{\"addedBy\":\"ann\"}");
        assertThat(link.status()).as(link.text()).isEqualTo(200);
        assertThat(link.json().get("bookId").asLong()).isEqualTo(book);
        assertThat(link.json().get("tagId").asLong()).isEqualTo(tag);
        assertThat(link.json().get("addedBy").asText()).isEqualTo("ann");
        // linking twice keeps one link
        assertThat(http.put("/api/Books/" + book + "/tags/rel/" + tag, null).status()).isEqualTo(200);
        assertThat(http.get("/api/BookTags/count").json().get("count").asLong()).isEqualTo(1);

        assertThat(http.head("/api/Books/" + book + "/tags/rel/" + tag).status()).isEqualTo(200);
        assertThat(http.get("/api/Books/" + book + "/tags").json().get(0).get("name").asText()).isEqualTo("sf");
        assertThat(http.get("/api/Tags/" + tag + "/books").json().get(0).get("title").asText()).isEqualTo("Dune");
        assertThat(http.get("/api/Books/" + book + "/tags/" + tag).status()).isEqualTo(200);

        assertThat(http.delete("/api/Books/" + book + "/tags/rel/" + tag).status()).isEqualTo(204);
        assertThat(http.head("/api/Books/" + book + "/tags/rel/" + tag).status()).isEqualTo(404);
        assertThat(http.get("/api/Books/" + book + "/tags/" + tag).status()).isEqualTo(404);
        assertThat(http.get("/api/Tags/" + tag).status()).as("unlink keeps the tag").isEqualTo(200);
        assertThat(http.put("/api/Books/" + book + "/tags/rel/999", null).status()).isEqualTo(404);
    }

    @Test
    void throughRelationCreateCountAndDestroy() {
        long book = create("/api/Books", "{\"title\":\"Dune\"}");
        long tag = create("/api/Books/" + book + "/tags", "{\"name\":\"sf\"}");
        create("/api/Books/" + book + "/tags", "{\"name\":\"classic\"}");
        create("/api/Tags", "{\"name\":\"unlinked\"}");
        assertThat(http.get("/api/BookTags/count").json().get("count").asLong()).isEqualTo(2);
        assertThat(http.get("/api/Books/" + book + "/tags/count").json().get("count").asLong()).isEqualTo(2);
        assertThat(http.get("/api/Books/" + book + "/tags/count?where[name]=sf").json().get("count").asLong())
                .isEqualTo(1);

        assertThat(http.delete("/api/Books/" + book + "/tags/" + tag).status()).isEqualTo(204);
        assertThat(http.get("/api/Tags/" + tag).status()).isEqualTo(404);
        assertThat(http.get("/api/BookTags/count").json().get("count").asLong()).isEqualTo(1);

        assertThat(http.delete("/api/Books/" + book + "/tags").status()).isEqualTo(204);
        assertThat(http.get("/api/Tags/count").json().get("count").asLong()).isEqualTo(1);
        assertThat(http.get("/api/BookTags/count").json().get("count").asLong()).isZero();
    }

    @Test
    void hasAndBelongsToManyUsesAGeneratedThroughModel() {
        long book = create("/api/Books", "{\"title\":\"Dune\"}");
        long reader = create("/api/Readers", "{\"name\":\"Ann\",\"password\":\"pw\"}");
        assertThat(http.put("/api/Books/" + book + "/readers/rel/" + reader, null).status()).isEqualTo(200);
        JsonNode readers = http.get("/api/Books/" + book + "/readers").json();
        assertThat(readers.size()).isEqualTo(1);
        assertThat(readers.get(0).has("password")).isFalse();
        assertThat(app.app.model("BookReader").count(null)).isEqualTo(1);
        assertThat(app.app.model("BookReader").find().get(0).get("readerId")).isEqualTo(reader);
    }

    // ---- referencesMany

    @Test
    void referencesManyKeepsIdsOnTheOwner() {
        long shelf = create("/api/Shelves", "{\"label\":\"top\"}");
        long a = create("/api/Books", "{\"title\":\"A\"}");
        long b = create("/api/Books", "{\"title\":\"B\"}");
        assertThat(http.put("/api/Shelves/" + shelf + "/books/rel/" + b, null).status()).isEqualTo(200);
        assertThat(http.put("/api/Shelves/" + shelf + "/books/rel/" + a, null).status()).isEqualTo(200);
        assertThat(http.get("/api/Shelves/" + shelf).json().get("bookIds").toString()).isEqualTo("[" + b + "," + a + "]");
        assertThat(titles(http.get("/api/Shelves/" + shelf + "/books").json())).containsExactly("B", "A");
        assertThat(http.head("/api/Shelves/" + shelf + "/books/rel/" + a).status()).isEqualTo(200);
        long c = create("/api/Shelves/" + shelf + "/books", "{\"title\":\"C\"}");
        assertThat(http.get("/api/Shelves/" + shelf + "/books/count").json().get("count").asLong()).isEqualTo(3);
        assertThat(http.delete("/api/Shelves/" + shelf + "/books/rel/" + a).status()).isEqualTo(204);
        assertThat(http.head("/api/Shelves/" + shelf + "/books/rel/" + a).status()).isEqualTo(404);
        assertThat(http.get("/api/Shelves/" + shelf + "/books/" + c).json().get("title").asText()).isEqualTo("C");
        assertThat(http.get("/api/Shelves/" + shelf + "/books/" + a).status()).isEqualTo(404);
    }

    // ---- polymorphic

    @Test
    void polymorphicRelations() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        long book = create("/api/Books", "{\"title\":\"Dune\"}");
        HttpClientSupport.Reply portrait = http.post("/api/Authors/" + author + "/pictures", "{\"url\":\"p.png\"}");
        assertThat(portrait.status()).as(portrait.text()).isEqualTo(200);
        assertThat(portrait.json().get("imageableId").asLong()).isEqualTo(author);
        assertThat(portrait.json().get("imageableType").asText()).isEqualTo("Author");
        long cover = create("/api/Pictures", "{\"url\":\"c.png\",\"imageableId\":" + book + ",\"imageableType\":\"Book\"}");
        assertThat(http.get("/api/Authors/" + author + "/pictures").json().size()).isEqualTo(1);
        assertThat(http.get("/api/Pictures/" + cover + "/imageable").json().get("title").asText()).isEqualTo("Dune");
        long portraitId = portrait.json().get("id").asLong();
        assertThat(http.get("/api/Pictures/" + portraitId + "/imageable").json().get("name").asText()).isEqualTo("Le Guin");

        JsonNode pictures = http.get("/api/Pictures?filter=" + q("{\"include\":\"imageable\",\"order\":\"id ASC\"}")).json();
        assertThat(pictures.get(0).get("imageable").get("name").asText()).isEqualTo("Le Guin");
        assertThat(pictures.get(1).get("imageable").get("title").asText()).isEqualTo("Dune");
    }

    // ---- embeds

    @Test
    void embedsOneRoutes() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        assertThat(http.get("/api/Authors/" + author + "/homeAddress").status()).isEqualTo(404);
        HttpClientSupport.Reply created = http.post("/api/Authors/" + author + "/homeAddress",
                "{\"street\":\"1 Main\",\"city\":\"Portland\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(http.get("/api/Authors/" + author).json().get("home").get("street").asText()).isEqualTo("1 Main");
        assertThat(http.post("/api/Authors/" + author + "/homeAddress", "{\"city\":\"x\"}").status()).isEqualTo(422);
        HttpClientSupport.Reply updated = http.put("/api/Authors/" + author + "/homeAddress", "{\"city\":\"Salem\"}");
        assertThat(updated.json().get("street").asText()).isEqualTo("1 Main");
        assertThat(updated.json().get("city").asText()).isEqualTo("Salem");
        assertThat(http.delete("/api/Authors/" + author + "/homeAddress").status()).isEqualTo(204);
        assertThat(http.get("/api/Authors/" + author + "/homeAddress").status()).isEqualTo(404);
    }

    @Test
    void embedsManyRoutes() {
        long author = create("/api/Authors", "{\"name\":\"Le Guin\"}");
        HttpClientSupport.Reply first = http.post("/api/Authors/" + author + "/links",
                "{\"url\":\"https://a\",\"token\":\"t\"}");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().get("id").asLong()).isEqualTo(1);
        assertThat(first.json().has("token")).isFalse();
        assertThat(http.post("/api/Authors/" + author + "/links", "{\"url\":\"https://b\"}").json().get("id").asLong())
                .isEqualTo(2);
        assertThat(http.post("/api/Authors/" + author + "/links", "{}").status()).isEqualTo(422);

        assertThat(http.get("/api/Authors/" + author + "/links").json().size()).isEqualTo(2);
        assertThat(http.get("/api/Authors/" + author + "/links?filter[where][url]=https://b").json().size()).isEqualTo(1);
        assertThat(http.get("/api/Authors/" + author + "/links/count").json().get("count").asLong()).isEqualTo(2);
        assertThat(http.get("/api/Authors/" + author + "/links/2").json().get("url").asText()).isEqualTo("https://b");
        assertThat(http.put("/api/Authors/" + author + "/links/2", "{\"url\":\"https://c\"}").json().get("url").asText())
                .isEqualTo("https://c");
        assertThat(http.get("/api/Authors/" + author + "/links/9").status()).isEqualTo(404);
        assertThat(http.delete("/api/Authors/" + author + "/links/1").status()).isEqualTo(204);
        assertThat(http.get("/api/Authors/" + author).json().get("socialLinks").size()).isEqualTo(1);
        assertThat(http.delete("/api/Authors/" + author + "/links").status()).isEqualTo(204);
        assertThat(http.get("/api/Authors/" + author + "/links/count").json().get("count").asLong()).isZero();
    }

    static List<String> titles(JsonNode books) {
        List<String> titles = new ArrayList<>();
        books.forEach(b -> titles.add(b.get("title").asText()));
        return titles;
    }
}
