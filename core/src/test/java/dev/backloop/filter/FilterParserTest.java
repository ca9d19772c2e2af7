package dev.backloop.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Where.And;
import dev.backloop.filter.Where.Condition;
import dev.backloop.filter.Where.Or;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FilterParserTest {
    private final FilterParser parser = new FilterParser();

    private Filter json(String json) {
        return parser.parseFilter(json);
    }

    private Filter qs(String query) {
        return parser.parseFilter(QueryStringDecoder.decode(query).get("filter"));
    }

    private Where where(String json) {
        return parser.parseWhere(json);
    }

    private static void rejected(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(HttpError.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    assertThat(((HttpError) e).statusCode()).isEqualTo(400);
                    assertThat(((HttpError) e).name()).isEqualTo("BadRequestError");
                });
    }

    private static Condition cond(String property, Operator operator, Object value) {
        return new Condition(property, operator, value);
    }

    // ---- empty inputs

    @Test
    void emptyInputsMatchEverything() {
        assertThat(parser.parseFilter(null)).isEqualTo(Filter.ALL);
        assertThat(parser.parseFilter("")).isEqualTo(Filter.ALL);
        assertThat(parser.parseFilter("  ")).isEqualTo(Filter.ALL);
        assertThat(parser.parseFilter(Map.of())).isEqualTo(Filter.ALL);
        assertThat(parser.parseFilter("{}")).isEqualTo(Filter.ALL);
        assertThat(parser.parseWhere(null)).isEqualTo(Where.ALL);
        assertThat(parser.parseWhere("")).isEqualTo(Where.ALL);
        assertThat(parser.parseWhere(Map.of())).isEqualTo(Where.ALL);
        assertThat(json("{\"where\":{}}")).isEqualTo(Filter.ALL);
    }

    @Test
    void unknownTopLevelKeysAreIgnored() {
        assertThat(json("{\"foo\":1,\"limit\":2}")).isEqualTo(Filter.ALL.withLimit(2));
    }

    @Test
    void nonObjectFilterIsRejected() {
        rejected(() -> json("[1,2]"), "The filter parameter must be an object");
        rejected(() -> json("5"), "The filter parameter must be an object");
        rejected(() -> parser.parseFilter(5), "The filter parameter must be an object");
        rejected(() -> json("{not json"), "The filter parameter is not valid JSON");
        rejected(() -> json("{} trailing"), "not valid JSON");
        rejected(() -> where("[]"), "The where parameter must be an object");
    }

    // ---- operators, JSON form

    @Test
    void equalityShorthand() {
        assertThat(where("{\"title\":\"x\"}")).isEqualTo(cond("title", Operator.EQ, "x"));
        assertThat(where("{\"title\":null}")).isEqualTo(cond("title", Operator.EQ, null));
        assertThat(where("{\"address.city\":\"Paris\"}")).isEqualTo(cond("address.city", Operator.EQ, "Paris"));
    }

    @Test
    void objectWithoutOperatorsIsDeepEquality() {
        assertThat(where("{\"address\":{\"city\":\"x\"}}"))
                .isEqualTo(cond("address", Operator.EQ, Map.of("city", "x")));
    }

    @Test
    void comparisonOperators() {
        assertThat(where("{\"a\":{\"eq\":1}}")).isEqualTo(cond("a", Operator.EQ, 1));
        assertThat(where("{\"a\":{\"neq\":1}}")).isEqualTo(cond("a", Operator.NEQ, 1));
        assertThat(where("{\"a\":{\"gt\":1}}")).isEqualTo(cond("a", Operator.GT, 1));
        assertThat(where("{\"a\":{\"gte\":1.5}}")).isEqualTo(cond("a", Operator.GTE, 1.5));
        assertThat(where("{\"a\":{\"lt\":\"b\"}}")).isEqualTo(cond("a", Operator.LT, "b"));
        assertThat(where("{\"a\":{\"lte\":1}}")).isEqualTo(cond("a", Operator.LTE, 1));
    }

    @Test
    void severalOperatorsOnOnePropertyAreAnded() {
        assertThat(where("{\"a\":{\"gt\":1,\"lt\":5},\"b\":2}")).isEqualTo(new And(List.of(
                cond("a", Operator.GT, 1), cond("a", Operator.LT, 5), cond("b", Operator.EQ, 2))));
    }

    @Test
    void listOperators() {
        assertThat(where("{\"a\":{\"between\":[1,5]}}")).isEqualTo(cond("a", Operator.BETWEEN, List.of(1, 5)));
        assertThat(where("{\"a\":{\"inq\":[1,2]}}")).isEqualTo(cond("a", Operator.INQ, List.of(1, 2)));
        assertThat(where("{\"a\":{\"nin\":[\"x\"]}}")).isEqualTo(cond("a", Operator.NIN, List.of("x")));
        assertThat(where("{\"a\":{\"inq\":3}}")).isEqualTo(cond("a", Operator.INQ, List.of(3)));
        assertThat(where("{\"a\":{\"inq\":[]}}")).isEqualTo(cond("a", Operator.INQ, List.of()));
    }

    @Test
    void likeOperators() {
        assertThat(where("{\"a\":{\"like\":\"T%\"}}")).isEqualTo(cond("a", Operator.LIKE, "T%"));
        assertThat(where("{\"a\":{\"nlike\":\"T%\"}}")).isEqualTo(cond("a", Operator.NLIKE, "T%"));
        assertThat(where("{\"a\":{\"ilike\":\"t%\"}}")).isEqualTo(cond("a", Operator.ILIKE, "t%"));
        assertThat(where("{\"a\":{\"nilike\":\"t%\"}}")).isEqualTo(cond("a", Operator.NILIKE, "t%"));
        assertThat(where("{\"a\":{\"like\":\"t%\",\"options\":\"i\"}}"))
                .isEqualTo(new Condition("a", Operator.LIKE, "t%", true));
        assertThat(where("{\"a\":{\"nlike\":\"t%\",\"options\":\"\"}}"))
                .isEqualTo(new Condition("a", Operator.NLIKE, "t%", false));
    }

    @Test
    void regexpOperator() {
        assertThat(where("{\"a\":{\"regexp\":\"^T\"}}")).isEqualTo(cond("a", Operator.REGEXP, new Regexp("^T", "")));
        assertThat(where("{\"a\":{\"regexp\":\"/^t/i\"}}"))
                .isEqualTo(cond("a", Operator.REGEXP, new Regexp("^t", "i")));
    }

    @Test
    void existsOperator() {
        assertThat(where("{\"a\":{\"exists\":true}}")).isEqualTo(cond("a", Operator.EXISTS, true));
        assertThat(where("{\"a\":{\"exists\":\"false\"}}")).isEqualTo(cond("a", Operator.EXISTS, false));
    }

    @Test
    void andOrNesting() {
        Where parsed = where("{\"or\":[{\"a\":1},{\"and\":[{\"b\":2},{\"c\":{\"gt\":3}}]}]}");
        assertThat(parsed).isEqualTo(new Or(List.of(
                cond("a", Operator.EQ, 1),
                new And(List.of(cond("b", Operator.EQ, 2), cond("c", Operator.GT, 3))))));
        assertThat(where("{\"and\":[{\"a\":1}],\"b\":2}")).isEqualTo(new And(List.of(
                cond("a", Operator.EQ, 1), cond("b", Operator.EQ, 2))));
    }

    // ---- operators, query-string form

    @Test
    void everyOperatorInQueryStringForm() {
        assertThat(qs("filter[where][price][gt]=5").where()).isEqualTo(cond("price", Operator.GT, "5"));
        assertThat(qs("filter[where][price]=5").where()).isEqualTo(cond("price", Operator.EQ, "5"));
        assertThat(qs("filter[where][p][eq]=5").where()).isEqualTo(cond("p", Operator.EQ, "5"));
        assertThat(qs("filter[where][p][neq]=5").where()).isEqualTo(cond("p", Operator.NEQ, "5"));
        assertThat(qs("filter[where][p][gte]=5").where()).isEqualTo(cond("p", Operator.GTE, "5"));
        assertThat(qs("filter[where][p][lt]=5").where()).isEqualTo(cond("p", Operator.LT, "5"));
        assertThat(qs("filter[where][p][lte]=5").where()).isEqualTo(cond("p", Operator.LTE, "5"));
        assertThat(qs("filter[where][p][between][0]=1&filter[where][p][between][1]=9").where())
                .isEqualTo(cond("p", Operator.BETWEEN, List.of("1", "9")));
        assertThat(qs("filter[where][id][inq]=1&filter[where][id][inq]=2").where())
                .isEqualTo(cond("id", Operator.INQ, List.of("1", "2")));
        assertThat(qs("filter[where][id][inq]=1").where()).isEqualTo(cond("id", Operator.INQ, List.of("1")));
        assertThat(qs("filter[where][id][nin][]=1").where()).isEqualTo(cond("id", Operator.NIN, List.of("1")));
        assertThat(qs("filter[where][t][like]=T%25").where()).isEqualTo(cond("t", Operator.LIKE, "T%"));
        assertThat(qs("filter[where][t][nlike]=T%25&filter[where][t][options]=i").where())
                .isEqualTo(new Condition("t", Operator.NLIKE, "T%", true));
        assertThat(qs("filter[where][t][ilike]=x").where()).isEqualTo(cond("t", Operator.ILIKE, "x"));
        assertThat(qs("filter[where][t][nilike]=x").where()).isEqualTo(cond("t", Operator.NILIKE, "x"));
        assertThat(qs("filter[where][t][regexp]=%2F%5Et%2Fi").where())
                .isEqualTo(cond("t", Operator.REGEXP, new Regexp("^t", "i")));
        assertThat(qs("filter[where][t][exists]=true").where()).isEqualTo(cond("t", Operator.EXISTS, true));
    }

    @Test
    void andOrInQueryStringForm() {
        assertThat(qs("filter[where][or][0][a]=1&filter[where][or][1][b][gt]=2").where()).isEqualTo(new Or(List.of(
                cond("a", Operator.EQ, "1"), cond("b", Operator.GT, "2"))));
    }

    @Test
    void inqBeyondQsArrayLimitIsStillAList() {
        StringBuilder query = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            query.append("&filter[where][id][inq][").append(i).append("]=").append(i);
            expected.add(Integer.toString(i));
        }
        assertThat(qs(query.substring(1)).where()).isEqualTo(cond("id", Operator.INQ, expected));
    }

    // ---- hostile where inputs

    @Test
    void dollarKeysAreRefusedAnywhere() {
        rejected(() -> where("{\"$where\":\"sleep(5000)\"}"), "Operator \"$where\" is not allowed");
        rejected(() -> where("{\"a\":{\"$gt\":1}}"), "Operator \"$gt\" is not allowed");
        rejected(() -> where("{\"or\":[{\"$expr\":{}}]}"), "Operator \"$expr\" is not allowed");
        rejected(() -> where("{\"a\":{\"b\":{\"$function\":\"x\"}}}"), "Operator \"$function\" is not allowed");
        rejected(() -> where("{\"mapReduce\":\"x\"}"), "Operator \"mapReduce\" is not allowed");
        rejected(() -> json("{\"where\":{\"a\":{\"inq\":[{\"$ne\":1}]}}}"), "Operator \"$ne\" is not allowed");
        rejected(() -> qs("filter[where][$where]=1"), "Operator \"$where\" is not allowed");
    }

    @Test
    void mixingOperatorAndPlainKeysIsRefused() {
        rejected(() -> where("{\"a\":{\"gt\":1,\"foo\":2}}"), "Unknown operator \"foo\" for property \"a\"");
        rejected(() -> where("{\"a\":{\"gt\":1,\"options\":\"i\"}}"), "Unknown operator \"options\"");
        rejected(() -> where("{\"a\":{\"near\":[1,2]}}"), "Operator \"near\" is not supported");
    }

    @Test
    void malformedOperandsAreRefused() {
        rejected(() -> where("{\"and\":{\"a\":1}}"), "The \"and\" operator requires an array of where objects");
        rejected(() -> where("{\"or\":[1]}"), "The \"or\" operator requires an array of where objects");
        rejected(() -> where("{\"a\":{\"between\":[1]}}"), "\"between\" operator of property \"a\" requires");
        rejected(() -> where("{\"a\":{\"between\":5}}"), "\"between\" operator of property \"a\" requires");
        rejected(() -> where("{\"a\":{\"inq\":{\"x\":1}}}"), "\"inq\" operator of property \"a\" requires");
        rejected(() -> where("{\"a\":{\"nin\":[[1]]}}"), "\"nin\" operator of property \"a\" requires");
        rejected(() -> where("{\"a\":{\"gt\":[1]}}"), "\"gt\" operator of property \"a\" requires a single value");
        rejected(() -> where("{\"a\":{\"like\":5}}"), "\"like\" operator of property \"a\" requires a string");
        rejected(() -> where("{\"a\":{\"regexp\":5}}"), "\"regexp\" operator of property \"a\" requires a string");
        rejected(() -> where("{\"a\":{\"regexp\":\"(\"}}"), "Invalid regular expression");
        rejected(() -> where("{\"a\":{\"exists\":\"yes\"}}"), "\"exists\" operator of property \"a\" requires");
        rejected(() -> where("{\"a\":{\"like\":\"x\",\"options\":1}}"), "\"options\" of property \"a\"");
        rejected(() -> where("{\"\":1}"), "empty property name");
    }

    @Test
    void hugeInqIsRefused() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i <= WhereParser.MAX_LIST_VALUES; i++) {
            ids.add(i);
        }
        rejected(() -> parser.parseWhere(Map.of("id", Map.of("inq", ids))), "accepts at most 10000 values");
        ids.remove(0);
        assertThat(parser.parseWhere(Map.of("id", Map.of("inq", ids)))).isInstanceOf(Condition.class);
    }

    @Test
    void nonStringKeysAreRefused() {
        Map<Object, Object> where = new HashMap<>();
        where.put(5, "x");
        rejected(() -> parser.parseWhere(where), "Invalid key 5 in query");
        Map<Object, Object> filter = new HashMap<>();
        filter.put(7, "x");
        rejected(() -> parser.parseFilter(filter), "Invalid key 7 in filter");
    }

    private static String nestedAnds(int count, String inner) {
        return "{\"and\":[".repeat(count) + inner + "]}".repeat(count);
    }

    @Test
    void depthTwelveIsAcceptedAndThirteenRefused() {
        // five nested "and"s take ten levels, the innermost object is 11, its operator object 12
        assertThat(where(nestedAnds(5, "{\"a\":{\"gt\":1}}"))).isNotNull();
        rejected(() -> where(nestedAnds(5, "{\"a\":{\"eq\":{\"x\":1}}}")),
                "The query object exceeds maximum depth 12");
        assertThatThrownBy(() -> where(nestedAnds(7, "{}")))
                .satisfies(e -> assertThat(((HttpError) e).code()).isEqualTo("QUERY_OBJECT_TOO_DEEP"));
        rejected(() -> json("{\"where\":" + nestedAnds(6, "{\"a\":1}") + "}"),
                "The query object exceeds maximum depth 12");
    }

    @Test
    void cyclicMapsAreRefusedNotLooped() {
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("a", cyclic);
        rejected(() -> parser.parseWhere(cyclic), "exceeds maximum depth 12");
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("include", filter);
        rejected(() -> parser.parseFilter(filter), "The filter object exceeds maximum depth 32");
    }

    @Test
    void veryDeepJsonIsA400() {
        rejected(() -> json("{\"where\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), "");
    }

    // ---- fields

    @Test
    void fieldsForms() {
        assertThat(json("{\"fields\":{\"a\":true,\"b\":false}}").fields()).isEqualTo(new Fields(Set.of("a"), Set.of("b")));
        assertThat(json("{\"fields\":{\"a\":1,\"b\":0}}").fields()).isEqualTo(new Fields(Set.of("a"), Set.of("b")));
        assertThat(json("{\"fields\":[\"a\",\"b\"]}").fields()).isEqualTo(new Fields(Set.of("a", "b"), Set.of()));
        assertThat(json("{\"fields\":\"a\"}").fields()).isEqualTo(new Fields(Set.of("a"), Set.of()));
        assertThat(qs("filter[fields][a]=true&filter[fields][b]=false").fields())
                .isEqualTo(new Fields(Set.of("a"), Set.of("b")));
        assertThat(qs("filter[fields]=a&filter[fields]=b").fields()).isEqualTo(new Fields(Set.of("a", "b"), Set.of()));
        assertThat(qs("filter[fields][0]=a").fields()).isEqualTo(new Fields(Set.of("a"), Set.of()));
    }

    @Test
    void badFieldsAreRefused() {
        rejected(() -> json("{\"fields\":{\"a\":\"yes\"}}"), "for fields property \"a\": expected true or false");
        rejected(() -> json("{\"fields\":[1]}"), "Invalid fields entry 1");
        rejected(() -> json("{\"fields\":5}"), "Invalid fields 5");
    }

    // ---- order

    @Test
    void orderForms() {
        assertThat(json("{\"order\":\"title DESC\"}").order()).containsExactly(new Order("title", Order.Direction.DESC));
        assertThat(json("{\"order\":\"title\"}").order()).containsExactly(new Order("title", Order.Direction.ASC));
        assertThat(json("{\"order\":\"a asc, b desc\"}").order())
                .containsExactly(new Order("a", Order.Direction.ASC), new Order("b", Order.Direction.DESC));
        assertThat(json("{\"order\":[\"a DESC\",\"address.city\"]}").order())
                .containsExactly(new Order("a", Order.Direction.DESC), new Order("address.city", Order.Direction.ASC));
        assertThat(qs("filter[order]=a+DESC&filter[order]=b").order())
                .containsExactly(new Order("a", Order.Direction.DESC), new Order("b", Order.Direction.ASC));
        assertThat(qs("filter[order][0]=a%20DESC").order()).containsExactly(new Order("a", Order.Direction.DESC));
    }

    @Test
    void orderInjectionIsRefused() {
        rejected(() -> json("{\"order\":\"title; DROP\"}"), "Invalid order \"title; DROP\"");
        rejected(() -> json("{\"order\":\"title DESC LIMIT 1\"}"), "Invalid order");
        rejected(() -> json("{\"order\":\"title UP\"}"), "Invalid order");
        rejected(() -> json("{\"order\":\"$where\"}"), "Invalid order");
        rejected(() -> json("{\"order\":{\"a\":1}}"), "Invalid order");
        rejected(() -> json("{\"order\":[1]}"), "Invalid order 1");
    }

    // ---- limit, skip, offset

    @Test
    void paging() {
        Filter filter = json("{\"limit\":10,\"skip\":5}");
        assertThat(filter.limit()).isEqualTo(10);
        assertThat(filter.skip()).isEqualTo(5);
        assertThat(json("{\"offset\":7}").skip()).isEqualTo(7);
        assertThat(json("{\"skip\":3,\"offset\":7}").skip()).isEqualTo(3);
        assertThat(qs("filter[limit]=2&filter[offset]=4").limit()).isEqualTo(2);
        assertThat(qs("filter[limit]=2&filter[offset]=4").skip()).isEqualTo(4);
        assertThat(json("{\"limit\":\"3\"}").limit()).isEqualTo(3);
        assertThat(json("{\"limit\":3.0}").limit()).isEqualTo(3);
        assertThat(json("{\"limit\":0}").limit()).isNull();
        assertThat(json("{\"limit\":2147483647}").limit()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void invalidPagingIsRefused() {
        rejected(() -> json("{\"limit\":-1}"), "The limit parameter -1 is not valid");
        rejected(() -> json("{\"limit\":\"-1\"}"), "The limit parameter -1 is not valid");
        rejected(() -> json("{\"limit\":1.5}"), "The limit parameter 1.5 is not valid");
        rejected(() -> json("{\"limit\":\"abc\"}"), "The limit parameter abc is not valid");
        rejected(() -> json("{\"limit\":true}"), "The limit parameter true is not valid");
        rejected(() -> json("{\"limit\":2147483648}"), "The limit parameter 2147483648 is not valid");
        rejected(() -> json("{\"skip\":1e20}"), "The skip parameter 1.0E20 is not valid");
        rejected(() -> json("{\"skip\":\"1e20\"}"), "The skip parameter 1e20 is not valid");
        rejected(() -> json("{\"offset\":[1]}"), "The offset parameter [1] is not valid");
    }

    // ---- include

    @Test
    void includeForms() {
        Include books = new Include("books", null, List.of());
        assertThat(json("{\"include\":\"books\"}").include()).containsExactly(books);
        assertThat(json("{\"include\":[\"books\",\"author\"]}").include())
                .containsExactly(books, new Include("author", null, List.of()));
        assertThat(json("{\"include\":{\"books\":\"chapters\"}}").include())
                .containsExactly(new Include("books", null, List.of(new Include("chapters", null, List.of()))));
        assertThat(json("{\"include\":{\"books\":[\"a\",\"b\"]}}").include()).containsExactly(new Include("books", null,
                List.of(new Include("a", null, List.of()), new Include("b", null, List.of()))));
        assertThat(json("{\"include\":{\"books\":{\"chapters\":\"pages\"}}}").include())
                .containsExactly(new Include("books", null, List.of(new Include("chapters", null,
                        List.of(new Include("pages", null, List.of()))))));
        assertThat(json("{\"include\":[\"a\",{\"b\":\"c\"}]}").include()).containsExactly(
                new Include("a", null, List.of()), new Include("b", null, List.of(new Include("c", null, List.of()))));
        assertThat(qs("filter[include]=books").include()).containsExactly(books);
        assertThat(qs("filter[include][books]=chapters").include())
                .containsExactly(new Include("books", null, List.of(new Include("chapters", null, List.of()))));
    }

    @Test
    void includeWithScope() {
        Filter filter = json("{\"include\":{\"relation\":\"books\",\"scope\":{\"where\":{\"price\":{\"gt\":5}},"
                + "\"fields\":[\"title\"],\"order\":\"title DESC\",\"limit\":2,\"skip\":1,\"include\":\"chapters\"}}}");
        Include include = filter.include().get(0);
        assertThat(include.relation()).isEqualTo("books");
        assertThat(include.nested()).containsExactly(new Include("chapters", null, List.of()));
        assertThat(include.scope()).isEqualTo(new Filter(cond("price", Operator.GT, 5),
                new Fields(Set.of("title"), Set.of()), List.of(new Order("title", Order.Direction.DESC)), 2, 1,
                List.of()));
        assertThat(json("{\"include\":{\"relation\":\"books\"}}").include())
                .containsExactly(new Include("books", null, List.of()));
        assertThat(qs("filter[include][relation]=books&filter[include][scope][limit]=1").include().get(0).scope().limit())
                .isEqualTo(1);
    }

    @Test
    void badIncludesAreRefused() {
        rejected(() -> json("{\"include\":5}"), "Invalid include 5");
        rejected(() -> json("{\"include\":{\"books\":true}}"), "Invalid include of relation \"books\"");
        rejected(() -> json("{\"include\":{\"relation\":5}}"), "The include \"relation\" must be a string");
        rejected(() -> json("{\"include\":{\"relation\":\"b\",\"scope\":\"x\"}}"), "The scope of include \"b\"");
        rejected(() -> json("{\"include\":\"$x\"}"), "Invalid relation name \"$x\"");
        rejected(() -> json("{\"include\":{\"relation\":\"b\",\"scope\":{\"where\":{\"$where\":1}}}}"),
                "Operator \"$where\" is not allowed");
        rejected(() -> json("{\"include\":{\"relation\":\"b\",\"scope\":{\"limit\":-2}}}"),
                "The limit parameter -2 is not valid");
    }
}
