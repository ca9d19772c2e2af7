package dev.backloop.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryStringDecoderTest {

    @Test
    void nullAndEmptyGiveEmptyMap() {
        assertThat(QueryStringDecoder.decode(null)).isEmpty();
        assertThat(QueryStringDecoder.decode("")).isEmpty();
    }

    @Test
    void plainPairsKeepInsertionOrder() {
        Map<String, Object> decoded = QueryStringDecoder.decode("b=2&a=1&c");
        assertThat(decoded).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"), Map.entry("c", ""));
    }

    @Test
    void plusIsSpaceAndPercentIsUtf8() {
        assertThat(QueryStringDecoder.decode("q=a+b%20c&n=%C3%A9t%C3%A9&k%5Bx%5D=1"))
                .containsEntry("q", "a b c")
                .containsEntry("n", "été")
                .containsEntry("k", Map.of("x", "1"));
    }

    @Test
    void badEscapesAreKeptLiterally() {
        assertThat(QueryStringDecoder.decode("a=%zz+1&b=%E9&c=100%&d=%"))
                .containsEntry("a", "%zz 1")
                .containsEntry("b", "%E9")
                .containsEntry("c", "100%")
                .containsEntry("d", "%");
        // only ASCII hex digits make an escape, as in JavaScript
        assertThat(QueryStringDecoder.decode("a=%\u0663\u0663")).containsEntry("a", "%\u0663\u0663");
    }

    @Test
    void repeatedKeysBecomeLists() {
        assertThat(QueryStringDecoder.decode("a=1&a=2&a=3")).containsEntry("a", List.of("1", "2", "3"));
    }

    @Test
    void emptyBracketsAppend() {
        assertThat(QueryStringDecoder.decode("a[]=1&a[]=2")).containsEntry("a", List.of("1", "2"));
        assertThat(QueryStringDecoder.decode("a[]=1&a=2")).containsEntry("a", List.of("1", "2"));
    }

    @Test
    void indicesBuildListsInIndexOrder() {
        assertThat(QueryStringDecoder.decode("a[1]=y&a[0]=x")).containsEntry("a", List.of("x", "y"));
        assertThat(QueryStringDecoder.decode("a[0]=x&a[1]=y")).containsEntry("a", List.of("x", "y"));
        // holes are compacted away as qs does
        assertThat(QueryStringDecoder.decode("a[3]=z")).containsEntry("a", List.of("z"));
        assertThat(QueryStringDecoder.decode("a[20]=z")).containsEntry("a", List.of("z"));
    }

    @Test
    void indexAboveArrayLimitMakesAnObject() {
        assertThat(QueryStringDecoder.decode("a[21]=z")).containsEntry("a", Map.of("21", "z"));
        Object merged = QueryStringDecoder.decode("a[0]=x&a[21]=z").get("a");
        assertThat(merged).isEqualTo(Map.of("0", "x", "21", "z"));
    }

    @Test
    void nonCanonicalIndicesAreObjectKeys() {
        assertThat(QueryStringDecoder.decode("a[01]=x")).containsEntry("a", Map.of("01", "x"));
        assertThat(QueryStringDecoder.decode("a[-1]=x")).containsEntry("a", Map.of("-1", "x"));
        assertThat(QueryStringDecoder.decode("0=x")).containsEntry("0", "x");
    }

    @Test
    void nestedBracketsBuildObjects() {
        assertThat(QueryStringDecoder.decode("filter[where][price][gt]=5&filter[limit]=2"))
                .isEqualTo(Map.of("filter", Map.of("where", Map.of("price", Map.of("gt", "5")), "limit", "2")));
    }

    @Test
    void nestedListsOfObjects() {
        assertThat(QueryStringDecoder.decode("w[or][0][a]=1&w[or][1][b]=2&w[or][0][c]=3"))
                .isEqualTo(Map.of("w", Map.of("or", List.of(Map.of("a", "1", "c", "3"), Map.of("b", "2")))));
    }

    @Test
    void depthBeyondFiveStaysOneLiteralKey() {
        Map<String, Object> decoded = QueryStringDecoder.decode("a[b][c][d][e][f][g]=1");
        assertThat(decoded).isEqualTo(
                Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", Map.of("f", Map.of("[g]", "1"))))))));
        Map<String, Object> deeper = QueryStringDecoder.decode("a[b][c][d][e][f][g][h]=1");
        assertThat(deeper.toString()).contains("[g][h]=1");
    }

    @Test
    void dotsAreNotSplit() {
        assertThat(QueryStringDecoder.decode("filter[where][address.city]=x"))
                .isEqualTo(Map.of("filter", Map.of("where", Map.of("address.city", "x"))));
    }

    @Test
    void equalsInsideBracketsStaysInKey() {
        assertThat(QueryStringDecoder.decode("a[b=c]=d")).isEqualTo(Map.of("a", Map.of("b=c", "d")));
        assertThat(QueryStringDecoder.decode("a=b=c")).containsEntry("a", "b=c");
    }

    @Test
    void conflictsMergeAsQsDoes() {
        assertThat(QueryStringDecoder.decode("a=1&a[b]=2")).containsEntry("a", List.of("1", Map.of("b", "2")));
        assertThat(QueryStringDecoder.decode("a[b]=2&a=1")).containsEntry("a", Map.of("b", "2", "1", true));
        assertThat(QueryStringDecoder.decode("a[0]=x&a[b]=y")).containsEntry("a", Map.of("0", "x", "b", "y"));
    }

    @Test
    void parameterLimitIgnoresExtraParameters() {
        String query = IntStream.range(0, 1100).mapToObj(i -> "k" + i + "=" + i).collect(Collectors.joining("&"));
        Map<String, Object> decoded = QueryStringDecoder.decode(query);
        assertThat(decoded).hasSize(1000).containsKey("k999").doesNotContainKey("k1000");
    }

    @Test
    void emptyKeysAreIgnored() {
        assertThat(QueryStringDecoder.decode("=x&&a=1&")).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void prototypeNamesArePlainKeys() {
        assertThat(QueryStringDecoder.decode("__proto__[x]=1&constructor=2"))
                .containsEntry("__proto__", Map.of("x", "1"))
                .containsEntry("constructor", "2");
    }
}
