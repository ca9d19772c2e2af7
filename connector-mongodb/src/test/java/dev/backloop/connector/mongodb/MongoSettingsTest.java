package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoSettingsTest {

    private static MongoSettings settings(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return MongoSettings.from(new DataSourceSettings("db", "mongodb", values, Path.of(".")));
    }

    @Test
    void defaultsAreLoopBacks() {
        MongoSettings s = settings();
        assertThat(s.connectionString().getConnectionString()).isEqualTo("mongodb://127.0.0.1:27017/test");
        assertThat(s.database()).isEqualTo("test");
        assertThat(s.lazyConnect()).isFalse();
        assertThat(s.strictObjectIdCoercion()).isFalse();
        assertThat(s.allowExtendedOperators()).isFalse();
    }

    @Test
    void hostPortDatabaseAndEncodedCredentials() {
        MongoSettings s = settings("host", "db.example", "port", 27018, "database", "shop", "user", "app",
                "password", "p@ss:w/rd", "authSource", "admin");
        assertThat(s.connectionString().getHosts()).containsExactly("db.example:27018");
        assertThat(s.database()).isEqualTo("shop");
        assertThat(s.connectionString().getUsername()).isEqualTo("app");
        assertThat(new String(s.connectionString().getPassword())).isEqualTo("p@ss:w/rd");
        assertThat(s.connectionString().getCredential().getSource()).isEqualTo("admin");
        assertThat(s.redactedUrl()).doesNotContain("p%40ss").contains("app:***@");
    }

    @Test
    void theUrlWinsAndDriverOptionsAreAdded() {
        MongoSettings s = settings("url", "mongodb://h1:1,h2:2/orders?replicaSet=rs0", "host", "ignored",
                "database", "ignored", "serverSelectionTimeoutMS", 1500, "poolSize", 7, "replicaSet", "other");
        assertThat(s.connectionString().getHosts()).containsExactly("h1:1", "h2:2");
        assertThat(s.database()).isEqualTo("orders");
        assertThat(s.connectionString().getServerSelectionTimeout()).isEqualTo(1500);
        assertThat(s.connectionString().getMaxConnectionPoolSize()).isEqualTo(7);
        assertThat(s.connectionString().getRequiredReplicaSetName()).isEqualTo("rs0");
    }

    @Test
    void aUrlWithoutDatabaseTakesTheSetting() {
        MongoSettings s = settings("url", "mongodb://h:1", "database", "shop", "connectTimeoutMS", "250",
                "strictObjectIDCoercion", true, "allowExtendedOperators", "true", "lazyConnect", true);
        assertThat(s.database()).isEqualTo("shop");
        assertThat(s.connectionString().getConnectTimeout()).isEqualTo(250);
        assertThat(s.strictObjectIdCoercion()).isTrue();
        assertThat(s.allowExtendedOperators()).isTrue();
        assertThat(s.lazyConnect()).isTrue();
    }

    @Test
    void anInvalidUrlNamesTheDatasourceWithoutThePassword() {
        assertThatThrownBy(() -> settings("url", "http://user:secret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Datasource \"db\"").hasMessageNotContaining("secret");
    }
}
