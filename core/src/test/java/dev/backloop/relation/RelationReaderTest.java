package dev.backloop.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.boot.BootException;
import dev.backloop.filter.Order;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.model.PropertyType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, ModelDefinition> known = new LinkedHashMap<>();

    private void define(String json) {
        try {
            ModelDefinition definition = new ModelDefinitionReader(n -> Optional.ofNullable(known.get(n)))
                    .read((ObjectNode) MAPPER.readTree(json.replace('\'', '"')));
            known.put(definition.name(), definition);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private RelationReader.Result read() {
        return RelationReader.read(known, List.copyOf(known.keySet()));
    }

    @Test
    void belongsToAndHasManyDefaultsAreTheJugglers() {
        define("{'name':'Author','properties':{'code':{'type':'string','id':true}},"
                + "'relations':{'books':{'type':'hasMany','model':'Book','foreignKey':''}}}");
        define("{'name':'Book','strict':true,'relations':{'writer':{'type':'belongsTo','model':'Author'}}}");
        RelationReader.Result result = read();
        Relation books = result.relations().get("Author").get("books");
        assertThat(books.keyFrom()).isEqualTo("code");
        assertThat(books.keyTo()).isEqualTo("authorId");
        assertThat(books.multiple()).isTrue();
        Relation writer = result.relations().get("Book").get("writer");
        assertThat(writer.keyFrom()).isEqualTo("writerId");
        assertThat(writer.keyTo()).isEqualTo("code");
        // the foreign keys are declared on the strict model, typed as the id they point to
        ModelDefinition book = result.definitions().get("Book");
        assertThat(book.property("authorId").orElseThrow().type()).isEqualTo(PropertyType.STRING);
        assertThat(book.property("writerId").orElseThrow().type()).isEqualTo(PropertyType.STRING);
    }

    @Test
    void explicitKeysScopeAndOptionsAreRead() {
        define("{'name':'Author','relations':{'novels':{'type':'hasMany','model':'Book','foreignKey':'writer',"
                + "'primaryKey':'id','scope':{'order':'title ASC','limit':3},"
                + "'options':{'disableInclude':true,'nestRemoting':true,'http':{'path':'/works'}}}}}");
        define("{'name':'Book','properties':{'writer':{'type':'number'}}}");
        Relation novels = read().relations().get("Author").get("novels");
        assertThat(novels.keyTo()).isEqualTo("writer");
        assertThat(novels.scope().order()).containsExactly(new Order("title", Order.Direction.ASC));
        assertThat(novels.scope().limit()).isEqualTo(3);
        assertThat(novels.disableInclude()).isTrue();
        assertThat(novels.nestRemoting()).isTrue();
        assertThat(novels.httpPath()).isEqualTo("works");
    }

    @Test
    void asRenamesTheRelationAndItsDefaultForeignKey() {
        define("{'name':'Book','relations':{'writtenBy':{'type':'belongsTo','model':'Author','as':'writer'}}}");
        define("{'name':'Author'}");
        Map<String, Relation> relations = read().relations().get("Book");
        assertThat(relations).containsOnlyKeys("writer");
        assertThat(relations.get("writer").keyFrom()).isEqualTo("writerId");
    }

    @Test
    void throughRelationsAndHasAndBelongsToMany() {
        define("{'name':'Book','relations':{'tags':{'type':'hasMany','model':'Tag','through':'Tagging',"
                + "'keyThrough':'labelId'},'readers':{'type':'hasAndBelongsToMany','model':'Reader'}}}");
        define("{'name':'Tag'}");
        define("{'name':'Tagging'}");
        define("{'name':'Reader'}");
        RelationReader.Result result = read();
        Relation tags = result.relations().get("Book").get("tags");
        assertThat(tags.through()).isEqualTo("Tagging");
        assertThat(tags.keyTo()).isEqualTo("bookId");
        assertThat(tags.keyThrough()).isEqualTo("labelId");
        assertThat(result.definitions().get("Tagging").properties()).containsKeys("bookId", "labelId");

        Relation readers = result.relations().get("Book").get("readers");
        assertThat(readers.type()).isEqualTo(RelationType.HAS_MANY);
        assertThat(readers.through()).isEqualTo("BookReader");
        assertThat(readers.keyThrough()).isEqualTo("readerId");
        assertThat(result.generatedThrough()).containsEntry("BookReader", "Book");
        assertThat(result.relations().get("BookReader")).containsKeys("book", "reader");
        assertThat(result.definitions().get("BookReader").properties()).containsKeys("id", "bookId", "readerId");
    }

    @Test
    void anExistingModelNamedAfterBothSidesIsTheHabtmThroughModel() {
        define("{'name':'Book','relations':{'readers':{'type':'hasAndBelongsToMany','model':'Reader'}}}");
        define("{'name':'Reader'}");
        define("{'name':'ReaderBook'}");
        RelationReader.Result result = read();
        assertThat(result.relations().get("Book").get("readers").through()).isEqualTo("ReaderBook");
        assertThat(result.generatedThrough()).isEmpty();
    }

    @Test
    void referencesManyPolymorphicAndEmbedsDefaults() {
        define("{'name':'Shelf','relations':{'books':{'type':'referencesMany','model':'Book'},"
                + "'address':{'type':'embedsOne','model':'Address'},"
                + "'notes':{'type':'embedsMany','model':'Note'},"
                + "'pictures':{'type':'hasMany','model':'Picture','polymorphic':'imageable'}}}");
        define("{'name':'Book'}");
        define("{'name':'Address','base':'Model'}");
        define("{'name':'Note','base':'Model'}");
        define("{'name':'Picture','relations':{'imageable':{'type':'belongsTo','polymorphic':true},"
                + "'owner':{'type':'belongsTo','polymorphic':{'foreignKey':'ownerRef','discriminator':'ownerKind'}}}}");
        RelationReader.Result result = read();
        Map<String, Relation> shelf = result.relations().get("Shelf");
        assertThat(shelf.get("books").keyFrom()).isEqualTo("bookIds");
        assertThat(result.definitions().get("Shelf").property("bookIds").orElseThrow().type())
                .isEqualTo(PropertyType.ARRAY);
        // the juggler refuses to store embedded data under the relation's own name
        assertThat(shelf.get("address").keyFrom()).isEqualTo("_address");
        assertThat(shelf.get("notes").keyFrom()).isEqualTo("_notes");
        assertThat(shelf.get("pictures").keyTo()).isEqualTo("imageableId");
        assertThat(shelf.get("pictures").discriminator()).isEqualTo("imageableType");

        Relation imageable = result.relations().get("Picture").get("imageable");
        assertThat(imageable.polymorphicBelongsTo()).isTrue();
        assertThat(imageable.modelTo()).isNull();
        assertThat(imageable.keyFrom()).isEqualTo("imageableId");
        assertThat(imageable.discriminator()).isEqualTo("imageableType");
        Relation owner = result.relations().get("Picture").get("owner");
        assertThat(owner.keyFrom()).isEqualTo("ownerRef");
        assertThat(owner.discriminator()).isEqualTo("ownerKind");
    }

    @Test
    void invalidRelationsFailBootNamingTheProblem() {
        define("{'name':'Book','relations':{'author':{'type':'ownedBy','model':'Author'}}}");
        assertThatThrownBy(this::read).isInstanceOf(BootException.class).hasMessageContaining("unknown type \"ownedBy\"");
        known.clear();
        define("{'name':'Book','relations':{'author':{'type':'belongsTo','model':'Writer'}}}");
        assertThatThrownBy(this::read).isInstanceOf(BootException.class).hasMessageContaining("unknown model \"Writer\"");
        known.clear();
        define("{'name':'Book','relations':{'author':{'type':'belongsTo','model':'Book','scope':{'limit':-1}}}}");
        assertThatThrownBy(this::read).isInstanceOf(BootException.class).hasMessageContaining("invalid scope");
    }
}
