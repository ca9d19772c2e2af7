package dev.backloop.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.model.PropertyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IdKeyTest {

    @Test
    void numbersAreOneKeyWhateverTheirClass() {
        IdKey three = IdKey.of(3L, PropertyType.NUMBER);
        assertThat(IdKey.of(3, PropertyType.NUMBER)).isEqualTo(three);
        assertThat(IdKey.of(3.0, PropertyType.NUMBER)).isEqualTo(three);
        assertThat(IdKey.of(new BigDecimal("3.00"), PropertyType.NUMBER)).isEqualTo(three);
        assertThat(IdKey.of(BigInteger.valueOf(3), PropertyType.NUMBER)).isEqualTo(three);
        assertThat(IdKey.of("3", PropertyType.NUMBER)).isEqualTo(three);
        assertThat(IdKey.of(" 3", PropertyType.NUMBER).value()).isEqualTo(" 3");
        assertThat(IdKey.of(2.5, PropertyType.NUMBER).text()).isEqualTo("2.5");
    }

    @Test
    void stringIdsStayText() {
        assertThat(IdKey.of("3", PropertyType.STRING).value()).isEqualTo("3");
        assertThat(IdKey.of(3, PropertyType.STRING).value()).isEqualTo("3");
        assertThat(IdKey.generated(7, PropertyType.STRING).value()).isEqualTo("7");
        assertThat(IdKey.generated(7, PropertyType.NUMBER).value()).isEqualTo(7L);
        assertThat(IdKey.of("10", PropertyType.STRING).integral()).isEqualTo(10L);
    }

    @Test
    void numbersSortBeforeStrings() {
        TreeSet<IdKey> keys = new TreeSet<>(List.of(IdKey.of("b", PropertyType.ANY), IdKey.of(10, PropertyType.ANY),
                IdKey.of(2.5, PropertyType.ANY), IdKey.of("a", PropertyType.ANY), IdKey.of(new BigDecimal("1e30"), PropertyType.ANY)));
        assertThat(keys).extracting(IdKey::text).containsExactly("2.5", "10", "1000000000000000000000000000000", "a", "b");
    }

    @Test
    void structuredIdsAre400() {
        assertThatThrownBy(() -> IdKey.of(Map.of(), PropertyType.ANY)).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> IdKey.of(Double.NaN, PropertyType.NUMBER)).isInstanceOf(HttpError.class);
    }
}
