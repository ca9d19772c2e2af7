import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.backloop.connector.memory.MemoryConnector;
import dev.backloop.connector.mongodb.MongoConnector;
import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Order;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.model.StrictMode;
import dev.backloop.spi.Connector;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.GeneratedIds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MongoDB connector against the memory connector, in one run: create throughput, then a find with a where,
 * an order and a limit over N records. Prints each rate and the ratio mongodb / memory. MongoDB is the
 * server at MONGODB_URL, else an in-process mongo-java-server (which measures that server, not MongoDB).
 * Run with bench/mongo/run.sh.
 */
public final class MongoVsMemory {

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String url = System.getenv("MONGODB_URL");
        MongoServer server = null;
        if (url == null || url.isBlank()) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            System.out.println("MongoDB: in-process mongo-java-server (set MONGODB_URL for a real MongoDB)");
        } else {
            System.out.println("MongoDB: " + url.replaceAll("(://[^:/@]+):[^@/]*@", "$1:***@"));
        }
        try {
            Result memory = run("memory", new MemoryConnector(settings("memory", Map.of())), records, queries);
            Result mongo = run("mongodb", new MongoConnector(settings("mongodb",
                    Map.of("url", url, "database", "backloop_bench"))), records, queries);
            System.out.printf("%nratio mongodb/memory: create %.3f, find %.3f (1.0 = as fast as memory)%n",
                    mongo.createsPerSecond / memory.createsPerSecond, mongo.findsPerSecond / memory.findsPerSecond);
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private record Result(double createsPerSecond, double findsPerSecond) {
    }

    private static Result run(String name, Connector connector, int records, int queries) {
        ModelDefinition model = GeneratedIds.typed(model(), connector.generatedIdType());
        connector.define(model);
        connector.start();
        try {
            connector.automigrate(model);
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("group", "g" + (i % 100));
                data.put("score", (long) ((i * 7919L) % 100_000));
                data.put("title", "record " + i);
                connector.create(model, data);
            }
            double creates = records / seconds(start);
            Filter filter = new Filter(new Where.And(List.of(Where.eq("group", "g42"),
                    new Where.Condition("score", Operator.GT, 50_000L))), Fields.ALL,
                    List.of(new Order("score", Order.Direction.DESC)), 20, 0, List.of());
            for (int i = 0; i < Math.max(3, queries / 10); i++) {
                connector.find(model, filter);
            }
            start = System.nanoTime();
            int found = 0;
            for (int i = 0; i < queries; i++) {
                found += connector.find(model, filter).size();
            }
            double finds = queries / seconds(start);
            System.out.printf("%-8s %,10.0f creates/s   %,10.1f finds/s (%d records, %d results per find)%n",
                    name, creates, finds, records, found / queries);
            return new Result(creates, finds);
        } finally {
            connector.close();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static DataSourceSettings settings(String connector, Map<String, Object> values) {
        return new DataSourceSettings("bench", connector, values, Path.of("."));
    }

    private static ModelDefinition model() {
        Map<String, PropertyDefinition> properties = new LinkedHashMap<>();
        properties.put("id", new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, 1, true, false, null));
        properties.put("group", PropertyDefinition.of("group", PropertyType.STRING));
        properties.put("score", PropertyDefinition.of("score", PropertyType.NUMBER));
        properties.put("title", PropertyDefinition.of("title", PropertyType.STRING));
        return new ModelDefinition("BenchRecord", "BenchRecords", "PersistedModel", properties, StrictMode.FALSE,
                Set.of(), Set.of(), List.of(), null, true, false, JsonNodeFactory.instance.objectNode());
    }
}
