package dev.backloop.connector.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import org.junit.jupiter.api.Test;

class IdValuesTest {
    private final ModelDefinition numeric = ConformanceModels.item();
    private final ModelDefinition text = ConformanceModels.model("T", ConformanceModels.suppliedId(PropertyType.STRING));

    @Test
    void numericIdsBecomeLongsWhenWhole() {
        assertThat(IdValues.coerce(numeric, 3)).isEqualTo(3L);
        assertThat(IdValues.coerce(numeric, 3.0)).isEqualTo(3L);
        assertThat(IdValues.coerce(numeric, " 3 ")).isEqualTo(3L);
        assertThat(IdValues.coerce(numeric, 2.5)).isEqualTo(2.5);
        assertThatThrownBy(() -> IdValues.coerce(numeric, "abc")).isInstanceOf(HttpError.class);
    }

    @Test
    void stringIdsBecomeText() {
        assertThat(IdValues.coerce(text, 3L)).isEqualTo("3");
        assertThat(IdValues.coerce(text, 3.0)).isEqualTo("3");
        assertThat(IdValues.coerce(text, "sf")).isEqualTo("sf");
    }
}
