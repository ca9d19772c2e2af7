package dev.backloop.spi;

import java.util.Objects;

/**
 * One setting a connector's datasources usually set, described for tools that write
 * {@code datasources.json}: see {@link ConnectorFactory#settings()}.
 *
 * <pre>{@code
 * new ConnectorSetting("port", "Port of the server", ConnectorSetting.Type.NUMBER, "27017")
 * }</pre>
 *
 * @param name         the key in {@code datasources.json} ({@code "url"})
 * @param description  what to ask the user, one short line
 * @param type         the JSON type the value is written as
 * @param defaultValue the value proposed when the user gives none, as text; {@code ""} for none (the
 *                     setting is then left out of the file)
 * @param secret       whether the value is a secret (a password, a key): tools do not echo it as it is typed
 */
public record ConnectorSetting(String name, String description, Type type, String defaultValue, boolean secret) {

    /** The JSON type of a setting's value. */
    public enum Type {
        STRING, NUMBER, BOOLEAN
    }

    public ConnectorSetting {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(defaultValue, "defaultValue is null");
    }

    /** A setting that is not a secret. */
    public ConnectorSetting(String name, String description, Type type, String defaultValue) {
        this(name, description, type, defaultValue, false);
    }

    /** A text setting. */
    public static ConnectorSetting text(String name, String description, String defaultValue) {
        return new ConnectorSetting(name, description, Type.STRING, defaultValue);
    }

    /** A secret text setting with no default (a password, an access key). */
    public static ConnectorSetting secret(String name, String description) {
        return new ConnectorSetting(name, description, Type.STRING, "", true);
    }
}
