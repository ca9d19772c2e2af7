package dev.backloop.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.DataSourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryFileTest {
    @TempDir
    Path dir;

    private final ModelDefinition book = Models.book();

    private MemoryConnector open(Path base, String file, ModelDefinition... models) {
        MemoryConnector connector = new MemoryConnector(new DataSourceSettings("db", "memory", Map.of("file", file), base));
        for (ModelDefinition model : models) {
            connector.define(model);
        }
        connector.start();
        return connector;
    }

    private static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void missingFileIsAnEmptyStoreAndIsCreatedWithItsFolderOnFirstWrite() {
        Path file = dir.resolve("data/nested/db.json");
        MemoryConnector connector = open(dir, "data/nested/db.json", book);
        assertThat(connector.find(book, Filter.ALL)).isEmpty();
        assertThat(file).doesNotExist();
        connector.create(book, data("title", "a"));
        assertThat(file).exists();
        connector.close();
    }

    @Test
    void writesLoopBacksExactFormat() throws IOException {
        MemoryConnector connector = open(dir, "db.json", book, Models.author());
        connector.create(book, data("title", "Tehanu \"4\"", "published", Instant.parse("2026-11-23T03:21:37Z"),
                "meta", data("pages", 252, "ratio", 2.0), "price", 9.5));
        connector.close();
        assertThat(Files.readString(dir.resolve("db.json"))).isEqualTo("""
                {
                  "ids": {
                    "Book": 2,
                    "Author": 1
                  },
                  "models": {
                    "Book": {
                      "1": "{\\"title\\":\\"Tehanu \\\\\\"4\\\\\\"\\",\\"published\\":\\"2026-11-23T03:21:37.000Z\\",\\"meta\\":{\\"pages\\":252,\\"ratio\\":2},\\"price\\":9.5,\\"id\\":1}"
                    },
                    "Author": {}
                  }
                }""");
    }

    @Test
    void roundTripKeepsTypesIdsAndOrder() {
        MemoryConnector first = open(dir, "db.json", book);
        Instant when = Instant.parse("2026-11-23T03:21:37.456Z");
        first.create(book, data("id", 7, "title", "seven", "published", when, "meta", data("tags", List.of("a", "b"), "n", 1.5)));
        first.create(book, data("title", "eight"));
        first.create(book, data("id", 3, "title", "three"));
        first.delete(book, Where.eq("title", "eight"));
        first.close();

        MemoryConnector second = open(dir, "db.json", book);
        List<Map<String, Object>> all = second.find(book, Filter.ALL);
        assertThat(all).extracting(m -> m.get("id")).containsExactly(3L, 7L);
        assertThat(all.get(1)).isEqualTo(data("id", 7L, "title", "seven", "published", when,
                "meta", data("tags", List.of("a", "b"), "n", 1.5)));
        // the counter survived: 8 was used and deleted, so the next is 9
        assertThat(second.create(book, data("title", "nine")).get("id")).isEqualTo(9L);
        second.close();
    }

    @Test
    void loadsAFileWrittenByLoopBack3() throws IOException {
        Path file = dir.resolve("lb3.json");
        try (InputStream in = getClass().getResourceAsStream("/lb3-memory-file.json")) {
            Files.copy(in, file);
        }
        String original = Files.readString(file);
        MemoryConnector connector = open(dir, "lb3.json", book);

        List<Map<String, Object>> books = connector.find(book, Filter.ALL);
        assertThat(books).hasSize(2);
        Map<String, Object> first = books.get(0);
        assertThat(first.get("published")).isEqualTo(Instant.parse("1969-03-01T00:00:00Z"));
        assertThat(first.get("price")).isEqualTo(7.99);
        assertThat(first.get("id")).isEqualTo(1L);
        assertThat(first.get("meta")).isEqualTo(data("isbn", "0-441-47812-3", "tags", List.of("sf", "classic"), "pages", 304L));
        assertThat(books.get(1).get("price")).isEqualTo(10L);
        assertThat(connector.count(book, new Where.Condition("meta.tags", Operator.EQ, "classic"))).isEqualTo(1);
        assertThat(connector.count(book, new Where.Condition("published", Operator.LT, Instant.parse("1970-01-01T00:00:00Z")))).isEqualTo(1);

        // LoopBack's counter says 3
        assertThat(connector.create(book, data("title", "Always Coming Home")).get("id")).isEqualTo(3L);
        connector.close();

        // untouched records and the undefined Author collection are written back exactly as LoopBack wrote them
        String rewritten = Files.readString(file);
        String book1 = original.lines().filter(l -> l.contains("\"1\": \"{\\\"title")).findFirst().orElseThrow();
        String author1 = original.lines().filter(l -> l.contains("Le Guin")).findFirst().orElseThrow();
        assertThat(rewritten).contains(book1.strip()).contains(author1.strip());
        JsonNode tree = new ObjectMapper().readTree(rewritten);
        assertThat(tree.at("/ids/Book").asLong()).isEqualTo(4);
        assertThat(tree.at("/ids/Author").asLong()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(tree.at("/models/Book/3").textValue()).get("title").asText())
                .isEqualTo("Always Coming Home");
    }

    @Test
    void undefinedCollectionIsTypedWhenItsModelArrivesLater() throws IOException {
        Files.copy(getClass().getResourceAsStream("/lb3-memory-file.json"), dir.resolve("lb3.json"));
        MemoryConnector connector = open(dir, "lb3.json", book);
        ModelDefinition author = Models.model("Author", Models.id(dev.backloop.model.PropertyType.NUMBER),
                dev.backloop.model.PropertyDefinition.of("born", dev.backloop.model.PropertyType.DATE));
        connector.define(author);
        assertThat(connector.find(author, Filter.ALL).get(0).get("born")).isEqualTo(Instant.parse("1929-10-21T00:00:00Z"));
        assertThat(connector.create(author, data("name", "b")).get("id")).isEqualTo(2L);
        connector.close();
    }

    @Test
    void corruptFileFailsAtStartNamingItAndIsNotOverwritten() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"ids\": {\"Book\": 2}, \"models\": {\"Book\": {\"1\": \"{not json");
        MemoryConnector connector = new MemoryConnector(new DataSourceSettings("db", "memory", Map.of("file", "bad.json"), dir));
        connector.define(book);
        assertThatThrownBy(connector::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
        connector.close();
        assertThat(Files.readString(file)).startsWith("{\"ids\": {\"Book\": 2}");

        Files.writeString(file, "{\"ids\": {}, \"models\": {\"Book\": {\"1\": \"[1,2]\"}}}");
        MemoryConnector second = new MemoryConnector(new DataSourceSettings("db", "memory", Map.of("file", "bad.json"), dir));
        second.define(book);
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("Book.1");
    }

    @Test
    void blankFileIsEmpty() throws IOException {
        Files.writeString(dir.resolve("blank.json"), "  \n");
        MemoryConnector connector = open(dir, "blank.json", book);
        assertThat(connector.find(book, Filter.ALL)).isEmpty();
    }

    @Test
    void everyWriteReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        MemoryConnector connector = open(dir, "db.json", book);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 20; i++) {
            connector.create(book, data("title", "t" + i));
            // after each acknowledged write the file parses and holds it
            JsonNode tree = mapper.readTree(Files.readString(dir.resolve("db.json"), StandardCharsets.UTF_8));
            assertThat(tree.at("/models/Book").size()).isEqualTo(i + 1);
            assertThat(leftovers()).isEmpty();
        }
        connector.update(book, Where.ALL, data("price", 1));
        connector.patchById(book, 1, data("price", 2));
        connector.replaceById(book, 2, data("title", "r"));
        connector.delete(book, Where.eq("id", 3));
        assertThat(leftovers()).isEmpty();
        MemoryConnector reloaded = open(dir, "db.json", book);
        assertThat(reloaded.find(book, Filter.ALL)).isEqualTo(connector.find(book, Filter.ALL));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("db.json");
        }
    }

    @Test
    void failedFlushIsReportedToTheWriter() throws IOException {
        MemoryConnector connector = open(dir, "blocker/db.json", book);
        // the file's folder becomes a regular file, so the write cannot happen
        Files.writeString(dir.resolve("blocker"), "x");
        assertThatThrownBy(() -> connector.create(book, data("title", "a")))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }
}
