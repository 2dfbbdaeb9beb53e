package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIdRegistry;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.CronExpression;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.schedule.ScheduleSyntaxException;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.config.DeploymentRuns;
import dev.migrate.rewriters.crontab.CrontabFile;
import dev.migrate.rewriters.crontab.CrontabFormat;
import dev.migrate.rewriters.crontab.CrontabLine;
import dev.migrate.rewriters.crontab.Word;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one crontab (a file or a here-document body) into jobs and findings. */
final class CrontabScanner {
    private final ScheduleCheck check;
    private final JobIdRegistry ids;
    private final InventorySink sink;
    /** What one table gives, before its lines of one command become one job. */
    private final List<Job> jobs = new java.util.ArrayList<>();
    private final List<dev.migrate.analyzers.model.Finding> findings = new java.util.ArrayList<>();
    private final InventorySink buffer = new InventorySink() {
        @Override
        public void job(Job job) {
            jobs.add(job);
        }

        @Override
        public void finding(dev.migrate.analyzers.model.Finding finding) {
            findings.add(finding);
        }
    };

    /** @param ids the registry of the file the crontab is in (a line written twice is two jobs) */
    /**
     * The line migrate's cutover writes above an entry it comments out ({@link CrontabFile#DISABLED_MARKER}, then the
     * job and the date).
     */
    private static final Pattern MIGRATE_MARKER = Pattern.compile(Pattern.quote(CrontabFile.DISABLED_MARKER) + "(\\S+) (\\S+)");
    private static final String DISABLED_BY_MIGRATE = CrontabDetector.DISABLED_BY_MIGRATE;
    /**
     * The spool of the crons Debian and Ubuntu ship (cron 3.0pl1, systemd-cron) and of busybox crond; cronie keeps
     * crontabs in {@code /var/spool/cron/USER} (Red Hat) or {@code /var/spool/cron/tabs/USER} (SUSE).
     */
    private static final Pattern DEBIAN_SPOOL = Pattern.compile("(?:^|/)var/spool/cron/crontabs/[^/]+$");

    CrontabScanner(ScheduleCheck check, JobIdRegistry ids, InventorySink sink) {
        this.check = check;
        this.ids = ids;
        this.sink = sink;
    }

    /**
     * @param firstLine   the file line the text starts on (1 for a whole file)
     * @param firstColumn the 0-based column the text starts at on that line (an echoed line's quote)
     * @param owner       the crontab's owner when known (spool file name, {@code crontab -u})
     */
    void scan(String path, String text, CrontabFormat format, int firstLine, int firstColumn, String owner,
              Map<String, String> extra) {
        // the lines of one command are one job (SameCommandLines): collected first, handed on once the table is read
        jobs.clear();
        findings.clear();
        read(path, text, format, firstLine, firstColumn, owner, extra);
        SameCommandLines.emit(List.copyOf(jobs), List.copyOf(findings), sink);
    }

