package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quartz's JDBC job store keeps jobs scheduled at run time (an admin page's "scheduled tasks") only as rows of its
 * tables; a dump of them was no input to scan, so those jobs were missing from the inventory.
 */
class QuartzSqlDetectorTest {
    private static RecordingSink scan(String path, String sql) {
        return HostEstate.scan(List.of(new ScanFile(path, sql)), new QuartzSqlDetector());
    }

    private static String line(Job j) {
        return j.name() + " | " + j.schedules().get(0).form() + " " + j.schedules().get(0).expression() + " ["
                + j.schedules().get(0).timezone() + "] " + j.command() + " " + j.attributes().getOrDefault("disabled", "-")
                + " @" + j.source();
    }

    @Test
    void pgDumpRowsWithNamedColumnsAreJobs() {
        RecordingSink sink = scan("sql/quartz.sql", """
                -- Records of qrtz_job_details
                INSERT INTO qrtz_job_details(sched_name, job_name, job_group, description, job_class_name, is_durable)
                VALUES ('RuoyiScheduler', 'TASK_CLASS_NAME1', 'DEFAULT', NULL, 'com.ruoyi.quartz.util.QuartzDisallowConcurrentExecution', '0');
                INSERT INTO qrtz_triggers(sched_name, trigger_name, trigger_group, job_name, job_group, description, next_fire_time, prev_fire_time, priority, trigger_state, trigger_type) VALUES ('RuoyiScheduler', 'TASK_CLASS_NAME1', 'DEFAULT', 'TASK_CLASS_NAME1', 'DEFAULT', NULL, 1587884400000, -1, 5, 'PAUSED', 'CRON');
                INSERT INTO qrtz_cron_triggers(sched_name, trigger_name, trigger_group, cron_expression, time_zone_id) VALUES ('RuoyiScheduler', 'TASK_CLASS_NAME1', 'DEFAULT', '0 0 0/1 * * ? *', 'Asia/Shanghai');
                INSERT INTO qrtz_simple_triggers(sched_name, trigger_name, trigger_group, repeat_count, repeat_interval, times_triggered) VALUES ('RuoyiScheduler', 'ping', 'DEFAULT', -1, 300000, 12);
                """);
        assertThat(sink.jobs).extracting(QuartzSqlDetectorTest::line).containsExactlyInAnyOrder(
                "DEFAULT.TASK_CLASS_NAME1 | CRON_QUARTZ 0 0 0/1 * * ? * [Asia/Shanghai] "
                        + "com.ruoyi.quartz.util.QuartzDisallowConcurrentExecution true @sql/quartz.sql:5:111",
                "DEFAULT.ping | INTERVAL PT5M [null] null - @sql/quartz.sql:6:130");
        assertThat(sink.findings).extracting(f -> f.code()).containsExactlyInAnyOrder("JAV010", "JAV011");
    }

    @Test
    void mysqldumpRowsInTheTablesColumnOrderAreJobs() {
        RecordingSink sink = scan("db/backup.sql", """
                LOCK TABLES `QRTZ_CRON_TRIGGERS` WRITE;
                INSERT INTO `QRTZ_CRON_TRIGGERS` VALUES ('sched','report','ops','0 30 2 * * ?','Europe/Berlin'),\
                ('sched','it''s','ops','0/20 * * * * ?','UTC');
                UNLOCK TABLES;
                """);
        assertThat(sink.jobs).extracting(QuartzSqlDetectorTest::line).containsExactly(
                "ops.report | CRON_QUARTZ 0 30 2 * * ? [Europe/Berlin] null - @db/backup.sql:2:41",
                "ops.it's | CRON_QUARTZ 0/20 * * * * ? [UTC] null - @db/backup.sql:2:97");
        assertThat(sink.findings).extracting(f -> f.code()).containsExactly("JAV010", "JAV010", "JAV005");
        // the row's TIME_ZONE_ID decides when it fires, so its finding shows it, as Quartz's Java and XML triggers do
        assertThat(sink.findings.get(0).message()).isEqualTo(
                "Quartz cron trigger ops.report (0 30 2 * * ?) (Europe/Berlin), a row of the JDBC job store");
    }

    /** Must not change: a row without a TIME_ZONE_ID (the scheduler's default zone) shows none. */
    @Test
    void aRowWithoutAZoneShowsNone() {
        RecordingSink sink = scan("db/seed.sql", """
                INSERT INTO qrtz_cron_triggers (sched_name, trigger_name, trigger_group, cron_expression)
                VALUES ('sched', 'nightly', 'ops', '0 0 1 * * ?');
                """);
        assertThat(sink.findings).extracting(f -> f.message())
                .containsExactly("Quartz cron trigger ops.nightly (0 0 1 * * ?), a row of the JDBC job store");
    }

    @Test
    void statementsThatInsertNoRowsAreNoJobs() {
        // a SELECT of the table, a prepared statement's parameters and a row the dump cuts off are not jobs
        RecordingSink sink = scan("db/queries.sql", """
                SELECT cron_expression FROM qrtz_cron_triggers WHERE sched_name = 'x';
                INSERT INTO qrtz_cron_triggers (sched_name, trigger_name, trigger_group, cron_expression, time_zone_id)
                VALUES (?, ?, ?, ?, ?);
                INSERT INTO qrtz_cron_triggers VALUES ('s', 't', 'g', '0 0 1 * * ?', 'UTC'
                """);
        assertThat(sink.jobs).isEmpty();
        assertThat(sink.findings).isEmpty();
    }
}
