package dev.backloop.relation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Where;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeMergeTest {
    private static final FilterParser PARSER = new FilterParser();

    private static Filter filter(String json) {
        return PARSER.parseFilter(json.replace('\'', '"'));
    }

    @Test
    void wheresAreAndedAndTheCallersOrderWins() {
        Filter merged = ScopeMerge.merge(filter("{'where':{'a':1},'order':'a ASC'}"),
                filter("{'where':{'b':2},'order':'b DESC'}"));
        assertThat(merged.where()).isEqualTo(Where.and(List.of(filter("{'where':{'a':1}}").where(),
                filter("{'where':{'b':2}}").where())));
        assertThat(merged.order()).isEqualTo(filter("{'order':'a ASC'}").order());
        assertThat(ScopeMerge.merge(Filter.ALL, filter("{'order':'b DESC'}")).order())
                .isEqualTo(filter("{'order':'b DESC'}").order());
    }

    @Test
    void theScopesFieldsLimitAndSkipWinWhenItSetsThem() {
        Filter merged = ScopeMerge.merge(filter("{'fields':['a'],'limit':10,'skip':3}"),
                filter("{'fields':['b'],'limit':2}"));
        assertThat(merged.fields().included()).containsExactly("b");
        assertThat(merged.limit()).isEqualTo(2);
        assertThat(merged.skip()).isEqualTo(3);
    }

    @Test
    void includesOfBothApply() {
        Filter merged = ScopeMerge.merge(filter("{'include':'a'}"), filter("{'include':'b'}"));
        assertThat(merged.include()).extracting(i -> i.relation()).containsExactly("a", "b");
    }

    @Test
    void noScopeLeavesTheCallersFilter() {
        Filter caller = filter("{'where':{'a':1},'limit':4}");
        assertThat(ScopeMerge.merge(caller, Filter.ALL)).isSameAs(caller);
    }

    @Test
    void keysCompareLooselyAsTheJuggler() {
        assertThat(Keys.of(7L)).isEqualTo(Keys.of("7")).isEqualTo(Keys.of(7.0));
        assertThat(Keys.of(7.5)).isEqualTo("7.5");
        assertThat(Keys.of(null)).isNull();
    }
}
