package dev.backloop.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterJsonTest {
    private final FilterParser parser = new FilterParser();

    private Filter roundTrip(Filter filter) {
        return parser.parseFilter(FilterJson.toText(FilterJson.filter(filter)));
    }

    @Test
    void everyPartSurvivesARoundTripThroughTheParser() {
        String text = "{\"where\":{\"or\":[{\"title\":\"Dune\"},{\"price\":{\"gt\":5}}],"
                + "\"tags\":{\"inq\":[\"sf\",\"pl\"]},\"meta.lang\":{\"like\":\"e%\",\"options\":\"i\"},"
                + "\"author\":{\"regexp\":\"/^he/i\"},\"x\":{\"exists\":true},\"n\":{\"between\":[1,2]}},"
                + "\"fields\":{\"title\":true,\"id\":true},\"order\":[\"title ASC\",\"price DESC\"],"
                + "\"limit\":3,\"skip\":2,\"include\":[\"author\",{\"relation\":\"reviews\",\"scope\":{\"limit\":1,"
                + "\"include\":\"reader\"}}]}";
        Filter parsed = parser.parseFilter(text);
        assertThat(roundTrip(parsed)).isEqualTo(parsed);
    }

    @Test
    void equalityIsWrittenPlainAndOtherOperatorsNamed() {
        Where where = new Where.And(List.of(Where.eq("a", 1L), new Where.Condition("b", Operator.NEQ, null)));
        assertThat(FilterJson.toText(FilterJson.where(where)))
                .isEqualTo("{\"and\":[{\"a\":1},{\"b\":{\"neq\":null}}]}");
    }

    @Test
    void anObjectValueIsComparedWithAnExplicitEq() {
        Map<String, Object> json = FilterJson.where(Where.eq("meta", Map.of("gt", 1L)));
        assertThat(json).isEqualTo(Map.of("meta", Map.of("eq", Map.of("gt", 1L))));
    }

    @Test
    void matchAllAndDefaultsAreLeftOut() {
        assertThat(FilterJson.filter(Filter.ALL)).isEmpty();
        assertThat(FilterJson.where(Where.ALL)).isEmpty();
    }

    @Test
    void datesRegexpsAndExcludedFieldsAreWrittenInWireForm() {
        Filter filter = new Filter(new Where.Condition("d", Operator.GT, Instant.parse("2020-01-02T03:04:05Z")),
                new Fields(Set.of(), Set.of("secret")), List.of(), null, 0, List.of());
        assertThat(FilterJson.toText(FilterJson.filter(filter)))
                .isEqualTo("{\"where\":{\"d\":{\"gt\":\"2020-01-02T03:04:05.000Z\"}},\"fields\":{\"secret\":false}}");
        assertThat(FilterJson.where(new Where.Condition("t", Operator.REGEXP, new Regexp("^a", "i"))))
                .isEqualTo(Map.of("t", Map.of("regexp", "/^a/i")));
    }
}
