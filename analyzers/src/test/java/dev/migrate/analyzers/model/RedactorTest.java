package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        postgresql+asyncpg://prefect_user:s3cret@localhost/prefect_db | postgresql+asyncpg://prefect_user:***@localhost/prefect_db
        PREFECT_API_DATABASE_PASSWORD=hunter2                        | PREFECT_API_DATABASE_PASSWORD=***
        export VAN_API_KEY_PASSWORD="abc def"                        | export VAN_API_KEY_PASSWORD=***
        pg_dump --password=xyz prefect_db                            | pg_dump --password=*** prefect_db
        curl --token abc https://x                                   | curl --token *** https://x
        mysqldump -uroot -pTopSecret db                              | mysqldump -uroot -p*** db
        PREFECT_API_KEY: pnu_123                                      | PREFECT_API_KEY: ***
        connect(password=abc)                                        | connect(password=***)
        connect(user=u, password=abc, port=5)                        | connect(user=u, password=***, port=5)
        cfg = {token=abc}                                            | cfg = {token=***}
        PASSWORD=a(b)c                                               | PASSWORD=***
        run(PASSWORD=x)]                                             | run(PASSWORD=***)]
        """)
    void redactsSecrets(String in, String expected) {
        assertThat(Redactor.redact(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        */15 * * * * /opt/offload/run.sh --table trades
        PREFECT_API_URL=http://localhost:4200/api
        DB_PASSWORD=$DB_PASSWORD
        https://example.com/path?x=1
        """)
    void leavesOrdinaryTextAlone(String in) {
        assertThat(Redactor.redact(in)).isEqualTo(in);
    }

    @ParameterizedTest
    @CsvSource({"SNOWFLAKE_PASSWORD,true", "PREFECT_API_KEY,true", "GITHUB_TOKEN,true", "PATH,false", "MAILTO,false"})
    void knowsSecretNames(String name, boolean secret) {
        assertThat(Redactor.isSecretName(name)).isEqualTo(secret);
    }
}
