package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canonical form of a DuckDB type that {@link JsonFieldOrder} compares: struct fields sorted at every depth. */
class JsonFieldOrderCanonicalTest {
    @Test
    void sortsStructFieldsAtEveryDepth() {
        assertThat(JsonFieldOrder.canonical("STRUCT(b VARCHAR, a BIGINT)")).isEqualTo("STRUCT(a BIGINT, b VARCHAR)");
        assertThat(JsonFieldOrder.canonical("STRUCT(qty BIGINT, sku VARCHAR)[]"))
                .isEqualTo(JsonFieldOrder.canonical("STRUCT(sku VARCHAR, qty BIGINT)[]"));
        assertThat(JsonFieldOrder.canonical("MAP(VARCHAR, STRUCT(y BIGINT, z DECIMAL(18,3)))"))
                .isEqualTo("MAP(VARCHAR, STRUCT(y BIGINT, z DECIMAL(18,3)))")
                .isEqualTo(JsonFieldOrder.canonical("MAP(VARCHAR, STRUCT(z DECIMAL(18,3), y BIGINT))"));
        assertThat(JsonFieldOrder.canonical("STRUCT(\"order id\" BIGINT, at TIMESTAMP WITH TIME ZONE)"))
                .isEqualTo("STRUCT(\"order id\" BIGINT, at TIMESTAMP WITH TIME ZONE)");
    }

    @Test
    void otherFieldsOrTypesStayApart() {
        assertThat(JsonFieldOrder.canonical("STRUCT(a BIGINT, b VARCHAR)"))
                .isNotEqualTo(JsonFieldOrder.canonical("STRUCT(a BIGINT, b VARCHAR, c BIGINT)"))
                .isNotEqualTo(JsonFieldOrder.canonical("STRUCT(a DOUBLE, b VARCHAR)"));
    }

    @Test
    void aTypeItCannotReadIsNotCast() {
        assertThat(JsonFieldOrder.canonical("UNION(a BIGINT, b VARCHAR)")).isNull();
        assertThat(JsonFieldOrder.canonical("STRUCT(\"a\"\"b\" BIGINT)")).isNull();
        assertThat(JsonFieldOrder.canonical("STRUCT(a BIGINT")).isNull();
    }
}
