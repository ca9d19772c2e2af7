package dev.backloop.app;

import dev.backloop.boot.AppDirectory;
import dev.backloop.boot.AppLayout;
import java.nio.file.Path;
import java.util.Map;

/**
 * Boots an app directory in LoopBack 3 layout: it is read into an {@link AppLayout}, which fills the same
 * {@link AppBuilder} an app built in code fills, and that builder assembles the app.
 */
public final class AppBooter {
    private AppBooter() {
    }

    /** Boots with the environment of this process ({@code BACKLOOP_ENV}, else {@code NODE_ENV}). */
    public static App boot(Path appDir) {
        Map<String, String> environment = System.getenv();
        return boot(appDir, AppDirectory.environmentName(environment), environment);
    }

    public static App boot(Path appDir, String env, Map<String, String> environment) {
        String name = env == null ? AppDirectory.environmentName(environment) : env;
        AppLayout layout = AppDirectory.load(appDir, name, environment);
        return AppBuilder.of(layout, name).build();
    }
}
