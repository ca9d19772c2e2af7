package dev.backloop.spi;

import dev.backloop.app.App;
import java.nio.file.Path;
import org.glassfish.jersey.server.model.Resource;

/** What a component sees of the app it is added to. */
public interface ComponentContext {

    /** The app: its models, datasources, REST settings and shared classes (the route registry). */
    App app();

    /** The app directory, for relative paths in the component's config; {@code null} for apps built in code. */
    Path appDirectory();

    /** The environment name ({@code development}, {@code production}, ...). */
    String environment();

    /**
     * Serves a Jersey resource beside the REST API, at its own absolute path (e.g. {@code /explorer}).
     * Requests to it get the app's request ids, CORS and compression, but not the REST API's argument
     * mapping: the resource handles its requests itself.
     */
    void addResource(Resource resource);
}
