package dev.backloop.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.model.ModelInstance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Include and relation accessors on models attached to a counting in-memory connector. */
class InclusionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FilterParser PARSER = new FilterParser();

    private final TableConnector connector = new TableConnector();
    private final Map<String, Model> models = new LinkedHashMap<>();
    private Relations relations;

    private void boot(String... jsons) {
        Map<String, ModelDefinition> known = new LinkedHashMap<>();
        for (String json : jsons) {
            try {
                ModelDefinition definition = new ModelDefinitionReader(n -> Optional.ofNullable(known.get(n)))
                        .read((ObjectNode) MAPPER.readTree(json.replace('\'', '"')));
                known.put(definition.name(), definition);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        RelationReader.Result read = RelationReader.read(known, List.copyOf(known.keySet()));
        relations = new Relations(read.relations(), read.definitions());
        read.definitions().values().forEach(d -> {
            Model model = new Model(d, "db", connector);
            models.put(d.name(), model);
            relations.addModel(model);
        });
    }

    private void bootLibrary() {
        boot("{'name':'Author','properties':{'name':'string'},"
                        + "'relations':{'books':{'type':'hasMany','model':'Book'}}}",
                "{'name':'Book','properties':{'title':'string'},"
                        + "'relations':{'author':{'type':'belongsTo','model':'Author'},"
                        + "'chapters':{'type':'hasMany','model':'Chapter'}}}",
                "{'name':'Chapter','properties':{'n':'number'}}");
    }

    private static Filter filter(String json) {
        return PARSER.parseFilter(json.replace('\'', '"'));
    }

    @Test
    void everyLevelIsOneFindWhateverTheNumberOfParents() {
        bootLibrary();
        List<Map<String, Object>> authors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            authors.add(Map.of("name", "a" + i));
        }
        for (ModelInstance author : models.get("Author").create(authors)) {
            ModelInstance book = relations.related(author, "books").create(Map.of("title", "t"));
            relations.related(book, "chapters").create(Map.of("n", 1));
            relations.related(book, "chapters").create(Map.of("n", 2));
        }
        connector.finds.set(0);
        List<ModelInstance> found = models.get("Author").find(filter("{'include':{'books':['chapters','author']}}"));
        assertThat(connector.finds.get()).isEqualTo(4);
        assertThat(found).hasSize(500);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> books = (List<Map<String, Object>>) found.get(499).toJSON().get("books");
        assertThat(books).hasSize(1);
        assertThat((List<?>) books.get(0).get("chapters")).hasSize(2);
        assertThat(((Map<?, ?>) books.get(0).get("author")).get("name")).isEqualTo("a499");
    }

    @Test
    void scopeLimitIsPerParentAndJoinKeysAreStripped() {
        bootLibrary();
        for (String name : List.of("x", "y")) {
            ModelInstance author = models.get("Author").create(Map.of("name", name));
            for (String title : List.of("c", "a", "b")) {
                relations.related(author, "books").create(Map.of("title", name + title));
            }
        }
        List<ModelInstance> found = models.get("Author").find(filter("{'fields':['name'],'include':{'relation':'books',"
                + "'scope':{'order':'title ASC','limit':2,'fields':['title']}}}"));
        assertThat(found).extracting(a -> a.toJSON().toString())
                .containsExactly("{name=x, books=[{title=xa}, {title=xb}]}", "{name=y, books=[{title=ya}, {title=yb}]}");
    }

    @Test
    void relatedRecordsSetTheForeignKeyAndReadThroughTheRelation() {
        bootLibrary();
        ModelInstance author = models.get("Author").create(Map.of("name", "x"));
        ModelInstance other = models.get("Author").create(Map.of("name", "y"));
        Map<String, Object> data = new LinkedHashMap<>(Map.of("title", "t", "authorId", other.id()));
        ModelInstance book = relations.related(author, "books").create(data);
        assertThat(book.get("authorId")).isEqualTo(author.id());
        assertThat(relations.related(author, "books").count(null)).isEqualTo(1);
        assertThat(relations.related(other, "books").find(Filter.ALL)).isEmpty();
        assertThat(relations.related(book, "author").get().orElseThrow().get("name")).isEqualTo("x");
        assertThatThrownBy(() -> relations.related(other, "books").findById(book.id()))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void polymorphicHasOneAndBelongsToMeetInOneQueryPerModel() {
        boot("{'name':'Author','properties':{'name':'string'},"
                        + "'relations':{'avatar':{'type':'hasOne','model':'Picture','polymorphic':'imageable'}}}",
                "{'name':'Book','properties':{'title':'string'},"
                        + "'relations':{'cover':{'type':'hasOne','model':'Picture','polymorphic':'imageable'}}}",
                "{'name':'Picture','properties':{'url':'string'},"
                        + "'relations':{'imageable':{'type':'belongsTo','polymorphic':true}}}");
        ModelInstance author = models.get("Author").create(Map.of("name", "x"));
        ModelInstance book = models.get("Book").create(Map.of("title", "t"));
        assertThat(book.id()).isEqualTo(author.id());
        ModelInstance avatar = relations.related(author, "avatar").create(Map.of("url", "a.png"));
        relations.related(book, "cover").create(Map.of("url", "c.png"));
        assertThat(avatar.get("imageableType")).isEqualTo("Author");
        // same id on both sides: the discriminator keeps them apart
        assertThat(relations.related(author, "avatar").get().orElseThrow().get("url")).isEqualTo("a.png");
        assertThat(relations.related(book, "cover").get().orElseThrow().get("url")).isEqualTo("c.png");

        connector.finds.set(0);
        List<ModelInstance> pictures = models.get("Picture").find(filter("{'include':'imageable','order':'url ASC'}"));
        assertThat(connector.finds.get()).isEqualTo(3);
        assertThat(((Map<?, ?>) pictures.get(0).toJSON().get("imageable")).get("name")).isEqualTo("x");
        assertThat(((Map<?, ?>) pictures.get(1).toJSON().get("imageable")).get("title")).isEqualTo("t");
    }

    @Test
    void accessHooksRunOncePerQueriedLevelAndMayNarrowIt() {
        bootLibrary();
        for (String name : List.of("x", "y")) {
            ModelInstance author = models.get("Author").create(Map.of("name", name));
            relations.related(author, "books").create(Map.of("title", name + "1"));
            relations.related(author, "books").create(Map.of("title", name + "2"));
        }
        List<String> accessed = new ArrayList<>();
        models.get("Author").observe("access", ctx -> accessed.add("Author"));
        models.get("Book").observe("access", ctx -> {
            accessed.add("Book");
            // a hook narrowing every book query also narrows included books
            ctx.setQuery(ctx.query().withWhere(Where.and(List.of(ctx.query().where(),
                    new Where.Condition("title", Operator.LIKE, "%1")))));
        });
        List<ModelInstance> found = models.get("Author").find(filter("{'include':'books'}"));
        assertThat(accessed).containsExactly("Author", "Book");
        assertThat(found).allSatisfy(a -> assertThat((List<?>) a.toJSON().get("books")).hasSize(1));
    }

    @Test
    void unknownRelationsAre400() {
        bootLibrary();
        assertThatThrownBy(() -> models.get("Book").find(filter("{'include':{'chapters':'pages'}}")))
                .isInstanceOfSatisfying(HttpError.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(Relations.RELATION_NOT_FOUND);
                    assertThat(e.getMessage()).contains("Chapter model; it has no relations");
                });
    }

    @Test
    void relationScopesIncludingEachOtherStopAtTheDepthLimit() {
        boot("{'name':'Author','relations':{'books':{'type':'hasMany','model':'Book','scope':{'include':'author'}}}}",
                "{'name':'Book','relations':{'author':{'type':'belongsTo','model':'Author','scope':{'include':'books'}}}}");
        ModelInstance author = models.get("Author").create(Map.of());
        relations.related(author, "books").create(Map.of());
        assertThatThrownBy(() -> models.get("Author").find(filter("{'include':'books'}")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.code()).isEqualTo("INCLUDE_TOO_DEEP"));
    }

    @Test
    void theWireViewListsDeclaredPropertiesInDefinitionOrderAsTheJugglerDoes() {
        boot("{'name':'Publisher','properties':{'name':'string'}}",
                "{'name':'Book','strict':false,'hidden':['secret'],'properties':{'title':'string','year':'number',"
                        + "'secret':'string'},'relations':{'publisher':{'type':'belongsTo','model':'Publisher'}}}");
        ModelInstance publisher = models.get("Publisher").create(Map.of("name", "P"));
        Map<String, Object> data = new LinkedHashMap<>();
        // sent in another order, with a property the model does not declare and a hidden one
        data.put("extra", "x");
        data.put("publisherId", publisher.id());
        data.put("year", 1965);
        data.put("secret", "s");
        data.put("title", "Dune");
        ModelInstance book = models.get("Book").create(data);

        // declared first (the injected id after the declared ones, the relation's key after the id), then the rest
        assertThat(book.toJSON().keySet()).containsExactly("title", "year", "id", "publisherId", "extra");
        ModelInstance found = models.get("Book").find(filter("{'include':'publisher'}")).get(0);
        assertThat(found.toJSON().keySet()).containsExactly("title", "year", "id", "publisherId", "extra", "publisher");
    }
}
