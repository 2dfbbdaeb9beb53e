package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spellings of one moment that writers use in SQLite text columns, read as that moment (UTC, sortable). */
class SqliteInstantTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "2024-03-01 02:00:00|2024-03-01 02:00:00",
        "2024-03-01T03:00:00+0100|2024-03-01 02:00:00",
        "2024-03-01 03:00:00+01|2024-03-01 02:00:00",
        "2024-03-01 01:00:00 -01:00|2024-03-01 02:00:00",
        "2024-03-01 02:00:00 UTC|2024-03-01 02:00:00",
        "2024-03-01 02:00|2024-03-01 02:00:00",
        "2024-03-01|2024-03-01 00:00:00",
        "2024-03-01 02:00:00,250|2024-03-01 02:00:00.25",
        "2024-03-01 02:00:00.000000|2024-03-01 02:00:00",
        "2024-03-01 02:00:00.123456789|2024-03-01 02:00:00.123456789",
        "2024-02-30 02:00:00|null",
        "2024-03-01+01:00|null",
        "03/01/2024 02:00|null",
        "yesterday|null"})
    void readsTheSpellingsOfOneMoment(String text, String expected) {
        assertThat(SqliteInstant.canonical(text)).isEqualTo(expected);
    }
}
