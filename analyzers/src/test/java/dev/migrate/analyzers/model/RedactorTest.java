package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
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
        mysqldump -uroot -pTop$ecret db                              | mysqldump -uroot -p*** db
        mysqldump -uroot -p'$VAR' db                                 | mysqldump -uroot -p*** db
        DB_PW=s3cretDbPass                                           | DB_PW=***
        MYSQL_PW_2: hunter2                                          | MYSQL_PW_2: ***
        PREFECT_API_KEY: pnu_123                                      | PREFECT_API_KEY: ***
        connect(password=abc)                                        | connect(password=***)
        connect(user=u, password=abc, port=5)                        | connect(user=u, password=***, port=5)
        cfg = {token=abc}                                            | cfg = {token=***}
        PASSWORD=a(b)c                                               | PASSWORD=***
        run(PASSWORD=x)]                                             | run(PASSWORD=***)]
        curl -H 'Authorization: Bearer eyJhbGc.payload' https://x    | curl -H 'Authorization: Bearer ***' https://x
        curl -H "authorization: Basic dXNlcjpwdw==" https://x        | curl -H "authorization: Basic ***" https://x
        curl -fsS -u etl:Curl-pw-1 https://x/api                     | curl -fsS -u etl:*** https://x/api
        wget --user=etl:Wget-pw-2 https://x/f                        | wget --user=etl:*** https://x/f
        sshpass -p Ssh-pw-3 ssh etl@host run                         | sshpass -p *** ssh etl@host run
        redis-cli -h cache -a Redis-pw-4 ping                        | redis-cli -h cache -a *** ping
        prefect cloud login -k pnu_short --workspace a/b             | prefect cloud login -k *** --workspace a/b
        prefect cloud login --key pnu_short                          | prefect cloud login --key ***
        /opt/run.sh --client-secret Cs-5 --api-key=Ak-6              | /opt/run.sh --client-secret *** --api-key=***
        git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r | git clone https://***@github.com/o/r
        export KEYLESS=pnu_abcdefghijklmnopqrstuvwxyz0123456789     | export KEYLESS=***
        aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE     | aws configure set aws_access_key_id ***
        @reboot /usr/bin/ss-local -s 203.0.113.5 -p 8388 -k Ss-pw-7 -m aes-256-gcm | @reboot /usr/bin/ss-local -s 203.0.113.5 -p 8388 -k *** -m aes-256-gcm
        sslocal -b 127.0.0.1:1080 -s vpn:8388 -k "Ss pw 8" -m chacha20-ietf-poly1305 | sslocal -b 127.0.0.1:1080 -s vpn:8388 -k *** -m chacha20-ietf-poly1305
        ExecStart=/usr/bin/ss-server -s 0.0.0.0 -kSs-pw-9                 | ExecStart=/usr/bin/ss-server -s 0.0.0.0 -k***
        sshpass -p "Ssh pw 10" ssh etl@host run                       | sshpass -p *** ssh etl@host run
        """)
    void redactsSecrets(String in, String expected) {
        assertThat(Redactor.redact(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        */15 * * * * /opt/offload/run.sh --table trades
        PREFECT_API_URL=http://localhost:4200/api
        DB_PASSWORD=$DB_PASSWORD
        access_token: null
        password = None
        PREFECT_API_KEY: ~
        https://example.com/path?x=1
        pg_dump --no-password -h db etl
        ansible-playbook --ask-pass site.yml
        curl -u etl https://x/api
        ssh git@github.com:org/repo.git
        Authorization: $AUTH_HEADER
        dropped `--token ***`: set PREFECT_API_KEY in the worker's environment
        --env AWS_SECRET_ACCESS_KEY=`aws configure get aws_secret_access_key`
        mysqldump -u backup -p$MYSQL_PW --all-databases
        mysqldump -u backup -p"$MYSQL_PW" shop
        mysql -u etl -p${DB_PW} -e 'select 1'
        mysql -u etl -p$(cat /etc/etl/db.pw) etl
        curl -fsS -u etl:$CURL_PW https://x/api
        sshpass -p $SSH_PW ssh etl@host run
        PWM_LEVEL=3
        HW_PWM=4
        curl -k -fsS https://x/api
        ss-local -c /etc/shadowsocks-libev/config.json; curl -k https://x/api
        ss-local -c /etc/ss.json -k "$SS_PASSWORD"
        ssh-keygen -k -f revoked.krl
        """)
    void leavesOrdinaryTextAlone(String in) {
        assertThat(Redactor.redact(in)).isEqualTo(in);
    }

    // a dry-run diff quotes code: the same rules masked `crm_token = PrefectSecret(...)` and `keyword_tasks={...}`,
    // and the masked diff no longer applied; in source only literal values are secrets
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        crm_token = PrefectSecret("CRM_API_KEY")                     | true  | crm_token = PrefectSecret("CRM_API_KEY")
        flow.set_dependencies(keyword_tasks={"a": b})                | true  | flow.set_dependencies(keyword_tasks={"a": b})
        fetch(token=crm_token_result, full=True)                     | true  | fetch(token=crm_token_result, full=True)
        connect(password="hunter2")                                  | true  | connect(password=***)
        url = "postgresql://etl:pw-61@db/etl"                        | true  | url = "postgresql://etl:***@db/etl"
        INFLUX_TOKEN: tok-8d1f2e77                                   | false | INFLUX_TOKEN: ***
        api_key: ${{ secrets.API_KEY }}                              | false | api_key: ${{ secrets.API_KEY }}
        cache_key_fn=task_input_hash                                 | true  | cache_key_fn=task_input_hash
        storage=GitHub(access_token_secret="GITHUB_ACCESS_TOKEN")    | true  | storage=GitHub(access_token_secret="GITHUB_ACCESS_TOKEN")
        access_token: '{{ prefect.blocks.secret.gh-token }}'         | false | access_token: '{{ prefect.blocks.secret.gh-token }}'
        note: secret: variable X is read from a block                | true  | note: secret: variable X is read from a block
        SFTP_PASSWORD: '***'                                         | false | SFTP_PASSWORD: '***'
        env={"DB_PASSWORD": "s3cr3t-pw", "MODE": "full"}             | true  | env={"DB_PASSWORD": ***, "MODE": "full"}
        {"api_token": 'tok-1', "n": 1}                               | true  | {"api_token": ***, "n": 1}
        env={"DB_PASSWORD": DB_PASSWORD}                             | true  | env={"DB_PASSWORD": DB_PASSWORD}
        {"SFTP_PASSWORD": "invoice-export-sftp-password"}            | true  | {"SFTP_PASSWORD": "invoice-export-sftp-password"}
        {"SFTP_PASSWORD": "my-sftp-pw-2024"}                         | true  | {"SFTP_PASSWORD": ***}
        "PREFECT_API_KEY": "pnu_short1"                               | false | "PREFECT_API_KEY": ***
        """)
    void inSourceOnlyLiteralValuesAreSecrets(String in, boolean code, String expected) {
        assertThat(Redactor.redactSource(in, code)).isEqualTo(expected);
    }

    // key="session" and idempotency_key=... were masked as if "key" always meant a secret
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        create_markdown_artifact(key="session", markdown=md)
        run_deployment("etl/nightly", idempotency_key="nightly-{date}")
        run_deployment("etl/nightly", idempotency_key=f"{flow_run.id}-load")
        @task(cache_key_fn=task_input_hash, result_storage_key="{parameters[day]}.json")
        @task(cache_key_fn=prefect.tasks.task_input_hash)
        cache.get(key=session_id)
        params.key: reports/2024/daily.csv
        "key": "v2-orders"
        partition_key=region
        consume(approval_id, execution_idempotency_key=f"approval-execution:{approval_id}")
        create_markdown_artifact(key="dhis2-chirps-rainfall-import", markdown=result.markdown)
        PREFECT_ORION_TASK_CACHE_KEY_MAX_LENGTH=4000
        PREFECT_API_TASK_CACHE_KEY_MAX_LENGTH: "2000"
        - name: PREFECT_TASK_CACHE_KEY_MAX_LENGTH
        RSA_KEY_LENGTH=2048
        REDIS_CACHE_KEY_PREFIX=etl
        """)
    void keysThatNameThingsAreNotSecrets(String in) {
        assertThat(Redactor.redact(in)).isEqualTo(in);
        assertThat(Redactor.redactSource(in, true)).isEqualTo(in);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Fernet(key="hunter2")                                        | Fernet(key=***)
        encrypt(data, key='aZ9fK2mQ')                                | encrypt(data, key=***)
        client(key=x7f3a91c)                                         | client(key=***)
        stripe(key="sk_live_abcdef")                                 | stripe(key=***)
        idempotency_key="Tq8vN2zR5wLp"                              | idempotency_key=***
        key: abcdefghijklmnopqrstuvwxyzabcd                          | key: ***
        api_key="session"                                            | api_key=***
        secret_key=session                                           | secret_key=***
        private_key: nightly                                         | private_key: ***
        cache_key_fn="hunter2"                                       | cache_key_fn=***
        key="postgresql://etl:pw@db/etl"                             | key=***
        aws_cache_key=nightly                                        | aws_cache_key=***
        key="hunter2-x"                                              | key=***
        key="sk_live_payments_abc"                                   | key=***
        api_idempotency_key="nightly"                                | api_idempotency_key=***
        jwt.encode(payload, key="mysecretpassword")                  | jwt.encode(payload, key=***)
        key="prod-signing-key"                                       | key=***
        cache_key="user-token-cache"                                 | cache_key=***
        PREFECT_API_KEY=pnu_x7f3a91cq                                | PREFECT_API_KEY=***
        AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI                          | AWS_SECRET_ACCESS_KEY=***
        MINIO_ACCESS_KEY: minioadmin                                 | MINIO_ACCESS_KEY: ***
        DJANGO_SECRET_KEY='x7f3a91c'                                 | DJANGO_SECRET_KEY=***
        API_CACHE_KEY_SALT=x7f3a91c                                  | API_CACHE_KEY_SALT=***
        REDIS_CACHE_KEY_PREFIX=prod-token-x                          | REDIS_CACHE_KEY_PREFIX=***
        PREFECT_API_KEY_FILE=hunter2                                 | PREFECT_API_KEY_FILE=***
        """)
    void keysThatMayBeSecretsStayMasked(String in, String expected) {
        assertThat(Redactor.redact(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"SNOWFLAKE_PASSWORD,true", "PREFECT_API_KEY,true", "GITHUB_TOKEN,true", "PATH,false", "MAILTO,false",
            "DB_PW,true", "MYSQL_PW_2,true", "PWM_LEVEL,false", "HW_PWM,false",
            "PREFECT_ORION_TASK_CACHE_KEY_MAX_LENGTH,false", "RSA_KEY_LENGTH,false", "REDIS_CACHE_KEY_PREFIX,false",
            "AWS_SECRET_ACCESS_KEY,true", "MINIO_ACCESS_KEY,true", "DJANGO_SECRET_KEY,true", "API_CACHE_KEY_SALT,true",
            "CACHE_KEY_TOKEN,true", "SSH_KEY_PASSWORD_LENGTH,true", "PREFECT_API_KEY_FILE,true"})
    void knowsSecretNames(String name, boolean secret) {
        assertThat(Redactor.isSecretName(name)).isEqualTo(secret);
    }

    private static List<String> ancestors(String path) {
        return path.isBlank() ? List.of() : Arrays.asList(path.strip().split("/"));
    }

    // a dry-run diff of a renamed secretKeyRef key showed `-key: ***` and `+key: ***`: under a reference mapping,
    // `key:` names the Secret's key (or the store's entry) that holds the secret, not the secret
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        +                  key: PREFECT_SERVER_DATABASE_CONNECTION_URL | env/valueFrom/secretKeyRef
        -      key: PREFECT_API_KEY                                 | containers/env/valueFrom/secretKeyRef
        key: "PREFECT_ORION_DATABASE_PASSWORD"                      | valueFrom/configMapKeyRef
        key: prod/prefect/api-key                                   | spec/data/remoteRef
        - key: DB_PASSWORD                                          | volumes/secret/items
        name: prefect-api-key                                       | valueFrom/secretKeyRef
        secretKeyRef: {name: prefect, key: PREFECT_API_KEY}         |
        - secretKeyRef: {key: "PREFECT_API_KEY", name: prefect}     | env
        - secretKey: PREFECT_SERVER_DATABASE_CONNECTION_URL         | spec/data
        +    - secretKey: PREFECT_API_KEY                           | spec/data
          secretKey: "PREFECT_API_KEY"                              | spec/externalSecretSpec/data
            secretKey: PREFECT_API_KEY                              | spec/data/match
        """)
    void keysOfReferencesNameWhereTheSecretIsKept(String line, String path) {
        assertThat(Redactor.redactSource(line, false, ancestors(path == null ? "" : path))).isEqualTo(line);
    }

    // the same words outside a reference mapping, another field under one, or a value that is no key's name, or a
    // token whatever the field: still masked
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        key: sk-live-4f9aQ2mZ8kLp                                   |                               | key: ***
        key: PREFECT_SERVER_API_KEY_VALUE9                          | stripe                        | key: ***
        key: Tq8vN2zR5wLp                                           | env/valueFrom                 | key: ***
        - key: Tq8vN2zR5wLp                                         | cart/items                    | - key: ***
        password: hunter2                                           | valueFrom/secretKeyRef        | password: ***
        api_key: Tq8vN2zR5wLp                                       | secretKeyRef                  | api_key: ***
        key: ghp_abcdefghijklmnopqrstuvwxyz0123456789               | valueFrom/secretKeyRef        | key: ***
        key: "two words"                                            | valueFrom/secretKeyRef        | key: ***
        stripe: {name: billing, key: Tq8vN2zR5wLp}                  |                               | stripe: {name: billing, key: ***}
        secretKey: minio-Secret-123                                 |                               | secretKey: ***
        secretKey: bWluaW8xMjM=                                     | data                          | secretKey: ***
        secretKey: wJalrXUtnFEMI                                    | auth                          | secretKey: ***
        - secretKey: "two words"                                    | spec/data                     | - secretKey: ***
        - secretKey: ghp_abcdefghijklmnopqrstuvwxyz0123456789       | spec/data                     | - secretKey: ***
        key: PREFECT_API_KEY                                        | spec/data                     | key: ***
        """)
    void secretsNearReferencesStayMasked(String line, String path, String expected) {
        assertThat(Redactor.redactSource(line, false, ancestors(path == null ? "" : path))).isEqualTo(expected);
    }
}
