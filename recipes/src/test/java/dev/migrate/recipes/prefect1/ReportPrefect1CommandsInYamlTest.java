package dev.migrate.recipes.prefect1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class ReportPrefect1CommandsInYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReportPrefect1CommandsInYaml());
    }

    @Test
    void agentInContainerArgsIsReportedAsManualAndLeftAsWritten() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                    assertThat(rows).singleElement().satisfies(r -> {
                        assertThat(r.manual()).isTrue();
                        assertThat(r.line()).isEqualTo(8);
                        assertThat(r.text()).startsWith("PF101: `prefect agent kubernetes start` in this YAML")
                                .contains("prefect worker start");
                    });
                }),
                yaml(
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        spec:
                          template:
                            spec:
                              containers:
                                - command: ["/bin/bash", "-c"]
                                  args: ["prefect agent kubernetes start"]
                        """));
    }

    @Test
    void listOfWordsIsOneCommandLine() {
        assertThat(ReportPrefect1CommandsInYaml.commands("steps:\n  - run: [prefect, register, --project, p, -p, flows/]\n"))
                .extracting(a -> a[1]).containsExactly("register");
    }

    @Test
    void scriptBlocksAreReadLineByLine() {
        assertThat(ReportPrefect1CommandsInYaml.commands(
                "steps:\n  - run: |\n      pip install -r requirements.txt\n      prefect register --project p -p flows/\n"))
                .extracting(a -> a[0] + " " + a[1]).containsExactly("4 register");
    }

    @Test
    void prefect3CommandsAndUnparsableYamlAreNotReported() {
        assertThat(ReportPrefect1CommandsInYaml.commands("args: [\"prefect worker start --pool k8s\"]\n")).isEmpty();
        assertThat(ReportPrefect1CommandsInYaml.commands("a: [prefect, deploy, --all]\n")).isEmpty();
        assertThat(ReportPrefect1CommandsInYaml.commands("args: [\"prefect register -p x\"\n  {{ .Values.x }}\n")).isEmpty();
    }

    @Test
    void reportingLeavesTheFileAsWritten() {
        rewriteRun(yaml("args: [\"prefect agent local start\"]\nimage: prefecthq/prefect:1.4.1\n"));
    }
}
