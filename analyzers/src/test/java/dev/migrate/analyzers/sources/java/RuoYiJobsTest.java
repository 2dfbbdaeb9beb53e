package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A RuoYi admin keeps its scheduled tasks as sys_job rows; a dump of them gave scan no job. */
class RuoYiJobsTest {
    private static RecordingSink scan(String sql) {
        return HostEstate.scan(List.of(new ScanFile("db/admin.sql", sql)), new QuartzSqlDetector());
    }

    private static String line(Job j) {
        return j.name() + " | " + j.schedules().get(0).expression() + " | " + j.command() + " | "
                + j.attributes().getOrDefault("disabled", "-") + " " + j.attributes().get("misfirePolicy") + " "
                + j.attributes().get("concurrent") + " @" + j.source();
    }

    @Test
    void sysJobRowsAreTasksPausedByStatus() {
        RecordingSink sink = scan("""
                drop table if exists sys_job;
                create table sys_job (job_id bigint, job_name varchar(64), job_group varchar(64), invoke_target varchar(500),
                  cron_expression varchar(255), misfire_policy varchar(20), concurrent char(1), status char(1));
                insert into sys_job values(7, 'nightly export', 'REPORTS', 'exportTask.run(''daily'', 3)', '0 30 2 * * ?', '3', '1', '0', 'admin', sysdate(), '', null, '');
                insert into sys_job values(8, 'cleanup', 'DEFAULT', 'com.acme.jobs.Cleanup.purge()', '0 0 4 ? * SUN', '1', '0', '1', 'admin', now(), '', null, '');
                INSERT INTO `sys_job` (`job_id`, `job_group`, `job_name`, `cron_expression`, `invoke_target`, `status`) VALUES (9, 'DEFAULT', 'ping', '0/30 * * * * ?', 'pingTask.ping', '0');
                insert into sys_job_log values(1, 'nightly export', 'REPORTS', 'exportTask.run', 'ok', '0', '', sysdate());
                """);
        assertThat(sink.jobs).extracting(RuoYiJobsTest::line).containsExactlyInAnyOrder(
                "REPORTS.nightly export | 0 30 2 * * ? | exportTask.run('daily', 3) | - do nothing forbidden @db/admin.sql:4:27",
                "DEFAULT.cleanup | 0 0 4 ? * SUN | com.acme.jobs.Cleanup.purge() | true fire now allowed @db/admin.sql:5:27",
                "DEFAULT.ping | 0/30 * * * * ? | pingTask.ping | - null null @db/admin.sql:6:112");
        assertThat(sink.findings).extracting(f -> f.code() + " " + f.message()).contains(
                "JAV010 RuoYi scheduled task DEFAULT.cleanup (0 0 4 ? * SUN, runs com.acme.jobs.Cleanup.purge()), a row of "
                        + "sys_job, paused",
                "JAV005 Quartz cron \"0/30 * * * * ?\" fires every 30 s (seconds field '0/30'); Prefect reads a cron minute "
                        + "first (croniter: a sixth field is seconds, at the end), so the text cannot be copied, and the "
                        + "deployment gets an interval schedule of 30 s, which fires at the same instants");
    }

    @Test
    void quartzRowsRuoYiWritesForItsTasksAreNotListedTwice() {
        RecordingSink sink = scan("""
                insert into sys_job values(1, 'sync', 'DEFAULT', 'syncTask.run', '0 0 1 * * ?', '3', '1', '0');
                INSERT INTO QRTZ_TRIGGERS VALUES ('RuoyiScheduler','TASK_CLASS_NAME1','DEFAULT','TASK_CLASS_NAME1','DEFAULT',NULL,0,-1,5,'WAITING','CRON',0,0,NULL,2,NULL);
                INSERT INTO QRTZ_CRON_TRIGGERS VALUES ('RuoyiScheduler','TASK_CLASS_NAME1','DEFAULT','0 0 1 * * ?','Asia/Shanghai');
                INSERT INTO QRTZ_CRON_TRIGGERS VALUES ('RuoyiScheduler','other','DEFAULT','0 0 5 * * ?','Asia/Shanghai');
                """);
        assertThat(sink.jobs).extracting(Job::name).containsExactlyInAnyOrder("DEFAULT.sync", "DEFAULT.other");
    }

    // forks of RuoYi move its columns: the dump's own CREATE TABLE names them; without it, a row whose fifth value is
    // no cron is not read in RuoYi's order
    @Test
    void aForkWithItsOwnColumnOrderIsReadByTheDumpsCreateTable() {
        RecordingSink sink = scan("""
                CREATE TABLE IF NOT EXISTS `sys_job` (
                  `job_id` bigint NOT NULL AUTO_INCREMENT COMMENT 'id, key',
                  `job_name` varchar(64) NOT NULL DEFAULT '' COMMENT 'name',
                  `job_group` varchar(64) NOT NULL DEFAULT 'default',
                  `job_executor` varchar(64) DEFAULT 'default',
                  `invoke_target` varchar(500) NOT NULL,
                  `job_args` varchar(255) DEFAULT NULL,
                  `job_kwargs` varchar(255) DEFAULT NULL,
                  `cron_expression` varchar(255) DEFAULT '',
                  `misfire_policy` varchar(20) DEFAULT '3',
                  `concurrent` char(1) DEFAULT '1',
                  `status` char(1) DEFAULT '0',
                  PRIMARY KEY (`job_id`, `job_name`, `job_group`)
                ) ENGINE=InnoDB;
                insert into sys_job values(100, 'feed sync', 'default', 'default', 'tasks.feed.sync_job', NULL, NULL, '0 0/10 * * * ?', '3', '1', '1');
                """);
        assertThat(sink.jobs).extracting(RuoYiJobsTest::line).containsExactly(
                "default.feed sync | 0 0/10 * * * ? | tasks.feed.sync_job | true do nothing forbidden @db/admin.sql:15:27");
        // without a CREATE TABLE: the known layouts, tried in turn; a row none fits is not read
        assertThat(scan("""
                insert into sys_job values(100, 'feed sync', 'default', 'default', 'tasks.feed.sync_job', NULL, NULL, '0 0/10 * * * ?', '3', '1', '0');
                insert into sys_job values('1', 'reportTask', 'reports', 'monthly', 'eu', '0 0 3 1 * ?', '0', 'admin', '2019-01-01', '', null, '');
                insert into sys_job values(5, 'odd', 'DEFAULT', 1, 'http://localhost:8000', '', '0 0/5 * * *', 1);
                """).jobs).extracting(RuoYiJobsTest::line).containsExactly(
                "default.feed sync | 0 0/10 * * * ? | tasks.feed.sync_job | - do nothing forbidden @db/admin.sql:1:27",
                "reports.reportTask | 0 0 3 1 * ? | reportTask.monthly('eu') | - null null @db/admin.sql:2:27");
    }

    @Test
    void statementsWithoutRowsAreNoTasks() {
        assertThat(scan("""
                select * from sys_job where status = '0';
                insert into sys_job (job_name, cron_expression) values (?, ?);
                insert into sys_job (job_name, cron_expression) values (#{jobName}, #{cronExpression});
                insert into sys_job values(3, 'empty', 'DEFAULT', 'x.y', '', '3', '1', '0');
                """).jobs).isEmpty();
    }
}
