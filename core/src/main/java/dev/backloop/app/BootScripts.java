package dev.backloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.boot.BootException;
import dev.backloop.spi.BootScript;
import dev.backloop.spi.Providers;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The boot step of {@link BootScript}s: finding them, in order, and running them. */
final class BootScripts {
    private static final Logger LOG = LoggerFactory.getLogger(BootScripts.class);

    private BootScripts() {
    }

    /**
     * The scripts of an app, in the order they run: those in the class path's services files, then the
     * classes config.json's {@code bootScripts} names (one listed in both runs once), then those given in code.
     */
    static List<BootScript> collect(JsonNode named, ClassLoader loader, List<BootScript> inCode) {
        List<BootScript> scripts = new ArrayList<>();
        Set<String> classes = new LinkedHashSet<>();
        try {
            for (BootScript script : Providers.load(BootScript.class, loader, "BootScript")) {
                scripts.add(script);
                classes.add(script.getClass().getName());
            }
        } catch (IllegalStateException e) {
            throw new BootException(e.getMessage(), e);
        }
        for (String className : classNames(named)) {
            if (classes.add(className)) {
                scripts.add(instantiate(className, loader));
            }
        }
        scripts.addAll(inCode);
        return scripts;
    }

    /** Runs each script in order; the first one that throws stops boot with its message. */
    static void run(App app, List<BootScript> scripts) {
        for (BootScript script : scripts) {
            String name = script.getClass().getName();
            LOG.debug("Running boot script {}", name);
            try {
                script.boot(app);
            } catch (BootException e) {
                throw e;
            } catch (Exception e) {
                throw new BootException("Boot script " + name + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static List<String> classNames(JsonNode named) {
        if (named.isMissingNode() || named.isNull()) {
            return List.of();
        }
        String expected = "config.json: \"bootScripts\" must be an array of class names, not " + named;
        if (!named.isArray()) {
            throw new BootException(expected);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : named) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw new BootException(expected);
            }
            names.add(item.textValue().trim());
        }
        return names;
    }

    private static BootScript instantiate(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BootException("config.json: boot script " + className + " is not on the class path", e);
        }
        if (!BootScript.class.isAssignableFrom(type)) {
            throw new BootException("config.json: boot script " + className + " does not implement "
                    + BootScript.class.getName());
        }
        try {
            return (BootScript) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new BootException("config.json: boot script " + className
                    + " needs a public constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw new BootException("config.json: boot script " + className + " could not be created: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
