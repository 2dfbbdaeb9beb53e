package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.CalendarSpec;
import dev.migrate.analyzers.schedule.ScheduleSyntaxException;
import dev.migrate.analyzers.schedule.TimeSpans;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.config.DeploymentRuns;
import dev.migrate.rewriters.systemd.ExecCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the job of one {@code .timer} unit, paired with the service it starts. */
final class TimerJobs {
    private static final List<String> MONOTONIC = List.of("OnBootSec", "OnStartupSec", "OnActiveSec", "OnUnitActiveSec",
            "OnUnitInactiveSec");
    private static final List<String> OPTIONS = List.of("Persistent", "RandomizedDelaySec", "AccuracySec", "FixedRandomDelay",
            "WakeSystem", "Unit");

    /**
     * Attribute of a timer's job: {@code enabled}, {@code disabled} or {@code static} ({@link TimerEnablement}), absent
     * when the scanned tree does not show the host's links.
     */
    static final String ENABLED = "systemd.enabled";

    private final ScheduleCheck check;
    /** Whose %u %U %h %s a user unit's settings get. */
    private final UserUnitSpecifiers owners;
    /** The names of the units an empty file or a link to /dev/null masks, with which: a timer starting one starts nothing. */
    private final Map<String, String> masked;

    TimerJobs(ScheduleCheck check, Map<String, String> masked, UserUnitSpecifiers owners) {
        this.owners = owners;
        this.check = check;
        this.masked = masked;
    }

