package org.healthycities.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class DocumentLimitsTest {

    private static DocumentLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hc.documents", DocumentLimits.class);
    }

    @Test
    void withoutPropertiesTheDefaultsHold() {
        DocumentLimits limits = bind(Map.of());
        assertThat(limits).isEqualTo(DocumentLimits.defaults());
        assertThat(limits.maxBytes()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(limits.maxChars()).isEqualTo(2_000_000);
        assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(limits.allowedTypes()).hasSize(6).contains("application/pdf", "image/jpeg");
    }

    @Test
    void eachLimitIsSetByItsProperty() {
        DocumentLimits limits = bind(Map.of("hc.documents.max-bytes", "10485760", "hc.documents.max-chars", "1000",
                "hc.documents.timeout", "5s", "hc.documents.max-depth", "1", "hc.documents.allowed-types", "application/pdf,image/png"));
        assertThat(limits.maxBytes()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(limits.maxChars()).isEqualTo(1000);
        assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.maxDepth()).isEqualTo(1);
        assertThat(limits.allowedTypes()).isEqualTo(List.of("application/pdf", "image/png"));
        assertThat(bind(Map.of("hc.documents.max-bytes", "5MB")).maxBytes()).isEqualTo(DataSize.ofMegabytes(5));
    }
}
