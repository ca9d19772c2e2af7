package dev.backloop.bench;

import dev.backloop.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/** A page of results to bytes with the platform's one ObjectMapper, as every REST response is written. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JsonSerializationBenchmark {
    @Param({"1", "10", "100"})
    public int pageSize;

    private Object page;

    @Setup
    public void setUp() {
        List<Map<String, Object>> books = new ArrayList<>(Books.records(pageSize));
        page = pageSize == 1 ? books.get(0) : books;
    }

    @Benchmark
    public byte[] toBytes() {
        return Json.toBytes(page);
    }
}
