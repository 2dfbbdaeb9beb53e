package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dual run's schedules come from one source: the legacy recipe, which writes the deployment. The cutover plan, for a
 * job whose deployment the recipe is still to write, states the schedules the recipe writes (its 15-minute offset), not
 * an offset of its own (half the period, at most 30 minutes), so the checklist and the prefect.yaml the rewrite then
 * writes agree; where the validate config compares runs another offset apart, the plan says so.
 */
class CutoverRecipeScheduleTest {
    private static final String AT = "2026-01-05T00:00:00Z";

    @TempDir
    Path estate;

    @BeforeEach
    void writeEstate() throws IOException {
        Files.createDirectories(estate.resolve("etc/cron.d"));
        Files.writeString(estate.resolve("etc/cron.d/etl"), "15 2 * * * etl /opt/etl/run_daily.sh\n");
        Files.writeString(estate.resolve("etc/timezone"), "Europe/Paris\n");
    }

    private String plan() {
        CliRun r = CliRun.of("cutover", "plan", estate.toString(), "--at", AT);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void thePlanStatesTheSchedulesTheRewriteWrites() throws IOException {
        String plan = plan();
        Matcher said = Pattern.compile("deployment '(cron-run-daily-[0-9a-f]{8})': the legacy recipe writes schedules: "
                + "\\[\\{cron: \"(30 2 \\* \\* \\*)\", timezone: \"Europe/Paris\"}]").matcher(plan);
        assertThat(said.find()).as(plan).isTrue();
        assertThat(plan).contains("legacy runs at 02:15 (Europe/Paris); the deployment the legacy recipe writes runs "
                        + "'15 2 * * *' 15 min later (its offsetMinutes option, 15)")
                .doesNotContain("45 2 * * *");
        // the rewrite then writes exactly that schedule into that deployment
        CliRun rewrite = CliRun.of("rewrite", estate.toString(), "--recipe", "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun");
        assertThat(rewrite.exitCode()).as(rewrite.err()).isZero();
        String yaml = Files.readString(estate.resolve("prefect/prefect.yaml"));
        int at = yaml.indexOf("name: " + said.group(1));
        assertThat(at).as(yaml).isNotNegative();
        assertThat(yaml.substring(at)).contains("cron: " + said.group(2)).contains("timezone: Europe/Paris");
    }

    @Test
    void aValidateConfigComparingRunsAnotherOffsetApartIsSaid() throws IOException {
        Files.writeString(estate.resolve("validate.yaml"), """
                version: 1
                connections:
                  prod: {type: directory, path: outputs/prod}
                  sandbox: {type: directory, path: outputs/dev}
                jobs:
                  - name: run-daily
                    legacy: {connection: prod, run: {scheduled: "2026-01-04T01:15:00Z"}}
                    new: {connection: sandbox, run: {scheduled: "2026-01-04T01:45:00Z"}}
                    outputs: ["**/*.csv"]
                """);
        assertThat(plan()).contains("the validate config compares a new run 30 min after the legacy one, but the recipe "
                + "shifts '15 2 * * *' otherwise: make them agree");
    }

    @Test
    void anIntervalFromTheLastStartSaysWhatToAnchorItOnWithoutLogs() throws IOException {
        Files.createDirectories(estate.resolve("etc/systemd/system"));
        Files.writeString(estate.resolve("etc/systemd/system/warm.timer"), "[Timer]\nOnUnitActiveSec=1h\n");
        Files.writeString(estate.resolve("etc/systemd/system/warm.service"), "[Service]\nType=oneshot\nExecStart=/opt/warm.sh\n");
        assertThat(plan()).contains("'OnUnitActiveSec=1h' counts from whenever it last started, so the anchor_date the "
                + "recipe writes is arbitrary: set it to 15 min after a time it ran");
    }

    // must not change: once deployed, the plan states what the deployment runs, whatever either side would write
    @Test
    void aDeployedJobKeepsItsDeployedSchedules() throws IOException {
        CliRun rewrite = CliRun.of("rewrite", estate.toString(), "--recipe", "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun");
        assertThat(rewrite.exitCode()).as(rewrite.err()).isZero();
        assertThat(plan()).contains("schedules as deployed: '30 2 * * *' (Europe/Paris)")
                .doesNotContain("the legacy recipe writes schedules");
    }
}
