package dev.migrate.validators.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobContractTest {
    private static final String CONFIG = """
            version: 1
            connections:
              prod: {type: directory, path: out/prod}
              dev: {type: directory, path: out/dev}
              other: {type: directory, path: out/other}
            jobs:
              - name: orders
                legacy: {connection: prod, run: {id: flow-run-1, scheduled: "2024-03-01T02:00:00Z"}}
                new: {connection: dev, run: {scheduled: "2024-03-01T02:30:00Z"}}
                datasets:
                  - name: orders
                    files: "orders_*.csv"
                    key: order_id
                    tolerances:
                      amount: {absolute: 0.005}
              - name: fx
                legacy: {connection: prod}
                new: {connection: dev}
                datasets:
                  - {name: fx, files: "fx_*.csv", key: [day, currency]}
            """;

    private static String contract(String config, int job) {
        return ConfigLoader.parse("validate.yaml", config, Path.of("/tmp/x")).jobs().get(job).contract();
    }

    @Test
    void isASha256PerJob() {
        assertThat(contract(CONFIG, 0)).matches("[0-9a-f]{64}").isNotEqualTo(contract(CONFIG, 1));
    }

    @Test
    void layoutCommentsKeyOrderAndRunReferencesDoNotChangeIt() {
        String same = CONFIG
                .replace("legacy: {connection: prod, run: {id: flow-run-1, scheduled: \"2024-03-01T02:00:00Z\"}}",
                        "# the production side\n    legacy:\n      run: {id: flow-run-9}\n      connection: prod")
                .replace("new: {connection: dev, run: {scheduled: \"2024-03-01T02:30:00Z\"}}",
                        "new: {connection: dev, run: {scheduled: \"2024-03-08T02:30:00Z\"}}")
                .replace("    key: order_id\n        tolerances:", "    tolerances:")
                .replace("          amount: {absolute: 0.005}", "          amount: {absolute: 0.005}\n        key: order_id");
        assertThat(same).isNotEqualTo(CONFIG);
        assertThat(contract(same, 0)).isEqualTo(contract(CONFIG, 0));
        assertThat(contract(CONFIG.replace("- name: orders\n    legacy", "- name: orders_v2\n    legacy"), 0))
                .as("the job's name is not what it compares").isEqualTo(contract(CONFIG, 0));
    }

    @Test
    void whatIsComparedChangesIt() {
        String base = contract(CONFIG, 0);
        assertThat(contract(CONFIG.replace("{absolute: 0.005}", "{absolute: 0.05}"), 0)).as("tolerance").isNotEqualTo(base);
        assertThat(contract(CONFIG.replace("key: order_id", "key: [order_id, line]"), 0)).as("key").isNotEqualTo(base);
        assertThat(contract(CONFIG.replace("path: out/dev}", "path: out/dev2}"), 0)).as("a side's connection")
                .isNotEqualTo(base);
        assertThat(contract(CONFIG.replace("new: {connection: dev, run", "new: {connection: other, run"), 0))
                .as("another connection").isNotEqualTo(base);
        String renamed = CONFIG.replace("key: order_id\n", "key: order_id\n        rename_columns: {amt: amount}\n");
        assertThat(contract(renamed, 0)).as("a rename").isNotEqualTo(base);
        assertThat(contract(renamed.replace("{amt: amount}", "{amount_eur: amount}"), 0)).as("another rename")
                .isNotEqualTo(contract(renamed, 0)).isNotEqualTo(base);
        assertThat(contract(renamed.replace("{amt: amount}", "{amt: amount_eur}"), 0)).as("another new name")
                .isNotEqualTo(contract(renamed, 0));
        assertThat(contract(renamed.replace("{amt: amount}", "\n          amt: amount"), 0))
                .as("the same rename, written in block style").isEqualTo(contract(renamed, 0));
        assertThat(contract(CONFIG.replace("path: out/other}", "path: out/elsewhere}"), 0))
                .as("a connection neither side reads").isEqualTo(base);
    }

    /**
     * How a side's backslashes are read is config only (no flag, see docs/validate.md): a change of csv.escapes, on
     * the dataset or on one side, is a change of what is compared, and starts a new series of validations.
     */
    @Test
    void csvEscapesEnterTheDigest() {
        String copy = CONFIG.replace("files: \"fx_*.csv\", key: [day, currency]}",
                "files: \"fx_*.csv\", key: [day, currency], csv: {null_values: '\\N', escapes: copy}}");
        String none = copy.replace("escapes: copy", "escapes: none");
        String legacyOnly = CONFIG.replace("files: \"fx_*.csv\", key: [day, currency]}", "files: \"fx_*.csv\", "
                + "key: [day, currency], csv: {null_values: '\\N'}, legacy: {csv: {escapes: none}}}");
        assertThat(contract(copy, 1)).isNotEqualTo(contract(CONFIG, 1)).isNotEqualTo(contract(none, 1));
        assertThat(contract(legacyOnly, 1)).isNotEqualTo(contract(none, 1)).isNotEqualTo(contract(copy, 1));
        assertThat(contract(none, 0)).isEqualTo(contract(CONFIG, 0));
    }
}
