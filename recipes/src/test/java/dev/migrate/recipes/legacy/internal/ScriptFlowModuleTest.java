package dev.migrate.recipes.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptFlowModuleTest {
    private static final String VAN = """
            import os
            from parsons import Redshift, Table, VAN

            van_source_code = 12345

            van_client = VAN(db="EveryAction", api_key=os.environ["VAN_API_KEY_PASSWORD"])

            rows = Redshift().query(
                "select vanid from t"
            )

            for result in rows:
                van_client.apply_person_code(result['vanid'], van_source_code)
            \t
            print("Finished applying source codes.")
            """;

    @Test
    void topLevelCodeBecomesTheFlowBodyWithSecretsFromBlocks() {
        ScriptFlowModule m = ScriptFlowModule.of(plan(), "scripts/van/van.py", VAN, 2, null);
        assertThat(m.problem()).isNull();
        assertThat(m.secrets()).containsExactly("VAN_API_KEY_PASSWORD");
        assertThat(m.text()).contains("""
                import os
                from parsons import Redshift, Table, VAN

                van_source_code = 12345


                # --- added by migrate ---
                """, """
                @_migrate_flow(name='update-van', log_prints=True)
                def update_van(sandbox_root: _MigrateOptional[str] = None):
                """, """
                        _migrate_os.environ["MIGRATE_SANDBOX_ROOT"] = sandbox_root

                    van_client = VAN(db="EveryAction", api_key=_MigrateSecret.load('update-van-van-api-key-password').get())

                    rows = Redshift().query(
                        "select vanid from t"
                    )

                    for result in rows:
                        van_client.apply_person_code(result['vanid'], van_source_code)

                    print("Finished applying source codes.")


                if __name__ == "__main__":
                    update_van()
                """).doesNotContain("os.environ[\"VAN_API_KEY_PASSWORD\"]", "global");
        assertThat(m.notes()).anyMatch(n -> n.startsWith("unsafe fix: scripts/van/van.py:6 read VAN_API_KEY_PASSWORD"));
        assertThat(ScriptFlowModule.flowFunction(m.text())).isEqualTo("update_van");
    }

    @Test
    void perItemLoopBecomesTaskMapUnderAWorkerLimit() {
        ScriptFlowModule m = ScriptFlowModule.of(plan(), "scripts/van/van.py", VAN, 2, 4);
        assertThat(m.text()).contains("""
                @_migrate_task
                def _migrate_apply_person_code_item(result):
                    \"""One item of the script's loop.\"""
                    van_client.apply_person_code(result['vanid'], van_source_code)
                """, "task_runner=_MigrateThreadPoolTaskRunner(max_workers=4))", "    global van_client\n",
                "    _migrate_apply_person_code_item.map(rows).result()\n")
                .doesNotContain("for result in rows");
    }

    @Test
    void mainBlockAndLoggersFollowSeed004() {
        String py = """
                import logging
                import os

                logger = logging.getLogger(__name__)


                def main():
                    logger.info("path %s", os.path.dirname(__file__))


                if __name__ == "__main__":
                    main()
                """;
        ScriptFlowModule m = ScriptFlowModule.of(plan(), "scripts/sync.py", py, 2, null);
        assertThat(m.text()).contains("logger = _MigrateRunLogger(__name__)\n", "os.path.dirname(_MIGRATE_SCRIPT_FILE)",
                "except _MigrateMissingContextError:", "\"\"\"The script's __main__ block,", "    main()\n\n\nif __name__")
                .doesNotContain("log_prints");
    }

    @Test
    void futureImportComesFirstAndCodeAfterTheStartStaysInOrder() {
        String py = """
                \"\"\"Nightly totals.\"\"\"
                from __future__ import annotations

                import sys

                LIMIT = 10
                sys.path.insert(0, "/opt/lib")
                import totals

                rows = totals.load()
                count = len(rows)
                """;
        String text = ScriptFlowModule.of(plan(), "scripts/totals.py", py, 2, null).text();
        assertThat(text).contains("\"\"\"\n\nfrom __future__ import annotations\n\n\"\"\"Nightly totals.\"\"\"\n\nimport sys\n\nLIMIT = 10\n",
                "    sys.path.insert(0, \"/opt/lib\")\n    import totals\n\n    rows = totals.load()\n    count = len(rows)\n");
    }

    @Test
    void scriptReadingItsArgumentsIsNotWrapped() {
        ScriptFlowModule m = ScriptFlowModule.of(plan(), "s.py", "import sys\nprint(sys.argv[1])\n", 2, null);
        assertThat(m.text()).isNull();
        assertThat(m.problem()).contains("command-line arguments");
    }

    private static JobPlan plan() {
        Job job = new Job("civis-update-van-1", JobKind.CIVIS_SCRIPT, "update-van", SourceRef.at("civis/export.json", 1, 1),
                List.of(), "python scripts/van/van.py", null, Map.of(), null, Overlap.SKIP, List.of(), Map.of());
        return new JobPlan(job, "civis_update_van_1", "update_van", List.of(), Map.of(),
                Map.of("VAN_API_KEY_PASSWORD", "update-van-van-api-key-password"), List.of(), false, null, 0, "civis-docker",
                List.of(), null);
    }
}
