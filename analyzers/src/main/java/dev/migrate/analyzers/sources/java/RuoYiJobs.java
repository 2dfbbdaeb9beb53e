package dev.migrate.analyzers.sources.java;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.JobBuilder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The scheduled tasks of a RuoYi application (a Spring admin on Quartz): rows of its {@code sys_job} table, which
 * holds each task's {@code cron_expression}, {@code invoke_target} (a bean's method, {@code ryTask.ryParams('ry')}),
 * {@code status} ('0' running, '1' paused), {@code misfire_policy} and {@code concurrent}. RuoYi schedules Quartz from
 * these rows at start-up, under the job key {@code TASK_CLASS_NAME<job_id>} in the row's group; Quartz's own
 * {@code qrtz_} rows of those keys are copies, which {@link #quartzKeys} names so they are not listed twice.
 * Columns are read by name: those the INSERT names, else those of the dump's own {@code CREATE TABLE sys_job}
 * (RuoYi's forks add and move columns), else those of the first known layout ({@link #LAYOUTS}) whose
 * {@code cron_expression} place holds a cron expression; a row none fits is not read.
 */
final class RuoYiJobs {
    static final String TABLE = "sys_job";
    /** RuoYi's {@code ScheduleConstants.TASK_CLASS_NAME}, the prefix of each task's Quartz job name. */
    private static final String QUARTZ_JOB_PREFIX = "TASK_CLASS_NAME";
    /**
     * Column orders of sys_job as RuoYi and its ports create it: RuoYi since 4.0 ({@code invoke_target}), the FastAPI
     * port (an executor, then {@code invoke_target}, arguments, keyword arguments), and RuoYi 3 (a bean in
     * {@code job_name}, its {@code method_name} and {@code method_params}, no misfire or concurrency columns).
     */
    private static final java.util.List<java.util.List<String>> LAYOUTS = java.util.List.of(
            java.util.List.of("job_id", "job_name", "job_group", "invoke_target", "cron_expression", "misfire_policy",
                    "concurrent", "status"),
            java.util.List.of("job_id", "job_name", "job_group", "job_executor", "invoke_target", "job_args", "job_kwargs",
                    "cron_expression", "misfire_policy", "concurrent", "status"),
            java.util.List.of("job_id", "job_name", "job_group", "method_name", "method_params", "cron_expression", "status"));
    /** Six or seven Quartz cron fields. */
    private static final Pattern CRON_LIKE = Pattern.compile("[0-9*?/,LW#A-Za-z-]+(?:\\s+[0-9*?/,LW#A-Za-z-]+){5,6}");
    private static final java.util.Set<String> CONSTRAINTS = java.util.Set.of("primary", "key", "unique", "index",
            "constraint", "foreign", "check", "fulltext", "spatial", "exclude");
    private static final Map<String, String> MISFIRE = Map.of("0", "default", "1", "fire now", "2", "fire once",
            "3", "do nothing");

    private RuoYiJobs() {
    }

    /** Reports the table's rows as jobs; {@code parameter} tells a prepared statement's placeholder from a value. */
    static void report(ScanFile file, String sql, Pattern parameter, Function<Integer, SourceRef> at, InventorySink sink) {
        for (SqlInserts.Row r : rows(sql)) {
            String expr = r.get("cron_expression", -1);
            if (expr == null || expr.isBlank() || parameter.matcher(expr.strip()).matches()) {
                continue;
            }
            String group = group(r);
            String name = group + "." + r.get("job_name", -1);
            String target = target(r);
            SourceRef where = at.apply(r.offset());
            JobBuilder job = new JobBuilder(file, JobKind.QUARTZ, name, where, "sys_job " + r.get("job_id", -1) + " " + name);
            job.schedule(new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ, expr.strip(), null, where));
            job.command(target).attr("invokeTarget", target).attr("ruoyi.jobId", r.get("job_id", -1))
                    .attr("misfirePolicy", MISFIRE.get(String.valueOf(r.get("misfire_policy", -1)).strip()))
                    .attr("concurrent", switch (String.valueOf(r.get("concurrent", -1)).strip()) {
                        case "0" -> "allowed";
                        case "1" -> "forbidden";
                        default -> null;
                    })
                    .attr("quartz.store", "ruoyi sys_job");
            if ("1".equals(String.valueOf(r.get("status", -1)).strip())) {
                job.attr("disabled", "true");
            }
            sink.finding(Findings.of("JAV010", "RuoYi scheduled task " + name + " (" + expr.strip() + ", runs "
                    + target + "), a row of sys_job" + ("1".equals(String.valueOf(r.get("status", -1)).strip())
                    ? ", paused" : ""), where, job.id()));
            if (SpringSchedules.hasSubMinuteSeconds(expr)) {
                sink.finding(Findings.of("JAV005", "Quartz cron \"" + expr.strip() + "\" "
                        + SpringSchedules.subMinuteSeconds(expr, true), where, job.id()));
            }
            sink.job(job.build());
        }
    }

    /** The Quartz job keys ({@code group|name}) RuoYi gives the dump's sys_job rows. */
    static Set<String> quartzKeys(String sql) {
        Set<String> keys = new HashSet<>();
        for (SqlInserts.Row r : rows(sql)) {
            String id = r.get("job_id", -1);
            if (id != null && id.strip().matches("\\d+")) {
                keys.add(group(r) + "|" + QUARTZ_JOB_PREFIX + id.strip());
            }
        }
        return keys;
    }

    /** The table's rows with their columns named (see the class comment); rows that cannot be read are left out. */
    private static java.util.List<SqlInserts.Row> rows(String sql) {
        java.util.List<String> declared = declaredColumns(sql);
        java.util.List<SqlInserts.Row> out = new java.util.ArrayList<>();
        for (SqlInserts.Row r : SqlInserts.rows(sql, TABLE)) {
            java.util.List<String> columns = !r.columns().isEmpty() ? r.columns() : !declared.isEmpty() ? declared
                    : LAYOUTS.stream().filter(l -> cronAt(r.values(), l.indexOf("cron_expression"))).findFirst().orElse(null);
            if (columns != null && columns.contains("cron_expression")) {
                out.add(new SqlInserts.Row(columns, r.values(), r.offset()));
            }
        }
        return out;
    }

    private static boolean cronAt(java.util.List<String> values, int i) {
        return i < values.size() && values.get(i) != null && CRON_LIKE.matcher(values.get(i).strip()).matches();
    }

    /** What the task runs: its {@code invoke_target}, or RuoYi 3's bean, method and parameters. */
    private static String target(SqlInserts.Row r) {
        String target = r.get("invoke_target", -1);
        String method = r.get("method_name", -1);
        if (target != null || method == null) {
            return target;
        }
        String params = r.get("method_params", -1);
        return r.get("job_name", -1) + "." + method + "(" + (params == null || params.isEmpty() ? "" : "'" + params + "'") + ")";
    }

    /** The column names of the dump's {@code CREATE TABLE sys_job (...)}, in order; empty when it has none. */
    private static java.util.List<String> declaredColumns(String sql) {
        java.util.regex.Matcher m = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?"
                + "(?:[`\"\\[]?\\w+[`\"\\]]?\\.)?[`\"\\[]?" + TABLE + "[`\"\\]]?\\s*\\(").matcher(sql);
        java.util.List<String> columns = new java.util.ArrayList<>();
        if (!m.find()) {
            return columns;
        }
        // the definitions split like an INSERT's values: commas outside parentheses and quotes (a default's text)
        java.util.List<String> definitions = new java.util.ArrayList<>();
        SqlInserts.tuple(sql, m.end(), definitions);
        for (String definition : definitions) {
            String name = definition == null ? "" : definition.strip().split("\\s+")[0]
                    .replaceAll("^[`\"\\[]|[`\"\\]]$", "").toLowerCase(java.util.Locale.ROOT);
            if (!name.isEmpty() && !CONSTRAINTS.contains(name)) {
                columns.add(name);
            }
        }
        return columns;
    }

    private static String group(SqlInserts.Row r) {
        String group = r.get("job_group", -1);
        return group == null || group.isBlank() ? "DEFAULT" : group;
    }
}
