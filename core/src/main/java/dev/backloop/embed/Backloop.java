package dev.backloop.embed;

import dev.backloop.app.AppBuilder;
import dev.backloop.boot.AppDirectory;
import dev.backloop.boot.AppLayout;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an app built in code starts, LoopBack 3's {@code loopback()}:
 *
 * <pre>{@code
 * BackloopApp app = Backloop.app();
 * DeclaredDataSource db = app.dataSource("db", Map.of("connector", "memory"));
 * app.model(db.createModel("Product"));                 // schema-less: any JSON is stored as is
 * BackloopServer server = app.start(3000);              // GET http://localhost:3000/api/Products
 * }</pre>
 */
public final class Backloop {
    private Backloop() {
    }

    /** An empty app: no datasources, no models, REST API at {@code /api}, port 3000. */
    public static BackloopApp app() {
        return new BackloopApp(new AppBuilder(), Path.of("").toAbsolutePath());
    }

    /**
     * The app an app directory declares, in this process's environment ({@code BACKLOOP_ENV}, else
     * {@code NODE_ENV}), to add more to in code before it starts.
     *
     * @throws dev.backloop.boot.BootException naming the file and entry at fault
     */
    public static BackloopApp app(Path appDirectory) {
        Map<String, String> environment = System.getenv();
        String env = AppDirectory.environmentName(environment);
        AppLayout layout = AppDirectory.load(appDirectory, env, environment);
        return new BackloopApp(AppBuilder.of(layout, env), layout.root());
    }
}