    private void read(String path, String text, CrontabFormat format, int firstLine, int firstColumn, String owner,
                      Map<String, String> extra) {
        CrontabFile file = CrontabFile.parse(text, format);
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < file.lines().size(); i++) {
            CrontabLine line = file.lines().get(i);
            int lineNo = firstLine + i;
            int shift = i == 0 ? firstColumn : 0;
            if (line instanceof CrontabLine.EnvSetting s) {
                env.put(s.name(), s.value());
                if (s.name().equals("CRON_TZ") && DEBIAN_SPOOL.matcher(path).find()) {
                    buffer.finding(Findings.of("CRN010", "CRON_TZ=" + s.value() + " is read as written, but this crontab "
                            + "is in /var/spool/cron/crontabs, where Debian's cron, systemd-cron and busybox crond keep "
                            + "crontabs, and none of them schedules by CRON_TZ: there the lines below run in the host's zone",
                            SourceRef.at(path, lineNo, shift + s.indent().length() + 1), null));
                }
                if (s.name().equals("MAILTO") && !s.value().isEmpty()) {
                    buffer.finding(Findings.of("CRN007", "cron mails the output of the jobs below to "
                            + Redactor.redact(s.value()) + "; Prefect keeps it in run logs instead",
                            SourceRef.at(path, lineNo, shift + s.indent().length() + 1), null));
                }
            } else if (templated(line).isPresent()) {
                TemplatedSchedule t = templated(line).get();
                CrontabLine read = CrontabFile.parse(t.line(), format).lines().get(0);
                if (read instanceof CrontabLine.Entry e) {
                    entry(path, lineNo, shift, e, false, format, owner, env, extra, t);
                } else {
                    buffer.finding(Findings.of("CRN005", t.problem() + "; read with it, the line is malformed: "
                            + ((CrontabLine.Unparsed) read).problem(), SourceRef.at(path, lineNo, shift
                            + Math.max(1, t.line().length() - t.line().stripLeading().length() + 1)), null));
                }
            } else if (line instanceof CrontabLine.Entry e) {
                entry(path, lineNo, shift, e, false, format, owner, env, extra, null);
            } else if (line instanceof CrontabLine.DisabledEntry d) {
                // commented out by migrate's cutover (its marker line above): moved to Prefect, not forgotten
                Matcher m = i > 0 && file.lines().get(i - 1) instanceof CrontabLine.Comment c
                        ? MIGRATE_MARKER.matcher(c.text()) : null;
                Map<String, String> attrs = extra;
                if (m != null && m.matches()) {
                    attrs = new LinkedHashMap<>(extra);
                    attrs.put(DISABLED_BY_MIGRATE, m.group(2) + " (" + m.group(1) + ")");
                }
                entry(path, lineNo, shift + d.entryOffset(), d.entry(), true, format, owner, env, attrs, null);
            } else if (line instanceof CrontabLine.Unparsed u) {
                buffer.finding(Findings.of("CRN005", unparsedProblem(u),
                        SourceRef.at(path, lineNo, shift + Math.max(1, u.text().length() - u.text().stripLeading().length() + 1)),
                        null));
            }
        }
    }

    /**
     * A job line (or one whose schedule is a shell parameter with a default, read with the default: {@code templated}).
     */
    private void entry(String path, int lineNo, int offset, CrontabLine.Entry e, boolean disabled, CrontabFormat format,
                       String owner, Map<String, String> env, Map<String, String> extra, TemplatedSchedule templated) {
        List<Word> words = e.scheduleWords();
        int col = offset + e.columnOfField(0) + 1;
        SourceRef where = SourceRef.at(path, lineNo, col);
        if (format == CrontabFormat.SYSTEM && !UserFields.couldBeUser(e.user())) {
            buffer.finding(Findings.of("CRN005", (disabled ? "commented-out line: " : "") + UserFields.missingUser(e),
                    SourceRef.at(path, lineNo, offset + e.columnOfField(words.size()) + 1), null));
            return;
        }
        // the words as written, for the job's id; the schedule is shown with single spaces (tabs and runs of blanks
        // between the fields are the file's layout, kept by the crontab model, not part of the schedule)
        String scheduleText = templated != null ? templated.written() : scheduleText(words);
        String shown = e.schedule();
        // cronie schedules by CRON_TZ; TZ only reaches the job's environment. @reboot runs when cron starts, at no
        // time of day: a zone means nothing to it.
        boolean atBoot = format != CrontabFormat.ANACRON && shown.equalsIgnoreCase("@reboot");
        String timezone = atBoot ? null : env.get("CRON_TZ");
        String command = e.shellCommand().strip();
        Map<String, String> attributes = new LinkedHashMap<>(extra);
        attributes.put("crontab.format", format.name().toLowerCase(Locale.ROOT));
        JobKind kind = JobKind.CRON;
        String name;
        ScheduleSpec spec;
        String invalid = null;
        int invalidColumn = col;
        if (format == CrontabFormat.ANACRON) {
            kind = JobKind.ANACRON;
            name = words.get(2).text();
            String period = words.get(0).text();
            spec = period.startsWith("@")
                    ? new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, period, timezone, where)
                    : new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "P" + period + "D", timezone, where);
            attributes.put("anacron.delayMinutes", words.get(1).text());
        } else {
            name = CronCommands.name(command);
            if (atBoot) {
                spec = new ScheduleSpec(ScheduleSpec.Form.AT_BOOT, "@reboot", null, where);
            } else {
                spec = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, shown, timezone, where);
                try {
                    CronExpression.parse(shown);
                } catch (ScheduleSyntaxException ex) {
                    invalid = ex.getMessage();
                    invalidColumn = col + ex.column();
                }
            }
        }
        if (templated != null) {
            spec = spec.withUnproven(templated.unproven());
        }
        if (disabled) {
            attributes.put("disabled", "true");
        }
        if (timezone != null && DEBIAN_SPOOL.matcher(path).find()) {
            attributes.put("timezone.note", "CRON_TZ is read as written; the crons that keep crontabs in "
                    + "/var/spool/cron/crontabs (Debian's cron, systemd-cron, busybox crond) ignore it and run the line in "
                    + "the host's zone");
        } else if (timezone != null) {
            attributes.put("timezone.note", "CRON_TZ is honoured by cronie (RHEL, Fedora); Debian's cron ignores it");
        } else if (env.containsKey("TZ") && !atBoot) {
            attributes.put("timezone.note", "TZ only sets the job's environment; cron schedules it in the host zone");
        }
        if (CronCommands.guardedByAnacron(command)) {
            attributes.put("cron.noOpWhen", "anacron is installed (test -x /usr/sbin/anacron)");
        }
        if (e.stdin() != null) {
            attributes.put("stdin", Redactor.redact(e.stdin()));
        }
        List<String> started = disabled ? List.of() : DeploymentRuns.started(command);
        if (!started.isEmpty()) {
            attributes.put(DeploymentRuns.ATTRIBUTE, String.join(", ", started));
        }
        String user = format == CrontabFormat.SYSTEM ? e.user() : format == CrontabFormat.ANACRON ? "root" : owner;
        String id = ids.claim(kind, path, name, scheduleText + "\n" + e.commandText());
        Map<String, String> shownEnv = new LinkedHashMap<>();
        env.forEach((k, v) -> shownEnv.put(k, Redactor.redactValue(k, v)));
        buffer.job(new Job(id, kind, name, where, List.of(spec), Redactor.redact(command), user, shownEnv,
                CronCommands.workingDir(command), format == CrontabFormat.ANACRON ? dev.migrate.analyzers.model.Overlap.SKIP
                : CronCommands.overlap(command), List.of(), attributes));
        if (extra.containsKey(DISABLED_BY_MIGRATE)) {
            return; // migrated and switched off by migrate: nothing is left to do about it here
        }
        if (templated != null) {
            buffer.finding(Findings.of("CRN005", templated.problem(), where, id));
        }
        findings(id, kind, name, command, spec, where, disabled, invalid, SourceRef.at(path, lineNo, invalidColumn),
                leftToAPerson(command, attributes));
    }

    /**
     * Why the legacy recipe leaves a job line as it is, or null when it moves it: a crontab a script writes (the
     * script is what a person edits) and a line that dispatches a run-parts directory, whose scripts are jobs of
     * their own (the cutover takes their execute bit). Its CRN001 is then no fix the rewrite makes.
     */
    private static String leftToAPerson(String command, Map<String, String> attributes) {
        if (attributes.containsKey("crontab.embeddedIn")) {
            return "the crontab is written by a script (" + attributes.get("crontab.embeddedIn") + "), which the legacy "
                    + "recipe leaves as it is: move the job by hand";
        }
        return command.contains("run-parts") ? "it dispatches a run-parts directory, whose scripts are jobs of their own: "
                + "the legacy recipe moves those and leaves this line" : null;
    }

    /** The parameter with a default that stands for the schedule of a job line or of a line read as malformed. */
    private static java.util.Optional<TemplatedSchedule> templated(CrontabLine line) {
        if (line instanceof CrontabLine.Entry e) {
            return TemplatedSchedule.of(e.print().substring(0, e.print().length() - e.eol().length()));
        }
        return line instanceof CrontabLine.Unparsed u ? TemplatedSchedule.of(u.text()) : java.util.Optional.empty();
    }

    private void findings(String id, JobKind kind, String name, String command, ScheduleSpec spec, SourceRef where, boolean disabled, String invalid,
                          SourceRef invalidAt, String leftToAPerson) {
        if (invalid != null) {
            buffer.finding(Findings.of("CRN002", invalid, invalidAt, id));
        }
        if (disabled) {
            buffer.finding(Findings.of("CRN004", "commented-out entry '" + spec.expression() + "' (" + name
                    + ") is a disabled job: migrate, delete or keep it disabled", where, id));
            return;
        }
        if (spec.form() == ScheduleSpec.Form.AT_BOOT) {
            buffer.finding(Findings.of("CRN003", "@reboot job " + name + " runs once when cron starts; Prefect 3 has no boot trigger",
                    where, id));
            return;
        }
        if (invalid != null) {
            return;
        }
        if (CronCommands.guardedByAnacron(command)) {
            buffer.finding(Findings.of("CRN009", "cron job " + name + " runs only when anacron is not installed: "
                    + check.interpret(spec).describe(), where, id));
            return;
        }
        String outside = "cron job " + name + " runs outside any orchestrator: " + check.interpret(spec).describe();
        buffer.finding(leftToAPerson == null ? Findings.of("CRN001", outside, where, id)
                : Findings.manual("CRN001", outside + "; " + leftToAPerson, where, id));
        String why = kind == JobKind.ANACRON
                ? "anacron runs it once per period whenever the machine is up, after its delay, and catches up missed "
                        + "periods; a Prefect schedule runs at fixed times instead"
                : check.inexactness(spec);
        if (why != null) {
            buffer.finding(Findings.of("CRN006", "schedule '" + spec.expression() + "' has no exact Prefect 3 equivalent: " + why,
                    where, id));
        }
        deploymentRuns(id, name, command, spec, where);
    }

    /** CRN011: the line starts a Prefect deployment, whose own schedule this one becomes ({@link CronRunSchedule}). */
    private void deploymentRuns(String id, String name, String command, ScheduleSpec spec, SourceRef where) {
        CronRunSchedule run = CronRunSchedule.of(spec, check);
        for (String d : DeploymentRuns.started(command)) {
            buffer.finding(Findings.of("CRN011", DeploymentRuns.hostMessage("cron job " + name, d, run.when(),
                    run.schedule(), "remove the crontab line at cutover"), where, id));
        }
    }

    /**
     * A line a script fills in when it runs ({@code ${ETL_SCHEDULE} root /app/etl.sh} in an unquoted
     * here-document) is not wrong, only unknown here: say where its value comes from instead of what is missing.
     */
    private static String unparsedProblem(CrontabLine.Unparsed u) {
        String line = u.text().strip();
        if (line.startsWith("$")) {
            String variable = line.split("\\s+", 2)[0];
            return "the schedule is the shell variable " + variable + ", which the script expands when it runs: "
                    + "find its value (environment, .env file, deployment config) and migrate this job by hand";
        }
        return u.problem();
    }

    /** The schedule words as written, with their original spacing. */
    private static String scheduleText(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            sb.append(i == words.size() - 1 ? words.get(i).text() : words.get(i).print());
        }
        return sb.toString();
    }
}
