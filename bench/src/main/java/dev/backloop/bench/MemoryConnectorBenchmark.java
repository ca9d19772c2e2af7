package dev.backloop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.connector.memory.MemoryConnector;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Where;
import dev.backloop.json.Json;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory connector's find and count over its own store (not plain maps), with the load benchmark's
 * where clauses: what the find and count workloads cost below the REST layer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MemoryConnectorBenchmark {
    private static final FilterParser PARSER = new FilterParser();

    @Param({"10000", "100000"})
    public int records;

    private MemoryConnector connector;
    private ModelDefinition book;
    private Filter find;
    private Where count;
    private Filter byId;

    @Setup
    public void setUp() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Path.of("bench/app/common/models/book.json").toFile());
        book = new ModelDefinitionReader(name -> Optional.empty()).read(json);
        connector = new MemoryConnector(new DataSourceSettings("db", "memory", Map.of(), Path.of(".")));
        connector.define(book);
        connector.start();
        for (int i = 0; i < records; i++) {
            Map<String, Object> data = Books.book(i);
            data.remove("id");
            connector.create(book, data);
        }
        find = PARSER.parseFilter(Books.FIND_JSON);
        count = PARSER.parseWhere("{\"genre\":\"fantasy\",\"year\":{\"gte\":2000}}");
        byId = PARSER.parseFilter("{\"where\":{\"id\":" + (records / 2) + "}}");
    }

    @TearDown
    public void tearDown() {
        connector.close();
    }

    @Benchmark
    public List<Map<String, Object>> find() {
        return connector.find(book, find);
    }

    @Benchmark
    public long count() {
        return connector.count(book, count);
    }

    @Benchmark
    public List<Map<String, Object>> findById() {
        return connector.find(book, byId);
    }
}
