package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.ShownSchedules;
import dev.migrate.analyzers.sources.JobBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Quartz jobs kept by a JDBC job store, as an SQL dump or seed script of its tables holds them: each row of
 * {@code qrtz_cron_triggers} (cron expression and {@code time_zone_id}) and {@code qrtz_simple_triggers} (repeat
 * interval in milliseconds) is a job, named by the job its {@code qrtz_triggers} row fires, paused when that row's
 * {@code trigger_state} is {@code PAUSED}, and running the {@code job_class_name} of its {@code qrtz_job_details} row.
 * Jobs an application schedules at run time or through an admin page live only in these tables. A RuoYi admin's
 * {@code sys_job} rows are its tasks as it keeps them ({@link RuoYiJobs}); the Quartz rows RuoYi writes for them are
 * not listed again.
 */
public final class QuartzSqlDetector implements Detector {
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("\\?|:\\w+|#\\{[^}]*}|%s|\\$\\d+|@\\w+");
    @Override
    public String name() {
        return "quartz-sql";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("qrtz_", "QRTZ_", "Qrtz_", "sys_job", "SYS_JOB");
    }

    @Override
    public boolean accepts(ScanFile file) {
        return file.fileName().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        String sql = file.text();
        RuoYiJobs.report(file, sql, PARAMETER, offset -> at(file, offset), sink);
        Set<String> ruoyi = RuoYiJobs.quartzKeys(sql);
        String prefix = tablePrefix(sql);
        Map<String, SqlInserts.Row> triggers = new HashMap<>();
        for (SqlInserts.Row r : SqlInserts.rows(sql, prefix + "triggers")) {
            triggers.put(key(r), r);
        }
        Map<String, String> jobClasses = new HashMap<>();
        for (SqlInserts.Row r : SqlInserts.rows(sql, prefix + "job_details")) {
            jobClasses.put(r.get("sched_name", 0) + "|" + r.get("job_group", 2) + "|" + r.get("job_name", 1),
                    r.get("job_class_name", 4));
        }
        for (SqlInserts.Row r : SqlInserts.rows(sql, prefix + "cron_triggers")) {
            String expr = r.get("cron_expression", 3);
            if (expr == null || PARAMETER.matcher(expr.strip()).matches() || ruoyi.contains(jobKey(r, triggers))) {
                continue; // a prepared statement's parameter (?, :name, #{name}, %s, $1): code, not a row; or RuoYi's copy
            }
            SourceRef where = at(file, r.offset());
            JobBuilder job = job(file, r, triggers.get(key(r)), jobClasses, where);
            ScheduleSpec spec = new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ, expr.strip(), r.get("time_zone_id", 4), where);
            job.schedule(spec);
            // the row's TIME_ZONE_ID decides when it fires: shown after the expression, as the other detectors show theirs
            sink.finding(Findings.of("JAV010", "Quartz cron trigger " + trigger(r) + " " + ShownSchedules.of(spec)
                    + ", a row of the JDBC job store", where, job.id()));
            if (SpringSchedules.hasSubMinuteSeconds(expr)) {
                sink.finding(Findings.of("JAV005", "Quartz cron \"" + expr.strip() + "\" "
                        + SpringSchedules.subMinuteSeconds(expr, true), where, job.id()));
            }
            sink.job(job.build());
        }
        for (SqlInserts.Row r : SqlInserts.rows(sql, prefix + "simple_triggers")) {
            String ms = r.get("repeat_interval", 4);
            if (ms == null || PARAMETER.matcher(ms.strip()).matches() || ruoyi.contains(jobKey(r, triggers))) {
                continue;
            }
            SourceRef where = at(file, r.offset());
            JobBuilder job = job(file, r, triggers.get(key(r)), jobClasses, where);
            String every = ms != null && ms.matches("\\d+") && !ms.equals("0") ? Duration.ofMillis(Long.parseLong(ms)).toString() : null;
            job.schedule(new ScheduleSpec(every == null ? ScheduleSpec.Form.UNKNOWN : ScheduleSpec.Form.INTERVAL,
                    every == null ? "repeat_interval " + ms : every, null, where));
            job.attr("repeatCount", r.get("repeat_count", 3));
            sink.finding(Findings.of("JAV011", "Quartz simple trigger " + trigger(r) + " (every " + every
                    + "), a row of the JDBC job store", where, job.id()));
            sink.job(job.build());
        }
    }

    /** The table prefix the dump uses ({@code org.quartz.jobStore.tablePrefix}, QRTZ_ by default), as written. */
    private static String tablePrefix(String sql) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b(\\w*qrtz_)cron_triggers\\b").matcher(sql);
        return m.find() ? m.group(1) : "QRTZ_";
    }

    private static JobBuilder job(ScanFile file, SqlInserts.Row r, SqlInserts.Row trigger, Map<String, String> classes,
                                  SourceRef where) {
        String jobName = trigger == null ? null : trigger.get("job_name", 3);
        String jobGroup = trigger == null ? null : trigger.get("job_group", 4);
        String name = jobName == null ? trigger(r) : (jobGroup == null ? "DEFAULT" : jobGroup) + "." + jobName;
        JobBuilder job = new JobBuilder(file, JobKind.QUARTZ, name, where, "sql " + r.get("sched_name", 0) + "." + trigger(r));
        String jobClass = jobName == null ? null : classes.get(r.get("sched_name", 0) + "|" + jobGroup + "|" + jobName);
        job.command(jobClass).attr("jobClass", jobClass).attr("trigger", trigger(r))
                .attr("quartz.scheduler", r.get("sched_name", 0)).attr("quartz.store", "jdbc");
        if (trigger != null && "PAUSED".equalsIgnoreCase(trigger.get("trigger_state", 9))) {
            job.attr("disabled", "true");
        }
        return job;
    }

    /** The {@code group|name} of the job a trigger row fires (its trigger's own key when the dump lacks qrtz_triggers). */
    private static String jobKey(SqlInserts.Row r, Map<String, SqlInserts.Row> triggers) {
        SqlInserts.Row t = triggers.get(key(r));
        String group = t == null ? r.get("trigger_group", 2) : t.get("job_group", 4);
        String name = t == null ? r.get("trigger_name", 1) : t.get("job_name", 3);
        return (group == null ? "DEFAULT" : group) + "|" + name;
    }

    private static String key(SqlInserts.Row r) {
        return r.get("sched_name", 0) + "|" + r.get("trigger_group", 2) + "|" + r.get("trigger_name", 1);
    }

    private static String trigger(SqlInserts.Row r) {
        String group = r.get("trigger_group", 2);
        return (group == null ? "DEFAULT" : group) + "." + r.get("trigger_name", 1);
    }

    private static SourceRef at(ScanFile file, int offset) {
        int line = file.lineOf(offset);
        int lineStart = file.text().lastIndexOf('\n', offset - 1) + 1;
        return SourceRef.at(file.path(), line, offset - lineStart + 1);
    }
}
