package dev.backloop.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableSubstitutionTest {
    private final VariableSubstitution substitution =
            new VariableSubstitution(Map.of("USER", "app", "PASS", "p$1\\x", "PORT", "5432"));

    @Test
    void replacesEveryVariableInAString() {
        assertThat(substitution.substitute("db", "url", "postgres://${USER}:${PASS}@host:${PORT}/db"))
                .isEqualTo("postgres://app:p$1\\x@host:5432/db");
        assertThat(substitution.substitute("db", "port", "${PORT}")).isEqualTo("5432");
    }

    @Test
    void leavesOtherValuesAlone() {
        assertThat(substitution.substitute("db", "port", 5432L)).isEqualTo(5432L);
        assertThat(substitution.substitute("db", "ssl", true)).isEqualTo(true);
        assertThat(substitution.substitute("db", "x", null)).isNull();
        assertThat(substitution.substitute("db", "text", "no variables, $ and {}")).isEqualTo("no variables, $ and {}");
    }

    @Test
    void walksObjectsAndArrays() {
        assertThat(substitution.substitute("db", "options", Map.of("auth", List.of("${USER}", 1L))))
                .isEqualTo(Map.of("auth", List.of("app", 1L)));
    }

    @Test
    void aDefaultIsUsedWhenTheVariableIsUnsetOrEmpty() {
        VariableSubstitution withEmpty = new VariableSubstitution(Map.of("URL", "http://b:1/api", "EMPTY", ""));
        assertThat(withEmpty.substitute("r", "url", "${URL:-http://127.0.0.1:3001/api}")).isEqualTo("http://b:1/api");
        assertThat(withEmpty.substitute("r", "url", "${OTHER:-http://127.0.0.1:3001/api}"))
                .isEqualTo("http://127.0.0.1:3001/api");
        assertThat(withEmpty.substitute("r", "url", "${EMPTY:-x}")).isEqualTo("x");
        assertThat(withEmpty.substitute("r", "token", "${OTHER:-}")).isEqualTo("");
        assertThat(withEmpty.substitute("r", "url", "http://${HOST:-localhost}:${PORT:-3000}/api"))
                .isEqualTo("http://localhost:3000/api");
    }

    @Test
    void unsetVariableIsAnError() {
        assertThatThrownBy(() -> substitution.substitute("db", "options", Map.of("user", "${DB_USER}")))
                .isInstanceOf(BootException.class)
                .hasMessage("Datasource \"db\": setting \"options.user\" uses ${DB_USER}, but the environment "
                        + "variable DB_USER is not set");
    }
}
