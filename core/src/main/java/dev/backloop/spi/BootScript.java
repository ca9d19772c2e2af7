package dev.backloop.spi;

import dev.backloop.app.App;

/**
 * Java code run once while an app boots, what a file of {@code server/boot/} is to a LoopBack 3 app: it
 * seeds data, adds remote methods or routes, and registers operation or remote hooks. Boot scripts run in
 * order after every model is attached, every component is added and every connector is started, and
 * before the app serves any request.
 *
 * <p>An app names its scripts in {@code server/config.json} ({@code "bootScripts": ["com.acme.SeedBooks"]},
 * each a class with a public no-argument constructor), ships them in
 * {@code META-INF/services/dev.backloop.spi.BootScript}, or adds them in code
 * ({@code Backloop.app().bootScript(...)}). Order: the services file's, then config.json's, then code's; a
 * class listed in both the services file and config.json runs once.
 *
 * <pre>{@code
 * public final class SeedBooks implements BootScript {
 *     public void boot(App app) {
 *         Model books = app.model("Book");
 *         if (books.count(null) == 0) {
 *             books.create(Map.of("title", "Dune"));
 *         }
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface BootScript {

    /**
     * Runs the script. Throwing stops boot: the app is closed and boot fails with the script's class and
     * message.
     *
     * @param app the app being booted: its models, datasources, shared classes and hooks
     */
    void boot(App app) throws Exception;
}
