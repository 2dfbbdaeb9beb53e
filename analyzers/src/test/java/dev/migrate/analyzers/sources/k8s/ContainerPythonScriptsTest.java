package dev.migrate.analyzers.sources.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * A CronJob whose container runs a Python script ({@code python flows/etl.py}, a flow script run directly) names the
 * script, as a crontab line running it is read ({@code CronCommands}: through wrappers, {@code sh -c} and interpreters):
 * before, the CronJob's job kept only the whole command line, and nothing said which script it runs.
 */
class ContainerPythonScriptsTest {
    private static String cronJob(String command) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: etl}
                spec:
                  schedule: "0 2 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: flow
                              image: registry.example.com/etl:1
                """ + "              command: " + command + "\n";
    }

    private static String attrs(String command) {
        String out = DetectorHarness.run(new CronJobDetector(), "k8s/nightly.yaml", cronJob(command));
        return out.lines().filter(l -> l.strip().startsWith("attrs ")).findFirst().orElseThrow();
    }

    @Test
    void theScriptAContainerRunsIsNamed() {
        assertThat(attrs("[\"python\", \"flows/etl.py\", \"--full\"]")).contains("pythonScript=flows/etl.py");
        assertThat(attrs("[\"/opt/venv/bin/python3\", \"-u\", \"/app/flows/etl.py\"]")).contains("pythonScript=/app/flows/etl.py");
        assertThat(attrs("[\"/bin/sh\", \"-c\", \"cd /app && exec python -m etl.flows.nightly\"]"))
                .contains("pythonScript=-m etl.flows.nightly");
        assertThat(attrs("[\"/app/flows/etl.py\"]")).contains("pythonScript=/app/flows/etl.py");
    }

    @Test
    void noScriptWhereTheContainerRunsNone() {
        // must not change: a Prefect call, inline code, a shell script, a command that only prints a script's name
        assertThat(attrs("[\"prefect\", \"deployment\", \"run\", \"etl/nightly\"]")).doesNotContain("pythonScript");
        assertThat(attrs("[\"python\", \"-c\", \"import etl; etl.run()\"]")).doesNotContain("pythonScript");
        assertThat(attrs("[\"/app/bin/nightly.sh\"]")).doesNotContain("pythonScript");
        assertThat(attrs("[\"sh\", \"-c\", \"echo python flows/etl.py\"]")).doesNotContain("pythonScript");
    }
}
