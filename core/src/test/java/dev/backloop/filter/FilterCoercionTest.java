package dev.backloop.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Where.And;
import dev.backloop.filter.Where.Condition;
import dev.backloop.filter.Where.Or;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.model.StrictMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FilterCoercionTest {
    private static final ModelDefinition USER = model();
    private final FilterParser parser = new FilterParser();

    private static ModelDefinition model() {
        Map<String, PropertyDefinition> properties = new LinkedHashMap<>();
        properties.put("id", new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, 1, true, false, null));
        properties.put("price", PropertyDefinition.of("price", PropertyType.NUMBER));
        properties.put("active", PropertyDefinition.of("active", PropertyType.BOOLEAN));
        properties.put("created", PropertyDefinition.of("created", PropertyType.DATE));
        properties.put("name", PropertyDefinition.of("name", PropertyType.STRING));
        properties.put("meta", PropertyDefinition.of("meta", PropertyType.OBJECT));
        properties.put("tags", PropertyDefinition.of("tags", PropertyType.ARRAY));
        properties.put("extra", PropertyDefinition.of("extra", PropertyType.ANY));
        properties.put("password", PropertyDefinition.of("password", PropertyType.STRING));
        properties.put("secret", PropertyDefinition.of("secret", PropertyType.OBJECT));
        return new ModelDefinition("User", "Users", "PersistedModel", properties, StrictMode.FALSE,
                Set.of("password", "secret"), Set.of(), List.of(), null, true, false, null);
    }

    private Where coerce(String query) {
        return FilterCoercion.coerce(USER, parser.parseFilter(QueryStringDecoder.decode(query).get("filter"))).where();
    }

    private Where coerceJson(String where) {
        return FilterCoercion.coerce(USER, parser.parseWhere(where));
    }

    private static Condition cond(String property, Operator operator, Object value) {
        return new Condition(property, operator, value);
    }

    private static void rejected(ThrowingCallable call, String message, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(HttpError.class)
                .hasMessage(message)
                .satisfies(e -> {
                    assertThat(((HttpError) e).statusCode()).isEqualTo(400);
                    assertThat(((HttpError) e).code()).isEqualTo(code);
                });
    }

    @Test
    void numbers() {
        assertThat(coerce("filter[where][price][gt]=5")).isEqualTo(cond("price", Operator.GT, 5L));
        assertThat(coerce("filter[where][price]=5.5")).isEqualTo(cond("price", Operator.EQ, 5.5));
        assertThat(coerce("filter[where][price][lte]=1e3")).isEqualTo(cond("price", Operator.LTE, 1000L));
        assertThat(coerce("filter[where][price]=%2B7")).isEqualTo(cond("price", Operator.EQ, 7L));
        assertThat(coerce("filter[where][price][neq]=-2")).isEqualTo(cond("price", Operator.NEQ, -2L));
        assertThat(coerceJson("{\"price\":{\"gte\":3}}")).isEqualTo(cond("price", Operator.GTE, 3L));
        assertThat(coerceJson("{\"price\":{\"lt\":2.5}}")).isEqualTo(cond("price", Operator.LT, 2.5));
        assertThat(coerceJson("{\"price\":99999999999999999999}")).isEqualTo(
                cond("price", Operator.EQ, new java.math.BigInteger("99999999999999999999")));
        assertThat(coerce("filter[where][price]=99999999999999999999"))
                .isEqualTo(cond("price", Operator.EQ, 1.0E20));
        assertThat(coerce("filter[where][id][inq]=1&filter[where][id][inq]=2"))
                .isEqualTo(cond("id", Operator.INQ, List.of(1L, 2L)));
        assertThat(coerce("filter[where][price][between][0]=1&filter[where][price][between][1]=9.5"))
                .isEqualTo(cond("price", Operator.BETWEEN, List.of(1L, 9.5)));
    }

    @Test
    void invalidNumbersAreRefused() {
        rejected(() -> coerce("filter[where][price]=abc"), "Invalid value \"abc\" for number property \"price\"", null);
        rejected(() -> coerce("filter[where][id]=1%20OR%201=1"),
                "Invalid value \"1 OR 1=1\" for number property \"id\"", null);
        rejected(() -> coerce("filter[where][id][nin]=1&filter[where][id][nin]=x"),
                "Invalid value \"x\" for number property \"id\"", null);
        rejected(() -> coerceJson("{\"price\":true}"), "Invalid value \"true\" for number property \"price\"", null);
        rejected(() -> coerceJson("{\"price\":{\"a\":1}}"), "Invalid value \"{a=1}\" for number property \"price\"",
                null);
        rejected(() -> coerce("filter[where][price]=1e999"), "Invalid value \"1e999\" for number property \"price\"",
                null);
    }

    @Test
    void booleans() {
        assertThat(coerce("filter[where][active]=true")).isEqualTo(cond("active", Operator.EQ, true));
        assertThat(coerce("filter[where][active]=0")).isEqualTo(cond("active", Operator.EQ, false));
        assertThat(coerce("filter[where][active][neq]=1")).isEqualTo(cond("active", Operator.NEQ, true));
        assertThat(coerceJson("{\"active\":false}")).isEqualTo(cond("active", Operator.EQ, false));
        rejected(() -> coerce("filter[where][active]=yes"), "Invalid value \"yes\" for boolean property \"active\"",
                null);
    }

    @Test
    void dates() {
        Instant newYear = Instant.parse("2020-01-01T00:00:00Z");
        assertThat(coerce("filter[where][created][gt]=2020-01-01")).isEqualTo(cond("created", Operator.GT, newYear));
        assertThat(coerce("filter[where][created]=2020-01-01T00:00:00.000Z"))
                .isEqualTo(cond("created", Operator.EQ, newYear));
        assertThat(coerce("filter[where][created]=2020-01-01T02:00:00%2B02:00"))
                .isEqualTo(cond("created", Operator.EQ, newYear));
        assertThat(coerce("filter[where][created]=2020-01-01T00:00:00"))
                .isEqualTo(cond("created", Operator.EQ, newYear));
        assertThat(coerceJson("{\"created\":1577836800000}")).isEqualTo(cond("created", Operator.EQ, newYear));
        assertThat(FilterCoercion.coerce(USER, Where.eq("created", newYear))).isEqualTo(cond("created", Operator.EQ,
                newYear));
        assertThat(coerce("filter[where][created][between][0]=2020-01-01&filter[where][created][between][1]=2021-01-01"))
                .isEqualTo(cond("created", Operator.BETWEEN, List.of(newYear, Instant.parse("2021-01-01T00:00:00Z"))));
        rejected(() -> coerce("filter[where][created]=yesterday"),
                "Invalid value \"yesterday\" for date property \"created\"", null);
    }

    @Test
    void strings() {
        assertThat(coerceJson("{\"name\":5}")).isEqualTo(cond("name", Operator.EQ, "5"));
        assertThat(coerceJson("{\"name\":{\"inq\":[true,2.0,\"x\"]}}"))
                .isEqualTo(cond("name", Operator.INQ, List.of("true", "2", "x")));
        assertThat(coerceJson("{\"name\":\"5\"}")).isEqualTo(cond("name", Operator.EQ, "5"));
    }

    @Test
    void untypedAndUnconvertedOperandsAreUntouched() {
        assertThat(coerceJson("{\"meta\":{\"a\":1}}")).isEqualTo(cond("meta", Operator.EQ, Map.of("a", 1)));
        assertThat(coerceJson("{\"tags\":\"x\"}")).isEqualTo(cond("tags", Operator.EQ, "x"));
        assertThat(coerceJson("{\"extra\":\"5\"}")).isEqualTo(cond("extra", Operator.EQ, "5"));
        assertThat(coerceJson("{\"undeclared\":\"5\"}")).isEqualTo(cond("undeclared", Operator.EQ, "5"));
        assertThat(coerceJson("{\"price.cents\":\"5\"}")).isEqualTo(cond("price.cents", Operator.EQ, "5"));
        assertThat(coerceJson("{\"price\":{\"like\":\"5%\"}}")).isEqualTo(cond("price", Operator.LIKE, "5%"));
        assertThat(coerceJson("{\"price\":{\"regexp\":\"^5\"}}"))
                .isEqualTo(cond("price", Operator.REGEXP, new Regexp("^5", "")));
        assertThat(coerceJson("{\"price\":{\"exists\":true}}")).isEqualTo(cond("price", Operator.EXISTS, true));
        assertThat(coerceJson("{\"price\":null}")).isEqualTo(cond("price", Operator.EQ, null));
        assertThat(coerceJson("{\"price\":{\"inq\":[null,\"1\"]}}"))
                .isEqualTo(cond("price", Operator.INQ, Arrays.asList(null, 1L)));
    }

    @Test
    void andOrAreWalked() {
        assertThat(coerceJson("{\"or\":[{\"price\":\"1\"},{\"and\":[{\"active\":\"true\"},{\"name\":\"x\"}]}]}"))
                .isEqualTo(new Or(List.of(cond("price", Operator.EQ, 1L),
                        new And(List.of(cond("active", Operator.EQ, true), cond("name", Operator.EQ, "x"))))));
    }

    @Test
    void hiddenPropertiesAreRefusedEverywhere() {
        String code = FilterCoercion.PROPERTY_NOT_ALLOWED;
        rejected(() -> coerceJson("{\"password\":{\"like\":\"a%\"}}"),
                "Properties \"password\" are not allowed in query", code);
        rejected(() -> coerceJson("{\"or\":[{\"name\":\"x\"},{\"and\":[{\"password\":{\"regexp\":\"^a\"}}]}]}"),
                "Properties \"password\" are not allowed in query", code);
        rejected(() -> coerceJson("{\"secret.key\":\"x\"}"), "Properties \"secret\" are not allowed in query", code);
        rejected(() -> coerceJson("{\"password\":\"x\",\"secret\":{\"exists\":true}}"),
                "Properties \"password,secret\" are not allowed in query", code);
        rejected(() -> coerce("filter[where][password][exists]=true"),
                "Properties \"password\" are not allowed in query", code);
        // a name that only starts like a hidden one is an ordinary property
        assertThat(coerceJson("{\"passwordHint\":\"x\"}")).isEqualTo(cond("passwordHint", Operator.EQ, "x"));
    }

    @Test
    void filterKeepsEverythingButTheWhere() {
        Filter filter = parser.parseFilter("{\"where\":{\"price\":\"2\"},\"order\":\"password DESC\","
                + "\"fields\":[\"password\"],\"limit\":3,\"include\":{\"relation\":\"x\",\"scope\":{\"where\":{\"password\":1}}}}");
        Filter coerced = FilterCoercion.coerce(USER, filter);
        assertThat(coerced.where()).isEqualTo(cond("price", Operator.EQ, 2L));
        assertThat(coerced.order()).isEqualTo(filter.order());
        assertThat(coerced.fields()).isEqualTo(filter.fields());
        assertThat(coerced.limit()).isEqualTo(3);
        assertThat(coerced.include()).isEqualTo(filter.include());
    }
}
