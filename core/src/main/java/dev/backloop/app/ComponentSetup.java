package dev.backloop.app;

import dev.backloop.spi.ComponentContext;
import java.nio.file.Path;
import org.glassfish.jersey.server.model.Resource;

/** The {@link ComponentContext} of one app while its components are created. */
record ComponentSetup(App app, Path appDirectory, String environment) implements ComponentContext {

    @Override
    public void addResource(Resource resource) {
        app.addComponentResource(resource);
    }
}
