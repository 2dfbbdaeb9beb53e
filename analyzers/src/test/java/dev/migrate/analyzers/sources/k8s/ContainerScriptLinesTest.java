package dev.migrate.analyzers.sources.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finding about a call in a container's {@code sh -c} script points at the call: the line and column inside the
 * block scalar that holds it. Before, every finding of the script pointed at the {@code args:}/{@code command:} item
 * ({@code - |}), whatever line of the script the call was on.
 */
class ContainerScriptLinesTest {
    private static String cronJob(String args) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: marts, namespace: etl}
                spec:
                  schedule: "15 6 * * 1-5"
                  timeZone: Europe/Berlin
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: trigger
                              image: registry.example.com/tools:1
                              command: ["/bin/sh", "-c"]
                              args:
                """ + args;
    }

    private static List<String> lines(String out, String code) {
        return Arrays.stream(out.split("\n")).filter(l -> l.contains(" " + code + " ")).toList();
    }

    @Test
    void aRunOnTheThirdLineOfALiteralBlockIsReportedThere() {
        String yaml = cronJob("""
                                - |
                                  set -eu
                                  echo "starting the marts"
                                  /opt/venv/bin/prefect deployment run 'partner-marts/rebuild' --watch
                """);
        String out = DetectorHarness.run(new CronJobDetector(), "k8s/marts.yaml", yaml);
        // line 19 of the file, where the word `/opt/venv/bin/prefect` starts (column 19)
        assertThat(lines(out, "K8S006")).singleElement().asString().startsWith("k8s/marts.yaml:19:19 K8S006");
        assertThat(yaml.split("\n")[18].substring(18)).startsWith("/opt/venv/bin/prefect deployment run");
    }

    @Test
    void eachCallOfABlockIsReportedOnItsOwnLine() {
        String yaml = cronJob("""
                                - |
                                  prefect deployment build flows/etl.py:etl -n nightly -q etl -a
                                  # then the report flow
                                  prefect deployment build flows/report.py:report -n weekly -q reports -a
                """);
        String out = DetectorHarness.run(new CronJobDetector(), "k8s/marts.yaml", yaml);
        assertThat(lines(out, "PF211")).extracting(l -> l.substring(0, l.indexOf(' ')))
                .containsExactly("k8s/marts.yaml:17:19", "k8s/marts.yaml:19:19");
        // the deploy jobs are defined where their call is
        assertThat(out).contains("prefect2 'nightly' at k8s/marts.yaml:17:19", "prefect2 'weekly' at k8s/marts.yaml:19:19");
    }

    @Test
    void aFoldedOrPlainMultiLineScalarToo() {
        String folded = cronJob("""
                                - >-
                                  cd /opt/etl &&
                                  prefect deployment run etl/marts
                """);
        assertThat(lines(DetectorHarness.run(new CronJobDetector(), "k8s/folded.yaml", folded), "K8S006"))
                .singleElement().asString().startsWith("k8s/folded.yaml:18:19 K8S006");
        String plain = cronJob("""
                                - cd /opt/etl &&
                                  prefect deployment run etl/marts
                """);
        assertThat(lines(DetectorHarness.run(new CronJobDetector(), "k8s/plain.yaml", plain), "K8S006"))
                .singleElement().asString().startsWith("k8s/plain.yaml:17:19 K8S006");
    }

    @Test
    void theSecondRunOfAWordWrittenTwiceIsTheSecondOne() {
        // `prefect` is written twice; the run is the second
        String yaml = cronJob("""
                                - |
                                  prefect version
                                  prefect deployment run etl/marts
                """);
        assertThat(lines(DetectorHarness.run(new CronJobDetector(), "k8s/two.yaml", yaml), "K8S006"))
                .singleElement().asString().startsWith("k8s/two.yaml:18:19 K8S006");
    }

    @Test
    void aOneLineCommandIsReportedAtItsPrefectWord() {
        // must not change line: a list on one line is reported on that line, now at the call's word
        String yaml = cronJob("""
                                - --watch
                """).replace("command: [\"/bin/sh\", \"-c\"]",
                "command: [\"/usr/bin/env\", \"prefect\", \"deployment\", \"run\", \"etl/marts\"]");
        int column = yaml.split("\n")[13].indexOf("prefect\"") + 1;
        assertThat(lines(DetectorHarness.run(new CronJobDetector(), "k8s/one.yaml", yaml), "K8S006"))
                .singleElement().asString().startsWith("k8s/one.yaml:14:" + column + " K8S006");
    }
}