    /**
     * @param service   null when the started unit was not among the scanned files
     * @param enabled   {@link TimerEnablement}'s state of the timer on its host, null when the dump does not say
     * @param enabledBy the links (or copies) that enable a plain timer
     */
    PendingJob build(UnitSource timer, String serviceName, UnitSource service, String enabled, List<String> enabledBy) {
        String name = timer.baseName();
        String id = timer.jobIds().claim(JobKind.SYSTEMD_TIMER, timer.path(), name, timer.fileName());
        SourceRef where = timer.where();
        List<Finding> findings = new ArrayList<>();
        List<ScheduleSpec> schedules = new ArrayList<>();
        for (UnitSource.Setting s : timer.settings("Timer", "OnCalendar")) {
            if (timer.expands() && s.value().contains("$")) {
                // `OnCalendar=*-*-* ${CLEANUP_TIME}:00` in an unquoted here-document: the script fills it in
                schedules.add(new ScheduleSpec(ScheduleSpec.Form.UNKNOWN, "OnCalendar=" + s.value()
                        + " (the script fills in its variables when it runs)", null, s.where()));
                continue;
            }
            try {
                CalendarSpec spec = CalendarSpec.parse(s.value());
                schedules.add(new ScheduleSpec(ScheduleSpec.Form.SYSTEMD_CALENDAR, s.value(),
                        spec.zone() == null ? null : spec.zone().getId(), s.where()));
            } catch (ScheduleSyntaxException e) {
                findings.add(Findings.of("SYD007", "OnCalendar=" + s.value() + ": " + e.getMessage(),
                        shift(s.where(), e.column()), id));
            }
        }
        for (String key : MONOTONIC) {
            for (UnitSource.Setting s : timer.settings("Timer", key)) {
                if (timer.expands() && s.value().contains("$")) {
                    schedules.add(new ScheduleSpec(ScheduleSpec.Form.UNKNOWN, key + "=" + s.value()
                            + " (the script fills in its variables when it runs)", null, s.where()));
                    continue;
                }
                try {
                    TimeSpans.parse(s.value());
                    schedules.add(new ScheduleSpec(ScheduleSpec.Form.SYSTEMD_MONOTONIC, key + "=" + s.value(), null, s.where()));
                } catch (ScheduleSyntaxException e) {
                    findings.add(Findings.of("SYD007", key + "=" + s.value() + ": " + e.getMessage(), shift(s.where(), e.column()), id));
                }
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String option : OPTIONS) {
            String v = timer.value("Timer", option);
            if (v != null) {
                attributes.put(option, v);
            }
        }
        attributes.putIfAbsent("Unit", serviceName);
        boolean disabled = TimerEnablement.DISABLED.equals(enabled);
        if (enabled != null) {
            attributes.put(ENABLED, enabled);
        }
        if (!enabledBy.isEmpty()) {
            attributes.put("systemd.enabledBy", String.join(" ", enabledBy));
        }
        if (disabled) {
            attributes.put("disabled", "true"); // as a commented-out crontab line: no run is expected of it
        }
        if (timer.embeddedIn() != null) {
            attributes.put("systemd.embeddedIn", timer.embeddedIn());
        }
        if (!timer.dropIns().isEmpty()) {
            attributes.put("timer.dropIns", String.join(" ", timer.dropIns().stream().map(UnitSource.DropIn::shown).toList()));
        }
        ServiceFacts facts = service == null ? null : ServiceFacts.of(service, owners.owner(service.path()));
        if (facts != null) {
            attributes.putAll(facts.attributes());
        }
        // a disabled timer starts nothing today: SYD011 says so, and no deployment is started by it
        List<String> started = disabled ? List.<String>of() : deploymentRuns(service).values().stream().flatMap(List::stream).distinct().toList();
        if (!started.isEmpty()) {
            attributes.put(DeploymentRuns.ATTRIBUTE, String.join(", ", started));
        }
        Job job = new Job(id, JobKind.SYSTEMD_TIMER, name, where, schedules, facts == null ? null : facts.command(),
                facts == null ? null : facts.user(), facts == null ? Map.of() : facts.env(),
                facts == null ? null : facts.workingDir(), Overlap.SKIP, List.of(), attributes);
        if (disabled) {
            // a disabled job, not an active schedule: what its schedule would do matters once someone enables it
            findings.add(Findings.of("SYD011", "timer " + timer.fileName() + " is disabled on this host (it has [Install] "
                    + "and no link in a .wants directory enables it): it starts " + serviceName + " only once enabled; "
                    + "migrate it as a paused deployment, delete it, or keep it disabled", where, id));
        } else {
            findings.addAll(findings(timer, job, serviceName, service));
        }
        List<String> units = List.of(timer.fileName(), serviceName);
        return new PendingJob(job, units, facts == null ? List.of() : facts.dependencies(), findings);
    }

    private List<Finding> findings(UnitSource timer, Job job, String serviceName, UnitSource service) {
        List<Finding> out = new ArrayList<>();
        String id = job.id();
        String described = job.schedules().stream().map(s -> check.interpret(s).describe()).collect(Collectors.joining("; "));
        // at the schedule line, where a code-scanning annotation is useful; the file for a timer without one
        out.add(Findings.of("SYD001", "timer " + timer.fileName() + " starts " + serviceName + " outside any orchestrator"
                + (described.isEmpty() ? "" : ": " + described),
                job.schedules().isEmpty() ? job.source() : job.schedules().get(0).where(), id));
        if (service == null) {
            out.add(Findings.of("SYD006", "timer " + timer.fileName() + " starts " + serviceName + (masked.containsKey(serviceName)
                    ? ", which " + masked.get(serviceName) + " masks: systemd does not start it" : ", which is not among the scanned files"),
                    job.source(), id));
        }
        // FixedRandomDelay= (systemd 247) makes the delay one offset per machine and timer, the same at every start
        boolean fixed = timer.settings("Timer", "FixedRandomDelay").stream()
                .anyMatch(f -> f.value().matches("(?i)yes|true|on|1"));
        for (UnitSource.Setting s : timer.settings("Timer", "RandomizedDelaySec")) {
            out.add(Findings.of("SYD002", "RandomizedDelaySec=" + s.value() + (fixed
                    ? " with FixedRandomDelay= delays every start by the same offset (up to " + s.value() + ", chosen per "
                            + "machine and timer); Prefect starts runs at the scheduled time: add the offset to the schedule "
                            + "if the time of day matters"
                    : " delays each start randomly; Prefect starts runs at the scheduled time"), s.where(), id));
        }
        for (UnitSource.Setting s : timer.settings("Timer", "Persistent")) {
            if (s.value().matches("(?i)yes|true|on|1")) {
                out.add(Findings.of("SYD003", "Persistent=" + s.value()
                        + " catches up a start missed while the machine was off; Prefect does not", s.where(), id));
            }
        }
        for (UnitSource.Setting s : timer.settings("Timer", "AccuracySec")) {
            try {
                if (TimeSpans.parse(s.value()).compareTo(java.time.Duration.ofMinutes(1)) > 0) {
                    out.add(Findings.of("SYD010", "AccuracySec=" + s.value()
                            + " lets systemd start up to that much after the calendar time; Prefect starts on time", s.where(), id));
                }
            } catch (ScheduleSyntaxException e) {
                out.add(Findings.of("SYD007", "AccuracySec=" + s.value() + ": " + e.getMessage(), s.where(), id));
            }
        }
        List<String> told = new ArrayList<>();
        deploymentRuns(service).forEach((exec, names) -> names.stream().filter(d -> !told.contains(d)).forEach(d -> {
            told.add(d);
            out.add(Findings.of("SYD012", DeploymentRuns.hostMessage("timer " + timer.fileName() + " (through "
                    + serviceName + ")", d, described.isEmpty() ? "with no calendar schedule" : "on " + described,
                    described.isEmpty() ? null : "translated to the cron and zone the job's schedule shows",
                    "disable and remove the timer at cutover"), exec.where(), id));
        }));
        boolean periodic = job.schedules().stream().anyMatch(s -> s.form() == ScheduleSpec.Form.SYSTEMD_CALENDAR
                || s.expression().startsWith("OnUnit"));
        for (ScheduleSpec s : job.schedules()) {
            if (s.form() == ScheduleSpec.Form.SYSTEMD_MONOTONIC && !s.expression().startsWith("OnUnit") && !periodic) {
                out.add(Findings.of("SYD008", s.expression() + " starts the service once, relative to boot; "
                        + "Prefect 3 schedules are clock-based", s.where(), id));
            } else if (s.form() == ScheduleSpec.Form.SYSTEMD_CALENDAR || s.expression().startsWith("OnUnit")) {
                String why = check.inexactness(s);
                if (why != null) {
                    out.add(Findings.of("SYD005", "'" + s.expression() + "' has no exact Prefect 3 equivalent: " + why,
                            s.where(), id));
                }
            }
        }
        return out;
    }

    /**
     * The deployments each {@code ExecStart=} of the service starts with {@code prefect deployment run} (SYD012), in
     * order; none for a service that was not scanned.
     */
    private static Map<UnitSource.Setting, List<String>> deploymentRuns(UnitSource service) {
        Map<UnitSource.Setting, List<String>> out = new LinkedHashMap<>();
        if (service != null) {
            for (UnitSource.Setting exec : service.settings("Service", "ExecStart")) {
                List<String> names = DeploymentRuns.started(ExecCommand.parse(exec.value()).command());
                if (!names.isEmpty()) {
                    out.put(exec, names);
                }
            }
        }
        return out;
    }

    private static SourceRef shift(SourceRef at, int column) {
        return SourceRef.at(at.path(), at.line(), at.column() + column);
    }
}
