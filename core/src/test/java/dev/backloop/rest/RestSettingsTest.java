package dev.backloop.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RestSettingsTest {
    @Test
    void sizesAreParsedAsBodyParserWritesThem() {
        assertThat(RestSettings.parseSize(null)).isEqualTo(100 * 1024);
        assertThat(RestSettings.parseSize("100kb")).isEqualTo(102_400);
        assertThat(RestSettings.parseSize("1MB")).isEqualTo(1_048_576);
        assertThat(RestSettings.parseSize("1.5mb")).isEqualTo(1_572_864);
        assertThat(RestSettings.parseSize(2048)).isEqualTo(2048);
        assertThat(RestSettings.parseSize("512")).isEqualTo(512);
        assertThatThrownBy(() -> RestSettings.parseSize("lots")).hasMessageContaining("not a size: \"lots\"");
    }

    @Test
    void theRootIsNormalised() {
        assertThat(new RestSettings("api/", 1, false).restApiRoot()).isEqualTo("/api");
        assertThat(new RestSettings("/", 1, false).restApiRoot()).isEmpty();
        assertThat(new RestSettings("/v1//", 1, false).restApiRoot()).isEqualTo("/v1");
    }
}
