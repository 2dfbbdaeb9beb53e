package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crontab lines running one command the same way on several schedules: one deployment with every schedule. */
class SameCommandCrontabLinesTest {
    private static final String CRONTAB = """
            # weekday report, split over lines
            0 6 * * 1-5  etl  /opt/etl/report.sh --all
            30 9 * * 6   etl  /opt/etl/report.sh --all
            0 12 * * 0   etl  /opt/etl/report.sh --all
            5 4 * * *    etl  /opt/etl/vacuum.sh
            """;

    @TempDir
    Path dir;

    @Test
    void theLinesOfOneCommandAreOneDeploymentSwitchedLineByLine() throws Exception {
        Files.createDirectories(dir.resolve("etc/cron.d"));
        Files.writeString(dir.resolve("etc/cron.d/report"), CRONTAB);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        String yaml = read(dir, "prefect/prefect.yaml");
        assertThat(Pattern.compile("(?m)^- name: cron-").matcher(yaml).results().count()).isEqualTo(2);
        String report = yaml.substring(yaml.indexOf("- name: cron-report-"));
        report = report.substring(0, report.indexOf("\n- name:") > 0 ? report.indexOf("\n- name:") : report.length());
        assertThat(report).contains("cron: 15 6 * * 1-5", "cron: 45 9 * * 6", "cron: 15 12 * * 0");
        assertThat(snapshot(dir).keySet().stream().filter(k -> k.startsWith("prefect/flows/"))).hasSize(2);
        assertEveryScheduleHasAProof(yaml, read(dir, "prefect/MIGRATION.md"));
        assertCompiles(dir);
        String id = Pattern.compile("- name: (cron-report-\\S+)").matcher(yaml).results().findFirst().orElseThrow().group(1);

        RewriteResult cut = run(dir, "cutover");
        RewriteEngine.apply(dir, cut);
        assertThat(read(dir, "etc/cron.d/report")).isEqualTo("""
                # weekday report, split over lines
                # migrate: disabled %1$s 2026-03-02
                # 0 6 * * 1-5  etl  /opt/etl/report.sh --all
                # migrate: disabled %1$s 2026-03-02
                # 30 9 * * 6   etl  /opt/etl/report.sh --all
                # migrate: disabled %1$s 2026-03-02
                # 0 12 * * 0   etl  /opt/etl/report.sh --all
                """.formatted(id) + "# migrate: disabled " + Pattern.compile("- name: (cron-vacuum-\\S+)").matcher(yaml).results()
                .findFirst().orElseThrow().group(1) + " 2026-03-02\n# 5 4 * * *    etl  /opt/etl/vacuum.sh\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("- name: " + id + "\n");
        RewriteResult again = run(dir, "cutover");
        assertThat(again.changes()).isEmpty();
        assertThat(again.notes()).containsExactlyInAnyOrderElementsOf(cut.notes());

        // the dual-run phase is the rollback: every line back as it was
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "etc/cron.d/report")).isEqualTo(CRONTAB);
    }
}
