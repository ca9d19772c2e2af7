package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Regexp;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.GeneratedIds;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class WhereTranslatorTest {
    private static final String HEX = "5f1d7a3b9c8e4d2a1b0c9d8e";

    private final ModelDefinition book = book();
    private final WhereTranslator lenient = new WhereTranslator(new ModelMapping(book, false), false);
    private final WhereTranslator strict = new WhereTranslator(new ModelMapping(book, false), true);

    static ModelDefinition book() {
        ObjectNode settings = new ObjectMapper().createObjectNode();
        settings.putObject("properties").putObject("title").putObject("mongodb").put("fieldName", "t");
        settings.withObject("/properties").putObject("ownerId").putObject("mongodb").put("dataType", "ObjectId");
        return GeneratedIds.typed(ConformanceModels.model("Book", settings, ConformanceModels.generatedId(),
                PropertyDefinition.of("title", PropertyType.STRING),
                PropertyDefinition.of("ownerId", PropertyType.STRING),
                PropertyDefinition.of("authorId", PropertyType.ANY)), PropertyType.STRING);
    }

    private static Where cond(String property, Operator operator, Object value) {
        return new Where.Condition(property, operator, value);
    }

    @Test
    void theIdIsUnderscoreIdAndHexBecomesObjectId() {
        assertThat(lenient.translate(Where.eq("id", HEX))).isEqualTo(new Document("_id", new ObjectId(HEX)));
        assertThat(lenient.translate(Where.eq("id", "custom"))).isEqualTo(new Document("_id", "custom"));
        assertThat(lenient.translate(cond("id", Operator.INQ, List.of(HEX, "x"))))
                .isEqualTo(new Document("_id", new Document("$in", List.of(new ObjectId(HEX), "x"))));
    }

    @Test
    void fieldNamesAreMappedAlsoAtTheHeadOfAPath() {
        assertThat(lenient.translate(Where.eq("title", "Dune"))).isEqualTo(new Document("t", "Dune"));
        assertThat(lenient.translate(Where.eq("title.sub", "x"))).isEqualTo(new Document("t.sub", "x"));
    }

    @Test
    void hexStringsOfOtherPropertiesMatchBothFormsUnlessStrict() {
        assertThat(lenient.translate(Where.eq("authorId", HEX)))
                .isEqualTo(new Document("authorId", new Document("$in", List.of(HEX, new ObjectId(HEX)))));
        assertThat(strict.translate(Where.eq("authorId", HEX))).isEqualTo(new Document("authorId", HEX));
        // a property declared mongodb.dataType ObjectId always holds ObjectIds
        assertThat(strict.translate(Where.eq("ownerId", HEX))).isEqualTo(new Document("ownerId", new ObjectId(HEX)));
        assertThatThrownBy(() -> strict.translate(Where.eq("ownerId", "not-hex")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void comparisonsBetweenAndDates() {
        Instant when = Instant.parse("2020-01-02T03:04:05.678Z");
        assertThat(lenient.translate(cond("published", Operator.GT, when)))
                .isEqualTo(new Document("published", new Document("$gt", Date.from(when))));
        assertThat(lenient.translate(cond("price", Operator.BETWEEN, List.of(1L, 5L))))
                .isEqualTo(new Document("price", new Document("$gte", 1L).append("$lte", 5L)));
        assertThat(lenient.translate(cond("price", Operator.NIN, List.of(1L))))
                .isEqualTo(new Document("price", new Document("$nin", List.of(1L))));
        assertThat(lenient.translate(cond("price", Operator.NEQ, 3L)))
                .isEqualTo(new Document("price", new Document("$ne", 3L)));
        assertThat(lenient.translate(cond("price", Operator.EXISTS, false)))
                .isEqualTo(new Document("price", new Document("$exists", false)));
        assertThat(lenient.translate(Where.eq("price", null))).isEqualTo(new Document("price", null));
    }

    @Test
    void likeBecomesAnEscapedUnanchoredRegex() {
        assertThat(WhereTranslator.likeToRegex("a.b%c_d\\%e(f")).isEqualTo("a\\.b[\\s\\S]*c[\\s\\S]d\\%e\\(f");
        assertThat(Pattern.compile(WhereTranslator.likeToRegex("D.ne")).matcher("Dune").find()).isFalse();
        assertThat(lenient.translate(cond("title", Operator.ILIKE, "du%")))
                .isEqualTo(new Document("t", new BsonRegularExpression("du[\\s\\S]*", "i")));
        assertThat(lenient.translate(cond("title", Operator.NLIKE, "x")))
                .isEqualTo(new Document("t", new Document("$not", new BsonRegularExpression("x", ""))));
    }

    @Test
    void regexpKeepsItsFlagsButG() {
        assertThat(lenient.translate(cond("title", Operator.REGEXP, new Regexp("^d", "gim"))))
                .isEqualTo(new Document("t", new BsonRegularExpression("^d", "im")));
        assertThat(lenient.translate(cond("title", Operator.REGEXP, "/^d/i")))
                .isEqualTo(new Document("t", new BsonRegularExpression("^d", "i")));
        assertThatThrownBy(() -> lenient.translate(cond("title", Operator.REGEXP, new Regexp("(", ""))))
                .isInstanceOf(HttpError.class);
    }

    @Test
    void andOrAndEmptyOr() {
        Where where = new Where.Or(List.of(Where.eq("a", 1L), new Where.And(List.of(Where.eq("b", 2L), Where.eq("c", 3L)))));
        assertThat(lenient.translate(where)).isEqualTo(new Document("$or", List.of(new Document("a", 1L),
                new Document("$and", List.of(new Document("b", 2L), new Document("c", 3L))))));
        assertThat(lenient.translate(new Where.Or(List.of())))
                .isEqualTo(new Document("_id", new Document("$in", List.of())));
        assertThat(lenient.translate(Where.ALL)).isEqualTo(new Document());
    }

    @Test
    void operatorsNeverComeFromInput() {
        for (Where hostile : List.of(Where.eq("$where", "sleep(1000)"), Where.eq("meta.$gt", 1L),
                Where.eq("meta", Map.of("$ne", 1L)), cond("tags", Operator.INQ, List.of(Map.of("$gt", "")))) ) {
            assertThatThrownBy(() -> lenient.translate(hostile))
                    .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.code()).isEqualTo("OPERATOR_NOT_ALLOWED"));
        }
    }
}
