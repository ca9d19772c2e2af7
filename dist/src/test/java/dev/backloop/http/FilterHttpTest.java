package dev.backloop.http;

import static dev.backloop.http.HttpClientSupport.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filter language over HTTP: every operator, in both encodings (stringified JSON and qs brackets),
 * against the same seeded books.
 */
class FilterHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;

    @BeforeAll
    static void seed() {
        app = AppUnderTest.library(tempDir);
        http = app.http;
        String[] books = {
            "{\"title\":\"Dune\",\"author\":\"Herbert\",\"price\":9.5,\"published\":\"1965-08-01T00:00:00.000Z\","
                    + "\"inStock\":true,\"tags\":[\"sf\",\"classic\"],\"meta\":{\"pages\":412,\"lang\":\"en\"}}",
            "{\"title\":\"Emma\",\"author\":\"Austen\",\"price\":4,\"published\":\"1815-12-23T00:00:00.000Z\","
                    + "\"inStock\":false,\"tags\":[\"classic\"],\"meta\":{\"pages\":474,\"lang\":\"en\"}}",
            "{\"title\":\"Solaris\",\"author\":\"Lem\",\"price\":12,\"published\":\"1961-06-01T00:00:00.000Z\","
                    + "\"inStock\":true,\"tags\":[\"sf\"],\"meta\":{\"pages\":204,\"lang\":\"pl\"}}",
            "{\"title\":\"dune messiah\",\"author\":\"Herbert\",\"price\":7,\"inStock\":true}"
        };
        for (String book : books) {
            assertThat(http.post("/api/Books", book).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<String> titles(HttpClientSupport.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        for (JsonNode book : reply.json()) {
            titles.add(book.get("title").asText());
        }
        return titles;
    }

    private static List<String> json(String filter) {
        return titles(http.get("/api/Books?filter=" + q(filter)));
    }

    private static List<String> qs(String query) {
        return titles(http.get("/api/Books?" + query));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"where\":{\"author\":\"Herbert\"},\"order\":\"title ASC\"}              | filter[where][author]=Herbert&filter[order]=title%20ASC                | Dune,dune messiah",
        "{\"where\":{\"author\":{\"eq\":\"Lem\"}}}                                  | filter[where][author][eq]=Lem                                          | Solaris",
        "{\"where\":{\"author\":{\"neq\":\"Herbert\"}},\"order\":\"title\"}         | filter[where][author][neq]=Herbert&filter[order]=title                 | Emma,Solaris",
        "{\"where\":{\"price\":{\"gt\":9.5}}}                                       | filter[where][price][gt]=9.5                                           | Solaris",
        "{\"where\":{\"price\":{\"gte\":9.5}},\"order\":\"price\"}                  | filter[where][price][gte]=9.5&filter[order]=price                      | Dune,Solaris",
        "{\"where\":{\"price\":{\"lt\":7}}}                                         | filter[where][price][lt]=7                                             | Emma",
        "{\"where\":{\"price\":{\"lte\":7}},\"order\":\"price DESC\"}               | filter[where][price][lte]=7&filter[order]=price%20DESC                 | dune messiah,Emma",
        "{\"where\":{\"price\":{\"between\":[5,10]}},\"order\":\"price\"}           | filter[where][price][between][0]=5&filter[where][price][between][1]=10&filter[order]=price | dune messiah,Dune",
        "{\"where\":{\"author\":{\"inq\":[\"Lem\",\"Austen\"]}},\"order\":\"title\"} | filter[where][author][inq]=Lem&filter[where][author][inq]=Austen&filter[order]=title | Emma,Solaris",
        "{\"where\":{\"author\":{\"nin\":[\"Herbert\"]}},\"order\":\"title\"}       | filter[where][author][nin][0]=Herbert&filter[order]=title              | Emma,Solaris",
        "{\"where\":{\"title\":{\"like\":\"D%\"}}}                                  | filter[where][title][like]=D%25                                        | Dune",
        "{\"where\":{\"title\":{\"nlike\":\"%e%\"}},\"order\":\"title\"}            | filter[where][title][nlike]=%25e%25&filter[order]=title                | Emma,Solaris",
        "{\"where\":{\"title\":{\"ilike\":\"dune%\"}},\"order\":\"title\"}          | filter[where][title][ilike]=dune%25&filter[order]=title                | Dune,dune messiah",
        "{\"where\":{\"title\":{\"nilike\":\"dune%\"}},\"order\":\"title\"}         | filter[where][title][nilike]=dune%25&filter[order]=title               | Emma,Solaris",
        "{\"where\":{\"title\":{\"regexp\":\"^d\"}}}                                | filter[where][title][regexp]=%5Ed                                      | dune messiah",
        "{\"where\":{\"title\":{\"regexp\":\"/^d/i\"}},\"order\":\"title\"}         | filter[where][title][regexp]=%2F%5Ed%2Fi&filter[order]=title           | Dune,dune messiah",
        "{\"where\":{\"published\":{\"exists\":false}}}                             | filter[where][published][exists]=false                                 | dune messiah",
        "{\"where\":{\"published\":{\"gt\":\"1900-01-01T00:00:00.000Z\"}},\"order\":\"published\"} | filter[where][published][gt]=1900-01-01T00:00:00.000Z&filter[order]=published | Solaris,Dune",
        "{\"where\":{\"inStock\":false}}                                            | filter[where][inStock]=false                                           | Emma",
        "{\"where\":{\"meta.lang\":\"pl\"}}                                         | filter[where][meta.lang]=pl                                            | Solaris",
        "{\"where\":{\"meta.pages\":{\"gt\":400}},\"order\":\"title\"}              | filter[where][meta.pages][gt]=400&filter[order]=title                  | Dune,Emma",
        "{\"where\":{\"or\":[{\"author\":\"Lem\"},{\"price\":4}]},\"order\":\"title\"} | filter[where][or][0][author]=Lem&filter[where][or][1][price]=4&filter[order]=title | Emma,Solaris",
        "{\"where\":{\"and\":[{\"author\":\"Herbert\"},{\"price\":{\"lt\":8}}]}}    | filter[where][and][0][author]=Herbert&filter[where][and][1][price][lt]=8 | dune messiah",
        "{\"order\":[\"author ASC\",\"price DESC\"]}                                | filter[order][0]=author%20ASC&filter[order][1]=price%20DESC            | Emma,Dune,dune messiah,Solaris",
        "{\"order\":\"price DESC\",\"limit\":2}                                      | filter[order]=price%20DESC&filter[limit]=2                             | Solaris,Dune",
        "{\"order\":\"price DESC\",\"limit\":2,\"skip\":1}                           | filter[order]=price%20DESC&filter[limit]=2&filter[skip]=1              | Dune,dune messiah",
        "{\"order\":\"price DESC\",\"limit\":1,\"offset\":3}                         | filter[order]=price%20DESC&filter[limit]=1&filter[offset]=3            | Emma",
    })
    void bothEncodingsSelectTheSameBooks(String jsonFilter, String qsFilter, String expected) {
        List<String> want = List.of(expected.split(","));
        assertThat(json(jsonFilter)).as("stringified JSON %s", jsonFilter).isEqualTo(want);
        assertThat(qs(qsFilter)).as("qs %s", qsFilter).isEqualTo(want);
    }

    @Test
    void nestedAndInsideOrWorksAsJson() {
        assertThat(json("{\"where\":{\"or\":[{\"and\":[{\"author\":\"Herbert\"},{\"price\":7}]},"
                + "{\"title\":\"Emma\"}]},\"order\":\"title\"}")).containsExactly("Emma", "dune messiah");
    }

    @Test
    void queryStringKeysBeyondFiveLevelsStayLiteralAsExpressQs() {
        // filter[where][or][0][and][0][author] is six levels: qs keeps "[author]" as one key, so that clause
        // names a property no book has and matches nothing, exactly as on LoopBack 3.
        assertThat(qs("filter[where][or][0][and][0][author]=Herbert&filter[where][or][0][and][1][price]=7"
                + "&filter[where][or][1][title]=Emma&filter[order]=title")).containsExactly("Emma");
    }

    @Test
    void fieldsInObjectAndArrayForms() {
        JsonNode objectForm = http.get("/api/Books?filter=" + q("{\"fields\":{\"title\":true,\"price\":true},\"limit\":1}")).json();
        assertThat(objectForm.get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("title", "price");
        JsonNode arrayForm = http.get("/api/Books?filter=" + q("{\"fields\":[\"title\"],\"limit\":1}")).json();
        assertThat(arrayForm.get(0).fieldNames()).toIterable().containsExactly("title");
        JsonNode exclusion = http.get("/api/Books?filter[fields][meta]=false&filter[fields][tags]=false&filter[limit]=1").json();
        assertThat(exclusion.get(0).has("meta")).isFalse();
        assertThat(exclusion.get(0).has("title")).isTrue();
    }

    @Test
    void countAndUpdateAllTakeAWhereInBothEncodings() {
        assertThat(http.get("/api/Books/count?where=" + q("{\"author\":\"Herbert\"}")).json().get("count").asInt()).isEqualTo(2);
        assertThat(http.get("/api/Books/count?where[author]=Herbert").json().get("count").asInt()).isEqualTo(2);
        assertThat(http.get("/api/Books/count?where[price][between][0]=5&where[price][between][1]=10").json()
                .get("count").asInt()).isEqualTo(2);
    }

    @Test
    void datesAndNumbersCompareAsTheirTypes() {
        // as strings "12" < "9.5"; as numbers 12 > 9.5
        assertThat(json("{\"where\":{\"price\":{\"gt\":\"10\"}}}")).containsExactly("Solaris");
        // as strings "1815..." sorts first either way; check DESC order of dates
        assertThat(json("{\"where\":{\"published\":{\"exists\":true}},\"order\":\"published DESC\"}"))
                .containsExactly("Dune", "Solaris", "Emma");
    }

    @Test
    void hiddenPropertiesNeverComeBack() {
        for (JsonNode book : http.get("/api/Books").json()) {
            assertThat(book.has("secret")).isFalse();
        }
    }
}
