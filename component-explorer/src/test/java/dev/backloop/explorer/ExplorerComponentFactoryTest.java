package dev.backloop.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.backloop.app.App;
import dev.backloop.component.ComponentRegistry;
import dev.backloop.spi.ComponentContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExplorerComponentFactoryTest {
    private static App app;

    @BeforeAll
    static void boot() {
        app = ShopApp.boot();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    /** A context that records the resources a component adds. */
    private record Context(App app, Path appDirectory, String environment, List<Resource> added) implements ComponentContext {
        @Override
        public void addResource(Resource resource) {
            added.add(resource);
        }
    }

    @Test
    void isFoundByItsNameAndLoopBacksPackageName() {
        ComponentRegistry registry = ComponentRegistry.discover(getClass().getClassLoader());
        assertThat(registry.find("explorer")).containsInstanceOf(ExplorerComponentFactory.class);
        assertThat(registry.find("loopback-component-explorer")).containsInstanceOf(ExplorerComponentFactory.class);
    }

    @Test
    void addsOneResourceAtTheMountPath() {
        Context context = new Context(app, ShopApp.directory(), "test", new ArrayList<>());
        new ExplorerComponentFactory().create(context, JsonNodeFactory.instance.objectNode().put("mountPath", "/docs"));
        assertThat(context.added()).singleElement().extracting(Resource::getPath).isEqualTo("/docs");
    }

    @Test
    void refusesAMountPathInsideTheRestApi() {
        Context context = new Context(app, ShopApp.directory(), "test", new ArrayList<>());
        for (String inside : List.of("/api", "/API/explorer")) {
            assertThatThrownBy(() -> new ExplorerComponentFactory().create(context,
                    JsonNodeFactory.instance.objectNode().put("mountPath", inside)))
                    .as(inside).hasMessageContaining("inside the REST API's root");
        }
        assertThat(context.added()).isEmpty();
    }
}
