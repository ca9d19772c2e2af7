package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include} in every form, its output shape, scopes, hidden data, bad input, and its query count. */
class IncludeHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;

    long leGuin;
    long lem;
    long earthsea;
    long solaris;
    long orphan;
    long ann;

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
    void seed() {
        app.reset();
        leGuin = create("/api/Authors", "{\"name\":\"Le Guin\",\"email\":\"ursula@x\",\"secret\":\"s1\"}");
        lem = create("/api/Authors", "{\"name\":\"Lem\",\"email\":\"stan@x\",\"secret\":\"s2\"}");
        earthsea = create("/api/Authors/" + leGuin + "/books", "{\"title\":\"Earthsea\",\"isbn\":\"111\"}");
        create("/api/Authors/" + leGuin + "/books", "{\"title\":\"Dispossessed\"}");
        create("/api/Authors/" + leGuin + "/books", "{\"title\":\"Lathe\"}");
        solaris = create("/api/Authors/" + lem + "/books", "{\"title\":\"Solaris\"}");
        orphan = create("/api/Books", "{\"title\":\"Beowulf\"}");
        ann = create("/api/Readers", "{\"name\":\"Ann\",\"password\":\"pw\"}");
        create("/api/Books/" + earthsea + "/reviews", "{\"stars\":5,\"readerId\":" + ann + "}");
        create("/api/Books/" + earthsea + "/reviews", "{\"stars\":3,\"readerId\":" + ann + "}");
        create("/api/Books/" + solaris + "/reviews", "{\"stars\":4}");
    }

    private long create(String path, String json) {
        HttpClientSupport.Reply reply = http.post(path, json);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asLong();
    }

    private JsonNode find(String path, String filter) {
        HttpClientSupport.Reply reply = http.get(path + "?filter=" + q(filter));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode byTitle(JsonNode books, String title) {
        for (JsonNode book : books) {
            if (book.path("title").asText().equals(title)) {
                return book;
            }
        }
        throw new AssertionError("no book " + title + " in " + books);
    }

    // ---- shapes and forms

    @Test
    void belongsToIsAnObjectOrNull() {
        JsonNode books = find("/api/Books", "{\"include\":\"author\"}");
        assertThat(byTitle(books, "Earthsea").get("author").get("name").asText()).isEqualTo("Le Guin");
        assertThat(byTitle(books, "Beowulf").has("author")).isTrue();
        assertThat(byTitle(books, "Beowulf").get("author").isNull()).isTrue();
    }

    @Test
    void hasManyIsAnArrayEvenWhenEmpty() {
        JsonNode authors = find("/api/Authors", "{\"include\":[\"books\",\"profile\"],\"order\":\"id ASC\"}");
        assertThat(authors.get(0).get("books").size()).isEqualTo(3);
        assertThat(authors.get(1).get("books").size()).isEqualTo(1);
        assertThat(authors.get(0).get("profile").isNull()).isTrue();
        JsonNode lonely = find("/api/Books/" + orphan, "{\"include\":\"reviews\"}");
        assertThat(lonely.get("reviews").isArray()).isTrue();
        assertThat(lonely.get("reviews").size()).isZero();
    }

    @Test
    void nestedObjectAndMixedArrayForms() {
        JsonNode authors = find("/api/Authors", "{\"include\":{\"books\":{\"reviews\":\"reader\"}},\"order\":\"id ASC\"}");
        JsonNode earthseaBook = byTitle(authors.get(0).get("books"), "Earthsea");
        assertThat(earthseaBook.get("reviews").size()).isEqualTo(2);
        assertThat(earthseaBook.get("reviews").get(0).get("reader").get("name").asText()).isEqualTo("Ann");
        assertThat(earthseaBook.get("reviews").get(0).get("reader").has("password")).isFalse();

        JsonNode books = find("/api/Books", "{\"include\":[\"author\",{\"reviews\":[\"reader\",\"book\"]}]}");
        JsonNode solarisBook = byTitle(books, "Solaris");
        assertThat(solarisBook.get("author").get("name").asText()).isEqualTo("Lem");
        assertThat(solarisBook.get("reviews").get(0).get("reader").isNull()).isTrue();
        assertThat(solarisBook.get("reviews").get(0).get("book").get("title").asText()).isEqualTo("Solaris");
    }

    @Test
    void queryStringFormsWork() {
        JsonNode books = http.get("/api/Books?filter[include]=author&filter[where][title]=Solaris").json();
        assertThat(books.get(0).get("author").get("name").asText()).isEqualTo("Lem");
        JsonNode nested = http.get("/api/Books?filter[include][reviews]=reader&filter[where][title]=Earthsea").json();
        assertThat(nested.get(0).get("reviews").get(0).get("reader").get("name").asText()).isEqualTo("Ann");
    }

    @Test
    void scopeWhereOrderFieldsLimitSkipAndIncludeApplyPerParent() {
        JsonNode authors = find("/api/Authors", "{\"order\":\"id ASC\",\"include\":{\"relation\":\"books\",\"scope\":"
                + "{\"where\":{\"title\":{\"neq\":\"Lathe\"}},\"order\":\"title DESC\",\"fields\":[\"title\"],"
                + "\"limit\":1,\"skip\":0,\"include\":\"reviews\"}}}");
        JsonNode first = authors.get(0).get("books");
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.get(0).get("title").asText()).isEqualTo("Earthsea");
        assertThat(first.get(0).has("authorId")).as("join key fetched, then removed").isFalse();
        assertThat(first.get(0).has("id")).as("fields honoured").isFalse();
        assertThat(first.get(0).get("reviews").size()).isEqualTo(2);
        // the limit is per parent: Lem still gets his book
        assertThat(authors.get(1).get("books").get(0).get("title").asText()).isEqualTo("Solaris");

        JsonNode skipped = find("/api/Authors/" + leGuin, "{\"include\":{\"relation\":\"books\",\"scope\":"
                + "{\"order\":\"title ASC\",\"skip\":1,\"limit\":1}}}");
        assertThat(skipped.get("books").get(0).get("title").asText()).isEqualTo("Earthsea");
    }

    @Test
    void fieldsThatOmitTheJoinKeyStillInclude() {
        JsonNode books = find("/api/Books", "{\"fields\":[\"title\"],\"include\":\"author\",\"where\":{\"title\":\"Solaris\"}}");
        assertThat(books.get(0).get("author").get("name").asText()).isEqualTo("Lem");
        assertThat(books.get(0).has("authorId")).isFalse();
        assertThat(books.get(0).has("id")).isFalse();
        JsonNode authors = find("/api/Authors", "{\"fields\":{\"id\":false},\"include\":\"books\",\"where\":{\"name\":\"Lem\"}}");
        assertThat(authors.get(0).has("id")).isFalse();
        assertThat(authors.get(0).get("books").size()).isEqualTo(1);
    }

    @Test
    void findOneFindByIdAndRelationGetsInclude() {
        JsonNode one = find("/api/Books/findOne", "{\"where\":{\"title\":\"Earthsea\"},\"include\":\"author\"}");
        assertThat(one.get("author").get("name").asText()).isEqualTo("Le Guin");
        JsonNode byId = find("/api/Authors/" + lem, "{\"include\":\"books\"}");
        assertThat(byId.get("books").get(0).get("title").asText()).isEqualTo("Solaris");
        JsonNode related = find("/api/Authors/" + leGuin + "/books", "{\"include\":\"reviews\",\"order\":\"title ASC\"}");
        assertThat(byTitle(related, "Earthsea").get("reviews").size()).isEqualTo(2);
    }

    @Test
    void relationScopeMergesWithTheIncludeScope() {
        JsonNode book = find("/api/Books/" + earthsea, "{\"include\":\"topReviews\"}");
        assertThat(book.get("topReviews").size()).isEqualTo(1);
        assertThat(book.get("topReviews").get(0).get("stars").asInt()).isEqualTo(5);
    }

    @Test
    void throughHabtmReferencesManyAndEmbedsInclude() {
        long tag = create("/api/Books/" + earthsea + "/tags", "{\"name\":\"fantasy\"}");
        http.put("/api/Books/" + solaris + "/tags/rel/" + tag, null);
        http.put("/api/Books/" + earthsea + "/readers/rel/" + ann, null);
        long shelf = create("/api/Shelves", "{\"label\":\"top\"}");
        http.put("/api/Shelves/" + shelf + "/books/rel/" + solaris, null);
        http.put("/api/Shelves/" + shelf + "/books/rel/" + earthsea, null);
        http.post("/api/Authors/" + lem + "/links", "{\"url\":\"https://lem\",\"token\":\"t\"}");

        JsonNode books = find("/api/Books", "{\"include\":[\"tags\",\"readers\"]}");
        assertThat(byTitle(books, "Earthsea").get("tags").get(0).get("name").asText()).isEqualTo("fantasy");
        assertThat(byTitle(books, "Solaris").get("tags").get(0).get("name").asText()).isEqualTo("fantasy");
        assertThat(byTitle(books, "Lathe").get("tags").size()).isZero();
        assertThat(byTitle(books, "Earthsea").get("readers").get(0).has("password")).isFalse();

        JsonNode shelfJson = find("/api/Shelves/" + shelf, "{\"include\":\"books\"}");
        assertThat(RelationRoutesHttpTest.titles(shelfJson.get("books"))).containsExactly("Solaris", "Earthsea");

        JsonNode lemJson = find("/api/Authors/" + lem, "{\"include\":\"links\"}");
        assertThat(lemJson.get("links").get(0).get("url").asText()).isEqualTo("https://lem");
        assertThat(lemJson.get("links").get(0).has("token")).isFalse();
    }

    @Test
    void hiddenAndProtectedPropertiesStayOutOfIncludedData() {
        JsonNode author = http.get("/api/Authors/" + leGuin).json();
        assertThat(author.get("email").asText()).as("protected is shown at the top level").isEqualTo("ursula@x");
        assertThat(author.has("secret")).isFalse();
        JsonNode book = find("/api/Books/" + earthsea, "{\"include\":\"author\"}");
        assertThat(book.get("author").has("email")).isFalse();
        assertThat(book.get("author").has("secret")).isFalse();
        assertThat(book.has("isbn")).isFalse();
        JsonNode deep = find("/api/Authors/" + leGuin, "{\"include\":{\"books\":\"author\"}}");
        assertThat(deep.get("books").get(0).has("isbn")).isFalse();
        assertThat(deep.get("books").get(0).get("author").has("email")).isFalse();
    }

    @Test
    void disableIncludeSkipsTheRelation() {
        JsonNode book = find("/api/Books/" + earthsea, "{\"include\":[\"hiddenReviews\",\"author\"]}");
        assertThat(book.has("hiddenReviews")).isFalse();
        assertThat(book.get("author").get("name").asText()).isEqualTo("Le Guin");
    }

    // ---- bad input

    @Test
    void unknownRelationsAre400NamingTheModelsRelations() {
        HttpClientSupport.Reply reply = http.get("/api/Books?filter=" + q("{\"include\":\"writer\"}"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asText()).isEqualTo("RELATION_NOT_FOUND");
        assertThat(reply.error().get("message").asText())
                .startsWith("Relation \"writer\" is not defined for Book model")
                .contains("author, reviews, topReviews, tags, readers, hiddenReviews");
        HttpClientSupport.Reply nested = http.get("/api/Books?filter=" + q("{\"include\":{\"reviews\":\"critic\"}}"));
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.error().get("message").asText()).contains("for Review model").contains("book, reader");
        assertThat(http.get("/api/Authors/" + leGuin + "/books?filter=" + q("{\"include\":\"nope\"}")).status())
                .isEqualTo(400);
    }

    @Test
    void includesTooDeepOrTooManyAre400() {
        StringBuilder deep = new StringBuilder("\"author\"");
        for (int level = 0; level < 8; level++) {
            deep.insert(0, level % 2 == 0 ? "{\"books\":" : "{\"author\":").append('}');
        }
        HttpClientSupport.Reply tooDeep = http.get("/api/Books?filter=" + q("{\"include\":" + deep + "}"));
        assertThat(tooDeep.status()).as(tooDeep.text()).isEqualTo(400);
        assertThat(tooDeep.error().get("code").asText()).isEqualTo("INCLUDE_TOO_DEEP");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add("\"author\"");
        }
        HttpClientSupport.Reply tooMany = http.get("/api/Books?filter=" + q("{\"include\":[" + String.join(",", many) + "]}"));
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Test
    void hostileScopesAre400() {
        assertThat(http.get("/api/Books?filter=" + q("{\"include\":{\"relation\":\"author\",\"scope\":{\"where\":{\"secret\":\"s1\"}}}}"))
                .error().get("code").asText()).isEqualTo("PROPERTY_NOT_ALLOWED_IN_QUERY");
        assertThat(http.get("/api/Books?filter=" + q("{\"include\":{\"relation\":\"author\",\"scope\":{\"where\":{\"$where\":\"1\"}}}}"))
                .status()).isEqualTo(400);
        assertThat(http.get("/api/Books?filter=" + q("{\"include\":{\"relation\":\"reviews\",\"scope\":{\"limit\":-1}}}"))
                .status()).isEqualTo(400);
        assertThat(http.get("/api/Books?filter=" + q("{\"include\":{\"relation\":\"reviews\",\"scope\":\"x\"}}"))
                .status()).isEqualTo(400);
        assertThat(http.get("/api/Authors/" + leGuin + "/books?filter=" + q("{\"where\":{\"isbn\":\"111\"}}"))
                .status()).isEqualTo(400);
    }

    // ---- no N+1

    @Test
    void eachIncludeLevelCostsOneQueryWhateverTheNumberOfParents() {
        CountingConnectorFactory.CountingConnector db =
                (CountingConnectorFactory.CountingConnector) app.app.dataSource("db").connector();
        String filter = "{\"include\":[{\"books\":[\"reviews\",\"tags\"]},\"profile\"]}";
        create("/api/Books/" + earthsea + "/tags", "{\"name\":\"fantasy\"}");

        db.resetCount();
        find("/api/Authors", filter);
        long few = db.reads();

        List<Map<String, Object>> authors = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            authors.add(Map.of("name", "author " + i));
        }
        List<Map<String, Object>> books = new ArrayList<>();
        for (var author : app.app.model("Author").create(authors)) {
            Map<String, Object> book = new LinkedHashMap<>();
            book.put("title", "book of " + author.get("name"));
            book.put("authorId", author.id());
            books.add(book);
        }
        app.app.model("Book").create(books);

        db.resetCount();
        JsonNode all = find("/api/Authors", filter);
        assertThat(all.size()).isEqualTo(1002);
        assertThat(all.get(1001).get("books").size()).isEqualTo(1);
        // authors, books, reviews, book-tag links, tags, profiles
        assertThat(db.reads()).isEqualTo(6).isEqualTo(few);

        db.resetCount();
        find("/api/Books", "{\"include\":\"author\"}");
        assertThat(db.reads()).isEqualTo(2);
    }
}
