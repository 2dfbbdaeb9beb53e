package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.schedule.ShownSchedules;
import dev.migrate.analyzers.sources.systemd.ServiceTz;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The zone an APScheduler or {@code schedule} library script really runs in when the systemd service that keeps it
 * running sets {@code TZ} ({@code Environment=TZ=Europe/Berlin}, {@code Environment="TZ=..."}, or a {@code TZ=} line of
 * an {@code EnvironmentFile=}): APScheduler's "local zone" is tzlocal's {@code get_localzone()}, which reads {@code TZ}
 * before the machine's {@code /etc/localtime}, and the schedule library compares an {@code at()} without a zone with
 * {@code datetime.now()}, the C library's local clock, which {@code TZ} sets too; so the schedules that name no zone
 * fire in it, not in the host's. Those schedules are read in that zone, which is then proven; the job says where
 * ({@code zone.from}) and its PYS002 (APScheduler) or PYS001 (schedule) finding shows the zone after the schedule, as
 * it shows one the script names, and cites the unit line. The service is the one the scan linked the job to
 * ({@link SchedulerServices#recordedServiceOf}, {@link InProcessServiceLinker}, which runs before). The unit's
 * {@code TZ} is read as systemd applies it ({@link ServiceTz}): values from {@code EnvironmentFile=} override
 * {@code Environment=}, and of each the last assignment wins. A {@code TZ} that is no IANA zone name (a POSIX rule such
 * as {@code CET-1CEST,M3.5.0,M10.5.0/3}) is not used. The findings show the schedules as {@link ShownSchedules#reshown}
 * does for every scheduler whose zone a later pass learns.
 */
public final class ApschedulerServiceZone implements JobResolver {
    /**
     * The kinds whose schedules without a zone fire on the process's local clock, with the code of the finding that
     * states each job and what that clock is called there.
     */
    private static final Map<JobKind, Local> LOCAL_CLOCKS = Map.of(
            JobKind.APSCHEDULER, new Local("PYS002", "APScheduler's local zone"),
            JobKind.PYTHON_SCHEDULE_LIB, new Local("PYS001", "the local clock the schedule library reads"));

    private record Local(String code, String clock) {
    }

    @Override
    public boolean wants(String path) {
        return ServiceTz.wants(path);
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        resolve(jobs, findings, files, null);
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, Path base) {
        Map<String, String> texts = new HashMap<>();
        files.forEach(f -> texts.put(f.path(), f.text()));
        List<Job> all = List.copyOf(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (!LOCAL_CLOCKS.containsKey(j.kind()) || j.schedules().stream().noneMatch(ApschedulerServiceZone::local)) {
                continue;
            }
            Job service = SchedulerServices.recordedServiceOf(j, all);
            if (service == null || service.source().line() != 0) {
                continue; // a unit a script writes with a here-document: its lines are the script's
            }
            Optional<ServiceTz> tz = ServiceTz.of(service, texts, base, ServiceTz::zoneName);
            if (tz.isPresent()) {
                Job zoned = inZone(j, tz.get());
                jobs.set(i, zoned);
                cite(findings, j, zoned, LOCAL_CLOCKS.get(j.kind()), tz.get());
            }
        }
    }

    /** A schedule that fires in the local zone of the process: no zone of its own, or a naive start read in the host's. */
    private static boolean local(ScheduleSpec s) {
        return s.timezone() == null && s.dependsOnZone() && (s.unproven() == null || naiveStart(s));
    }

    /** An interval whose naive start ApschedulerStart placed in the host's zone, saying only its zone is unknown. */
    private static boolean naiveStart(ScheduleSpec s) {
        return s.zoneUnproven() && s.form() == ScheduleSpec.Form.INTERVAL && s.expression().startsWith("R/")
                && s.unproven().contains(ApschedulerStart.NO_ZONE);
    }

    private static Job inZone(Job j, ServiceTz tz) {
        List<ScheduleSpec> schedules = j.schedules().stream().map(s -> !local(s) ? s : naiveStart(s) ? restarted(s, tz.zone())
                : s.withTimezone(tz.zone())).toList();
        Map<String, String> attrs = new LinkedHashMap<>(j.attributes());
        attrs.put("zone", tz.zone());
        attrs.put("zone.from", tz.line() + " at " + tz.where());
        return new Job(j.id(), j.kind(), j.name(), j.source(), schedules, j.command(), j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), attrs);
    }

    /**
     * An interval whose naive start was placed in the host's zone, placed in the service's instead: the same local
     * time, that zone's offset. What else the start left unknown (a date string APScheduler 3 refuses) stays said.
     */
    private static ScheduleSpec restarted(ScheduleSpec s, String zone) {
        String[] parts = s.expression().split("/", 3);
        try {
            String start = OffsetDateTime.parse(parts[1]).toLocalDateTime().atZone(ZoneId.of(zone)).toOffsetDateTime()
                    .toString();
            int refused = s.unproven().indexOf("; " + ApschedulerStart.REFUSED);
            return new ScheduleSpec(s.form(), "R/" + start + "/" + parts[2], zone, s.where(), s.paused(),
                    refused < 0 ? null : s.unproven().substring(refused + 2));
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            return s;
        }
    }

    /**
     * The job's PYS002 or PYS001 finding shows each schedule as it is now read ({@code (30 2 * * *) (Europe/Berlin)}, as
     * for a zone the script names) and says which zone it runs in and the line that says so.
     */
    private static void cite(List<Finding> findings, Job before, Job zoned, Local local, ServiceTz tz) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.code().equals(local.code()) && before.id().equals(f.jobId())) {
                String shown = ShownSchedules.reshown(f.message(), before.schedules(), zoned.schedules());
                findings.set(i, new Finding(f.code(), f.severity(), f.applicability(), shown + "; it runs in "
                        + tz.zone() + ", the TZ its systemd service sets (" + tz.where() + ": " + tz.line()
                        + "), which is " + local.clock(), f.where(), f.jobId()));
            }
        }
    }
}
