package dev.backloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.boot.BootException;
import dev.backloop.boot.ModelConfigEntry;
import dev.backloop.remoting.SharedClass;
import dev.backloop.remoting.SharedMethodSettings;
import dev.backloop.spi.DeclaredMethods;
import dev.backloop.spi.Providers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boot steps of remote methods: the {@code methods} a model definition declares, the app's
 * {@link ModelCustomizer}s that implement them, the check that every declared method has code, and the
 * {@code remoting.sharedMethods} settings that hide methods.
 */
final class RemotingSetup {
    private static final Logger LOG = LoggerFactory.getLogger(RemotingSetup.class);

    private RemotingSetup() {
    }

    /** Declares the definition's {@code methods} on the model's shared class. */
    static void declareMethods(SharedClass shared) {
        JsonNode methods = shared.model().definition().settings().path("methods");
        if (methods.isMissingNode() || methods.isNull()) {
            return;
        }
        if (!methods.isObject()) {
            // LoopBack 3 warns and goes on
            LOG.warn("Ignoring non-object \"methods\" setting of \"{}\"", shared.name());
            return;
        }
        methods.fields().forEachRemaining(e -> {
            try {
                shared.declare(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new BootException("Model " + shared.name() + ": " + ex.getMessage(), ex);
            }
        });
    }

    /** The customizers on the class path, each reported by class when it cannot be loaded. */
    static List<ModelCustomizer> discover(ClassLoader loader) {
        try {
            return Providers.load(ModelCustomizer.class, loader, "ModelCustomizer");
        } catch (IllegalStateException e) {
            throw new BootException(e.getMessage(), e);
        }
    }

    /** Runs each customizer of a model the app has, in class-path order. */
    static void customize(App app, List<ModelCustomizer> customizers) {
        for (ModelCustomizer customizer : customizers) {
            String model = customizer.model();
            if (model == null || !app.models().containsKey(model)) {
                LOG.debug("Customizer {} is for model {}, which this app does not have", customizer.getClass().getName(), model);
                continue;
            }
            try {
                customizer.customize(app.sharedClass(model), app);
            } catch (BootException e) {
                throw e;
            } catch (Exception e) {
                throw new BootException("ModelCustomizer " + customizer.getClass().getName() + " failed for model "
                        + model + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Lets a connector that {@linkplain DeclaredMethods carries out declared methods itself} (the remote
     * connector) implement those no customizer implemented.
     */
    static void implementByConnector(SharedClass shared) {
        if (!(shared.model().connector() instanceof DeclaredMethods connector)) {
            return;
        }
        for (String name : shared.unimplemented()) {
            connector.implement(shared.model(), name).ifPresent(handler -> shared.implement(name, handler));
        }
    }

    /** Fails boot for a method declared in JSON that no customizer implemented. */
    static void requireImplemented(SharedClass shared) {
        List<String> missing = shared.unimplemented();
        if (!missing.isEmpty()) {
            throw new BootException("Model " + shared.name() + " declares remote method" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing.stream().map(m -> "\"" + m + "\"").toList())
                    + " in \"methods\" with no Java code: ship a dev.backloop.app.ModelCustomizer for model \""
                    + shared.name() + "\" that calls implement(name, handler)");
        }
    }

    /** Applies config.json's and the model-config entry's {@code remoting.sharedMethods}. */
    static void applySharedMethods(SharedClass shared, JsonNode appRemoting, ModelConfigEntry entry) {
        try {
            SharedMethodSettings.of(appRemoting.path("sharedMethods"),
                    entry.options().path("remoting").path("sharedMethods")).applyTo(shared);
        } catch (IllegalArgumentException e) {
            throw new BootException("Model " + shared.name() + ": " + e.getMessage(), e);
        }
    }
}
