package dev.backloop.bench;

import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.filter.eval.RegexGuard;
import dev.backloop.filter.eval.WhereMatcher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where evaluation over 100,000 records, as the memory connector runs it: a count (where only), and a
 * find page (where, order by price, limit 10). Each operation compiles its query, as a request does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class WhereEvaluationBenchmark {
    private static final FilterParser PARSER = new FilterParser();

    @Param("100000")
    public int records;

    @Param({"eq", "eqAndGt", "like", "inq"})
    public String where;

    private List<Map<String, Object>> books;
    private Where parsedWhere;
    private Filter page;

    @Setup
    public void setUp() {
        books = Books.records(records);
        String whereJson = switch (where) {
            case "eq" -> "{\"genre\":\"fantasy\"}";
            case "eqAndGt" -> "{\"genre\":\"fantasy\",\"year\":{\"gt\":1990}}";
            case "like" -> "{\"title\":{\"like\":\"%volume 12%\"}}";
            case "inq" -> "{\"author\":{\"inq\":[\"Grace Hopper\",\"Donald Knuth\"]},\"inStock\":true}";
            default -> throw new IllegalArgumentException(where);
        };
        parsedWhere = PARSER.parseWhere(whereJson);
        page = PARSER.parseFilter("{\"where\":" + whereJson + ",\"order\":\"price DESC\",\"limit\":10}");
    }

    @Benchmark
    public long count() {
        Predicate<Map<String, Object>> matcher = WhereMatcher.compile(parsedWhere, RegexGuard.perQuery());
        long count = 0;
        for (Map<String, Object> book : books) {
            if (matcher.test(book)) {
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public List<Map<String, Object>> findPage() {
        return InMemoryQuery.compile(page).apply(books);
    }
}
