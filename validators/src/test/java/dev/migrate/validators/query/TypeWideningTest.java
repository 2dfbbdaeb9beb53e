package dev.migrate.validators.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeWideningTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "INTEGER; BIGINT", "int4; int8", "int2; INTEGER", "SMALLINT; SMALLINT", "serial; bigserial",
        "UINTEGER; BIGINT", "UTINYINT; SMALLINT", "REAL; DOUBLE", "float4; float8", "INTEGER; DOUBLE",
        "TIMESTAMP_MS; TIMESTAMP", "varchar; text", "VARCHAR(20); VARCHAR(50)", "character varying(20); TEXT",
        "DECIMAL(10,2); DECIMAL(12,2)", "DECIMAL(10,2); DECIMAL(11,3)", "INTEGER; DECIMAL(12,2)", "numeric(5,1); numeric",
        "BIGINT; NUMERIC(19,0)"})
    void holdsEveryValue(String from, String to) {
        assertThat(TypeWidening.widens(from, to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "BIGINT; INTEGER", "int8; int4", "UINTEGER; INTEGER", "BIGINT; DOUBLE", "DOUBLE; REAL", "INTEGER; VARCHAR",
        "TIMESTAMP; TIMESTAMP_MS", "TIMESTAMP; TIMESTAMP WITH TIME ZONE", "DATE; TIMESTAMP", "VARCHAR(50); VARCHAR(20)",
        "TEXT; VARCHAR", "DECIMAL(12,2); DECIMAL(10,2)", "DECIMAL(10,2); DECIMAL(10,3)", "numeric; numeric(10,2)",
        "BIGINT; DECIMAL(12,2)", "DOUBLE; DECIMAL(38,10)", "INTEGER; BOOLEAN", "GEOMETRY; GEOMETRY2"})
    void losesOrChangesValues(String from, String to) {
        assertThat(TypeWidening.widens(from, to)).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "TIMESTAMP; DATETIME", "datetime; timestamp", "INT; INTEGER", "int4; serial", "double precision; FLOAT8",
        "REAL; float4", "BPCHAR(3); CHAR(3)", "TEXT; STRING", "DECIMAL(12,2); NUMERIC(12,2)", "numeric; decimal",
        "VARCHAR(20); varchar(20)"})
    void oneTypeUnderTwoNames(String a, String b) {
        assertThat(TypeWidening.sameType(a, b)).isTrue();
        assertThat(TypeWidening.sameType(b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = ';', value = {
        "TIMESTAMP; TIMESTAMP_MS", "DATETIME; TIMESTAMP WITH TIME ZONE", "DATE; DATETIME", "INTEGER; BIGINT",
        "REAL; DOUBLE", "VARCHAR; TEXT", "VARCHAR(20); VARCHAR(50)", "CHAR(3); BPCHAR(4)", "DECIMAL(12,2); NUMERIC(12,3)",
        "numeric; numeric(10,2)", "GEOMETRY; GEOGRAPHY"})
    void differentTypes(String a, String b) {
        assertThat(TypeWidening.sameType(a, b)).isFalse();
        assertThat(TypeWidening.sameType(b, a)).isFalse();
    }

    @Test
    void namesAreReadWithoutCase() {
        assertThat(TypeWidening.widens("hugeint", "HUGEINT")).isTrue();
        assertThat(TypeWidening.widens("double precision", "float8")).isTrue();
    }
}
