package dev.backloop.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Optional interface of a {@link Connector} that can tell which models its backend offers: the remote
 * connector with {@code "discover": true} reads them from the remote app's API description. Boot asks
 * once, before any model is attached; each model found that the app does not declare itself is defined
 * from the answer and attached, public, to this connector's datasource. A model the app declares wins,
 * so a discovered model can be refined by writing its definition.
 */
public interface ModelDiscovery {

    /**
     * The models found, each as LoopBack 3 model definition JSON (what a {@code common/models/*.json} file
     * holds: {@code name}, {@code plural}, {@code base}, {@code properties}, {@code methods}); empty when
     * this datasource is not set to discover. May do I/O; failing fails boot with the message.
     */
    List<ObjectNode> discoverModels();
}
