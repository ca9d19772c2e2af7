package dev.backloop.bench;

import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.QueryStringDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The edge of every find: a filter from the query string into the typed tree, in both wire forms. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FilterParsingBenchmark {
    private final FilterParser parser = new FilterParser();

    /** {@code ?filter={"where":...}}: the query string decoded, then the JSON text parsed. */
    @Benchmark
    public Filter json() {
        Object text = QueryStringDecoder.decode("filter=" + java.net.URLEncoder.encode(Books.FIND_JSON,
                java.nio.charset.StandardCharsets.UTF_8)).get("filter");
        return parser.parseFilter(text);
    }

    /** {@code ?filter[where][genre]=fantasy&...}: qs's nested form. */
    @Benchmark
    public Filter qs() {
        return parser.parseFilter(QueryStringDecoder.decode(Books.FIND_QS).get("filter"));
    }

    /** The JSON text alone, already decoded from the query string. */
    @Benchmark
    public Filter jsonTextOnly() {
        return parser.parseFilter(Books.FIND_JSON);
    }
}
