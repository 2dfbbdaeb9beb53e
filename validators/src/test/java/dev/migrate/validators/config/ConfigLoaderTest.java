package dev.migrate.validators.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path BASE = Path.of("/data/lake");

    private static final String CONNECTIONS = """
            connections:
              prod: {type: directory, path: outputs/prod}
              dev: {type: directory, path: /abs/dev}
              wh: {type: jdbc, url: "jdbc:postgresql://db:5432/lake", user: validator, password_env: PG_PASSWORD}
            """;

    private static ValidateConfig parse(String yaml) {
        return ConfigLoader.parse("validate.yaml", yaml, BASE);
    }

    private static String withDataset(String dataset) {
        return CONNECTIONS + """
                jobs:
                  - name: a
                    legacy: {connection: prod}
                    new: {connection: dev}
                    datasets:
                      - name: ok
                        files: "ok/*.csv"
                """ + dataset.indent(6);
    }

    @Test
    void bindsAFullJobWithDefaults() {
        ValidateConfig c = parse(CONNECTIONS + """
                jobs:
                  - name: lake
                    legacy: {connection: prod, run: "2024-03-01T02:00:00Z"}
                    new: {connection: dev, run: {id: flow-run-7}}
                    run_window: PT6H
                    path_rules:
                      timestamps: [builtin, "run-[0-9]+"]
                      roots: [{legacy: prod/, new: sandbox/}]
                    datasets:
                      - name: orders
                        files: "orders/*.csv"
                        key: order_id
                        ignore_columns: [loaded_at]
                        tolerances: {amount: {absolute: 0.01}, fx: {relative: 1e-6}}
                        csv: {delimiter: ";", encoding: latin-1}
                """);
        assertThat(c.connection("prod")).isEqualTo(new ConnectionConfig.Directory("prod", Path.of("/data/lake/outputs/prod")));
        assertThat(c.connection("dev")).isEqualTo(new ConnectionConfig.Directory("dev", Path.of("/abs/dev")));
        JobConfig job = c.jobs().get(0);
        assertThat(job.legacy().run().scheduled()).hasToString("2024-03-01T02:00:00Z");
        assertThat(job.current().run().runId()).isEqualTo("flow-run-7");
        assertThat(job.runWindow()).hasHours(6);
        assertThat(job.pathRules().roots()).containsExactly(new PathRules.RootMapping("prod/", "sandbox/"));
        assertThat(job.pathRules().timestamps()).hasSize(dev.migrate.validators.paths.TimestampPattern.BUILTIN.size() + 1);
        DatasetConfig ds = job.datasets().get(0);
        assertThat(ds.key()).containsExactly("order_id");
        assertThat(ds.legacy()).isEqualTo(new SourceSpec.Files("orders/*.csv")).isEqualTo(ds.current());
        assertThat(ds.tolerances().get("amount")).isEqualTo(new Tolerance(0.01, 0));
        assertThat(ds.allowNewColumns()).isTrue();
        assertThat(ds.ordered()).isFalse();
        assertThat(ds.csv()).isEqualTo(new CsvOptions(';', '"', true, "latin-1"));
        assertThat(ds.configPath()).isEqualTo("jobs[0].datasets[0]");
    }

    @Test
    void errorsNameTheConfigPathAndLine() {
        assertThatThrownBy(() -> parse(withDataset("""
                - name: orders
                  files: "orders/*.csv"
                  key: {col: order_id}
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("validate.yaml:14: jobs[0].datasets[1].key: expected a value or a list of values, found a mapping.");
    }

    @Test
    void unknownKeysSuggestTheClosestKnownOne() {
        assertThatThrownBy(() -> parse(withDataset("""
                - name: orders
                  files: "orders/*.csv"
                  tolerence: {amount: {absolute: 1}}
                """)))
                .hasMessageContaining("jobs[0].datasets[1].tolerence: unknown key 'tolerence'. Did you mean 'tolerances'?");
    }

    @Test
    void unknownConnectionsAreReportedWithASuggestion() {
        assertThatThrownBy(() -> parse(CONNECTIONS + """
                jobs:
                  - name: a
                    legacy: {connection: prd}
                    new: {connection: dev}
                    outputs: "**"
                """)).hasMessageContaining("jobs[0].legacy.connection: unknown connection 'prd'. Did you mean 'prod'?");
    }

    @Test
    void rejectsCredentialsInJdbcUrls() {
        assertThatThrownBy(() -> parse("""
                connections:
                  wh: {type: jdbc, url: "jdbc:postgresql://db/lake?user=a&password=hunter2"}
                jobs: []
                """)).hasMessageContaining("connections.wh.url: the URL carries a credential")
                .hasMessageNotContaining("hunter2");
    }

    /** An '@' in the database name is no credential: only user info before the host is refused. */
    @Test
    void acceptsADatabaseNameHoldingAnAt() {
        ValidateConfig c = parse("""
                connections:
                  wh: {type: jdbc, url: "jdbc:postgresql://db:5432/lake@prod", user_env: U, password_env: P}
                jobs:
                  - name: a
                    legacy: {connection: wh}
                    new: {connection: wh}
                    datasets: [{name: t, table: t}]
                """);
        assertThat(((ConnectionConfig.Jdbc) c.connection("wh")).url()).isEqualTo("jdbc:postgresql://db:5432/lake@prod");
        assertThatThrownBy(() -> parse("""
                connections:
                  wh: {type: jdbc, url: "jdbc:postgresql://etl:hunter2@db:5432/lake@prod"}
                jobs: []
                """)).hasMessageContaining("the URL carries a credential").hasMessageNotContaining("hunter2");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  tolerances: {amount: {absolute: -1}}
                """))).hasMessageContaining("jobs[0].datasets[1].tolerances.amount: tolerances must be zero or positive");
        // a bare number is the usual first try: the error says both kinds, with the number written in
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  tolerances: {amount: 0.001}
                """))).hasMessageContaining("jobs[0].datasets[1].tolerances.amount: a tolerance says its kind: write "
                + "{absolute: 0.001} (the values may differ by that much) or {relative: 0.001}");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  key: id
                  ignore_columns: id
                """))).hasMessageContaining("key column 'id' is also in ignore_columns");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: ok
                  files: x
                """))).hasMessageContaining("jobs[0].datasets[1].name: duplicate dataset name 'ok'");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  table: public.orders
                """))).hasMessageContaining("jobs[0].datasets[1]: the legacy side reads a table or query but its "
                        + "connection 'prod' is a directory");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  csv: {encoding: shift_jis}
                """))).hasMessageContaining("jobs[0].datasets[1].csv.encoding: unsupported encoding 'shift_jis'");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  ordered: true
                """))).hasMessageContaining("jobs[0].datasets[1].ordered: checking row order needs a key");
    }

    @Test
    void rejectsInvalidRegexAndYaml() {
        assertThatThrownBy(() -> parse(CONNECTIONS + """
                jobs:
                  - name: a
                    legacy: {connection: prod}
                    new: {connection: dev}
                    outputs: "**"
                    path_rules: {timestamps: ["run-(["]}
                """)).hasMessageContaining("jobs[0].path_rules.timestamps[0]: not a valid regular expression");
        assertThatThrownBy(() -> parse("jobs: [\n  - a: b\n"))
                .hasMessageStartingWith("validate.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndColumnAndWhereTheBrokenConstructStarts() {
        assertThatThrownBy(() -> parse("version: 1\nconnections:\n  a: {type: directory, path: x\njobs: []\n"))
                .hasMessage("validate.yaml:4:5: not valid YAML: expected ',' or '}', but got : (parsing a flow mapping"
                        + " that starts at line 3, column 6). Fix the syntax and retry.");
    }

    @Test
    void bindsRenamedColumnsInConfigOrder() {
        DatasetConfig ds = parse(withDataset("""
                - name: b
                  files: x
                  key: customer_id
                  rename_columns: {cust_id: customer_id, 'Amount "EUR"': Betrag €, Id: id}
                """)).jobs().get(0).datasets().get(1);
        assertThat(ds.renameColumns()).containsExactly(java.util.Map.entry("cust_id", "customer_id"),
                java.util.Map.entry("Amount \"EUR\"", "Betrag €"), java.util.Map.entry("Id", "id"));
        assertThat(ds.renames("legacy")).isEqualTo(ds.renameColumns());
        assertThat(ds.renames("new")).isEmpty();
        assertThat(ds.legacyName("customer_id")).isEqualTo("cust_id");
        assertThat(ds.legacyName("amount")).isEqualTo("amount");
        assertThat(parse(withDataset("- {name: b, files: x}")).jobs().get(0).datasets().get(1).renameColumns()).isEmpty();
    }

    @Test
    void rejectsRenamesThatCannotBeMeant() {
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  rename_columns: {cust_id: customer_id, client_id: Customer_ID}
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("jobs[0].datasets[1].rename_columns."
                        + "client_id: 'client_id' and 'cust_id' are both renamed to 'Customer_ID'; a new column stands "
                        + "for one legacy column");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  rename_columns: {a: b, b: a}
                """))).hasMessageContaining("jobs[0].datasets[1].rename_columns.a: renames 'a' to 'b', a legacy column "
                        + "that is itself renamed; chains and swaps of names are not supported");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  rename_columns: {a: a}
                """))).hasMessageContaining("jobs[0].datasets[1].rename_columns.a: renames 'a' to itself");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  rename_columns: [a, b]
                """))).hasMessageContaining("jobs[0].datasets[1].rename_columns: expected a mapping");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  rename_columns: {a: [b]}
                """))).hasMessageContaining("jobs[0].datasets[1].rename_columns.a: expected a single value");
    }

    /** key, ignore_columns and tolerances name a renamed column by its new name: its legacy name is a clear error. */
    @Test
    void settingsNameRenamedColumnsByTheirNewNames() {
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  key: [region, cust_id]
                  rename_columns: {cust_id: customer_id}
                """))).hasMessageContaining("jobs[0].datasets[1].key: 'cust_id' is renamed to 'customer_id' by "
                        + "rename_columns; key, ignore_columns, tolerances, accept_type_changes and json_columns name "
                        + "columns by their new names: write 'customer_id'.");
        assertThatThrownBy(() -> parse(withDataset("""
                - name: b
                  files: x
                  rename_columns: {amt: amount}
                  tolerances: {amt: {absolute: 0.01}}
                """))).hasMessageContaining("jobs[0].datasets[1].tolerances.amt: 'amt' is renamed to 'amount'");
    }
}
