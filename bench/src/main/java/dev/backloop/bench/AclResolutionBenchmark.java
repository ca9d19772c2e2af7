package dev.backloop.bench;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.model.Model;
import dev.backloop.security.acl.AccessChecker;
import dev.backloop.security.acl.AccessContext;
import dev.backloop.security.acl.AccessRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * One access check, as every REST call makes it, on an app booted from JSON (User, AccessToken, ACL, Role,
 * RoleMapping and a Note model on memory): {@code static} resolves Note's own ACL entries ($everyone DENY,
 * $authenticated READ, $owner WRITE) for a signed-in caller's find; {@code rows} adds 200 rows to the ACL
 * table (LoopBack's dynamic ACLs), one of them for Note; {@code role} needs a custom role, so the caller's
 * RoleMapping rows are looked up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AclResolutionBenchmark {

    @Param({"static", "rows", "role"})
    public String scenario;

    private Path dir;
    private App app;
    private AccessChecker checker;
    private AccessRequest request;
    private AccessContext context;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("acl-bench");
        Files.createDirectories(dir.resolve("server"));
        Files.createDirectories(dir.resolve("common/models"));
        Files.writeString(dir.resolve("server/config.json"), "{\"restApiRoot\": \"/api\", \"port\": 0}");
        Files.writeString(dir.resolve("server/datasources.json"), "{\"db\": {\"name\": \"db\", \"connector\": \"memory\"}}");
        Files.writeString(dir.resolve("server/model-config.json"), """
                {"_meta": {"sources": ["loopback/common/models", "../common/models"]},
                 "User": {"dataSource": "db"}, "AccessToken": {"dataSource": "db", "public": false},
                 "ACL": {"dataSource": "db", "public": false}, "Role": {"dataSource": "db", "public": false},
                 "RoleMapping": {"dataSource": "db", "public": false}, "Note": {"dataSource": "db", "public": true}}
                """);
        Files.writeString(dir.resolve("common/models/note.json"), """
                {"name": "Note", "base": "PersistedModel", "properties": {"text": "string", "userId": "number"},
                 "acls": [{"principalType": "ROLE", "principalId": "$everyone", "permission": "DENY"},
                          {"principalType": "ROLE", "principalId": "$authenticated", "permission": "ALLOW", "accessType": "READ"},
                          {"principalType": "ROLE", "principalId": "$owner", "permission": "ALLOW", "accessType": "WRITE"},
                          {"principalType": "ROLE", "principalId": "editor", "permission": "ALLOW", "property": "publish"}]}
                """);
        app = AppBooter.boot(dir, "production", Map.of());
        Object userId = app.model("User").create(Map.of("email", "bench@example.com", "password", "secret")).id();
        Model acl = app.model("ACL");
        if (scenario.equals("rows")) {
            for (int i = 0; i < 199; i++) {
                acl.create(Map.of("model", "Other" + i, "property", "*", "accessType", "*", "principalType", "ROLE",
                        "principalId", "$everyone", "permission", "DENY"));
            }
            acl.create(Map.of("model", "Note", "property", "find", "accessType", "READ", "principalType", "ROLE",
                    "principalId", "$authenticated", "permission", "ALLOW"));
        }
        if (scenario.equals("role")) {
            Object editor = app.model("Role").create(Map.of("name", "editor")).id();
            app.model("RoleMapping").create(Map.of("principalType", "USER", "principalId", String.valueOf(userId),
                    "roleId", editor));
        }
        checker = app.security().acl();
        Model notes = app.model("Note");
        request = scenario.equals("role") ? new AccessRequest("Note", List.of("publish"), "EXECUTE")
                : new AccessRequest("Note", List.of("find"), "READ");
        context = new AccessContext(notes, null, userId, "User", null, null);
        try {
            if (!checker.allows(request, context, null)) {
                throw new IllegalStateException(scenario + ": the benchmark's caller should be allowed");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown
    public void tearDown() {
        app.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public boolean check() throws Exception {
        return checker.allows(request, context, null);
    }
}
