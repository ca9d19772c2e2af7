package dev.backloop.connector.mongodb;

import com.mongodb.ConnectionString;
import dev.backloop.spi.DataSourceSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A MongoDB datasource's settings, read as LoopBack's MongoDB connector reads them: {@code url}, or
 * {@code host}/{@code port}/{@code database}/{@code user}/{@code password}/{@code authSource}, plus driver
 * options ({@code serverSelectionTimeoutMS}, {@code maxPoolSize}, {@code replicaSet}, {@code tls}, ...),
 * which are added to the connection string unless the url already sets them.
 *
 * @param connectionString      the connection string the driver gets
 * @param database              the database: the url's, else {@code database} ({@code db}), else {@code test}
 * @param lazyConnect           do not contact the server in {@code start()}; the first request does
 * @param strictObjectIdCoercion only ObjectId-typed properties match 24-digit hex strings as ObjectIds
 * @param allowExtendedOperators {@code $inc}, {@code $push}, ... are accepted in update data
 * @param disableDefaultSort    do not sort by {@code _id} when a filter has no order
 * @param changeStreams         models' change streams read MongoDB change streams (a replica set is needed), so
 *                              changes written by every app instance on the database are announced
 */
record MongoSettings(ConnectionString connectionString, String database, boolean lazyConnect,
        boolean strictObjectIdCoercion, boolean allowExtendedOperators, boolean disableDefaultSort,
        boolean changeStreams) {

    /** LoopBack (node driver) setting name → connection string option. */
    private static final Map<String, String> DRIVER_OPTIONS = driverOptions();

    MongoSettings {
        Objects.requireNonNull(connectionString, "connectionString is null");
        Objects.requireNonNull(database, "database is null");
    }

    static MongoSettings from(DataSourceSettings settings) {
        String url = settings.string("url").filter(u -> !u.isBlank()).orElseGet(() -> generatedUrl(settings));
        url = withDriverOptions(url, settings);
        ConnectionString connectionString;
        try {
            connectionString = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Datasource \"" + settings.name() + "\": invalid MongoDB url "
                    + redact(url) + ": " + e.getMessage(), e);
        }
        String database = connectionString.getDatabase() != null ? connectionString.getDatabase()
                : settings.string("database").or(() -> settings.string("db")).orElse("test");
        return new MongoSettings(connectionString, database, settings.flag("lazyConnect", false),
                settings.flag("strictObjectIDCoercion", false), settings.flag("allowExtendedOperators", false),
                settings.flag("disableDefaultSort", false), settings.flag("changeStreams", false));
    }

    /** The connection string without its password, for messages and logs. */
    String redactedUrl() {
        return redact(connectionString.getConnectionString());
    }

    static String redact(String url) {
        return url.replaceAll("(://[^:/@]+):[^@/]*@", "$1:***@");
    }

    private static String generatedUrl(DataSourceSettings settings) {
        String protocol = settings.string("protocol").orElse("mongodb");
        String host = settings.string("hostname").or(() -> settings.string("host")).orElse("127.0.0.1");
        String port = settings.string("port").orElse("27017");
        String database = settings.string("database").or(() -> settings.string("db")).orElse("test");
        String user = settings.string("username").or(() -> settings.string("user")).orElse(null);
        String password = settings.string("password").orElse(null);
        StringBuilder url = new StringBuilder(protocol).append("://");
        if (user != null && password != null) {
            url.append(encode(user)).append(':').append(encode(password)).append('@');
        }
        url.append(host);
        // mongodb+srv names a DNS seed list: no port
        if (!"mongodb+srv".equals(protocol)) {
            url.append(':').append(port);
        }
        return url.append('/').append(encode(database)).toString();
    }

    private static String withDriverOptions(String url, DataSourceSettings settings) {
        String lower = url.toLowerCase(Locale.ROOT);
        Map<String, String> added = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : DRIVER_OPTIONS.entrySet()) {
            String target = option.getValue();
            if (added.containsKey(target) || lower.matches(".*[?&]" + target.toLowerCase(Locale.ROOT) + "=.*")) {
                continue;
            }
            settings.get(option.getKey()).ifPresent(value -> added.put(target, String.valueOf(value)));
        }
        if (added.isEmpty()) {
            return url;
        }
        StringBuilder result = new StringBuilder(url);
        int slashes = url.indexOf("://");
        boolean hasPath = slashes >= 0 && url.indexOf('/', slashes + 3) >= 0;
        if (!hasPath) {
            result.append('/');
        }
        char separator = url.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> option : added.entrySet()) {
            result.append(separator).append(option.getKey()).append('=').append(encode(option.getValue()));
            separator = '&';
        }
        return result.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> driverOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String same : new String[] {"authSource", "authMechanism", "replicaSet", "serverSelectionTimeoutMS",
                "connectTimeoutMS", "socketTimeoutMS", "maxPoolSize", "minPoolSize", "maxIdleTimeMS",
                "waitQueueTimeoutMS", "heartbeatFrequencyMS", "tls", "ssl", "tlsAllowInvalidCertificates",
                "tlsAllowInvalidHostnames", "appName", "w", "wtimeoutMS", "journal", "readPreference",
                "readConcernLevel", "retryWrites", "retryReads", "compressors", "directConnection"}) {
            options.put(same, same);
        }
        // the node driver's names
        options.put("poolSize", "maxPoolSize");
        options.put("appname", "appName");
        options.put("wtimeout", "wtimeoutMS");
        options.put("j", "journal");
        return options;
    }
}
