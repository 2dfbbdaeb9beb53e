package dev.migrate.validators.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Credentials never reach an output. A password holding '@' was cut at its first '@' and the rest printed
 * ({@code //***@t0r@host}); one holding '/' was not found at all.
 */
class SecretsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://validator:Val!d@t0r@127.0.0.1:5432/lake | jdbc:postgresql://***@127.0.0.1:5432/lake",
        "jdbc:postgresql://etl:pa/ss@db/etl | jdbc:postgresql://***@db/etl",
        "jdbc:mysql://etl:s3cret@db:3306/etl?useSSL=true | jdbc:mysql://***@db:3306/etl?useSSL=true",
        "jdbc:postgresql://db/lake?user=x&password=hunter2 | jdbc:postgresql://db/lake?user=x&password=***",
        "jdbc:oracle:thin:scott/tiger@//db:1521/orcl | jdbc:oracle:thin:***@//db:1521/orcl",
        "connection 'a' (jdbc:postgresql://u:p@w@h/db): refused | connection 'a' (jdbc:postgresql://***@h/db): refused",
        "jdbc:postgresql://etl:12/34@db/etl | jdbc:postgresql://***@db/etl",
        "jdbc:postgresql://etl:pw@db/lake@prod | jdbc:postgresql://***@db/lake@prod",
        "postgresql://etl:pw@db:5432/x | postgresql://***@db:5432/x"})
    void removesEveryPartOfACredential(String text, String redacted) {
        assertThat(Secrets.redactUrl(text)).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/lake",
        "jdbc:postgresql://db/lake?user=me@corp.example&ssl=true",
        "jdbc:oracle:thin:@//db:1521/orcl",
        "jdbc:sqlite:/tmp/evidence.db",
        "jdbc:postgresql://db/lake@prod",
        "postgresql://db:5432/lake@prod?ssl=true",
        "jdbc:postgresql://[::1]:5432/sales@eu",
        "jdbc:sqlite:///tmp/runs@2024/evidence.db",
        "jdbc:oracle:thin:@//db:1521/orcl@x"})
    void leavesAUrlWithoutCredentialsAsItIs(String url) {
        assertThat(Secrets.redactUrl(url)).isEqualTo(url);
    }
}
