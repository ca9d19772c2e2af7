package dev.backloop.spi;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one datasource, as written in {@code datasources.json} (after environment overlays and
 * {@code ${VAR}} substitution).
 *
 * @param name          the datasource name ({@code "db"})
 * @param connector     the connector name as written ({@code "memory"}, {@code "loopback-connector-mongodb"})
 * @param values        every setting, JSON types (String, Number, Boolean, List, Map)
 * @param baseDirectory the folder relative paths in settings are resolved against (the app
 *                      directory, for an app booted from one)
 */
public record DataSourceSettings(String name, String connector, Map<String, Object> values, Path baseDirectory) {

    public DataSourceSettings {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(connector, "connector is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(baseDirectory, "baseDirectory is null");
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<String> string(String key) {
        return get(key).map(String::valueOf);
    }

    public Optional<Long> number(String key) {
        return get(key).map(v -> v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim()));
    }

    public boolean flag(String key, boolean fallback) {
        return get(key).map(v -> v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v))).orElse(fallback);
    }

    /** A path setting resolved against {@link #baseDirectory()}. */
    public Optional<Path> path(String key) {
        return string(key).map(baseDirectory::resolve);
    }
}
