package dev.migrate.analyzers.sources.java;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Spring and Quartz schedules that name no zone in the JVM default zone their application sets
 * ({@link JvmDefaultZoneDetector}'s JAV012 findings) instead of the host's. A setting applies to the jobs under its
 * scope: the module of a Java file that sets it (the directory above {@code src/}), or the directory of the script,
 * unit or container file whose {@code java} command line sets it. The narrowest scope wins; code wins over a command
 * line in the same scope, since it runs after the JVM started; two different zones at the same rank leave the host's.
 * The command line of the systemd service the scan linked the job to ({@link JvmServiceLinker}, which runs before) is
 * that JVM's own, so it wins over a command line elsewhere, though not over code. So does a {@code -Duser.timezone} the
 * unit passes in a variable the JVM or launcher reads ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) or its
 * command line expands ({@code $JAVA_OPTS}), read by {@link ServiceJvmOptions}; in a variable nothing reads, it is none.
 * <p>
 * When nothing sets {@code user.timezone}, the JVM takes its default zone from {@code TZ} at start, before the
 * machine's {@code /etc/localtime}: a {@code TZ} the linked service sets ({@code Environment=TZ=Europe/Paris}, or an
 * {@code EnvironmentFile=}'s line, read as systemd applies them, {@link ServiceTz}) is then the zone.
 * <p>
 * The job says where its zone comes from ({@code zone.from}), and its JAV001 or JAV010 finding shows the schedule in
 * that zone ({@code (0 0 2 * * *) (Europe/Paris)}, {@link ShownSchedules#reshown}) and says why, as the Python
 * schedulers' findings do for a service's {@code TZ}; the zone is then known, so no "assumed" host zone follows it.
 */
public final class JvmZoneResolver implements JobResolver {
    private static final Pattern ZONE = Pattern.compile("time zone is set to (\\S+) here");
    /** The findings that show a Spring cron method's or a Quartz cron trigger's schedule. */
    private static final Set<String> SHOWN_BY = Set.of("JAV001", "JAV010");

    @Override
    public boolean wants(String path) {
        return ServiceTz.wants(path);
    }

    private record Setting(String zone, String scope, boolean code, String where, String path, int line) {
        int rank() {
            return scope.length() * 2 + (code ? 1 : 0);
        }
    }

    /** The zone a job's JVM runs in, what {@code zone.from} records, and what its finding says after the schedule. */
    private record Zone(String zone, String from, String said) {
        static Zone of(Setting s) {
            return new Zone(s.zone(), "JVM default time zone set at " + s.where(),
                    "the JVM default time zone set at " + s.where());
        }

        static Zone of(ServiceJvmOptions o) {
            return new Zone(o.zone(), o.line() + " at " + o.where(), "the -Duser.timezone its systemd service gives the"
                    + " JVM (" + o.where() + ": " + o.line() + ")");
        }

        static Zone of(ServiceTz tz) {
            return new Zone(tz.zone(), tz.line() + " at " + tz.where(), "the TZ its systemd service sets (" + tz.where()
                    + ": " + tz.line() + "), which the JVM takes as its default zone when no user.timezone is given");
        }
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        resolve(jobs, findings, files, null);
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, Path base) {
        List<Setting> settings = findings.stream().filter(f -> f.code().equals(JvmDefaultZoneDetector.CODE))
                .map(JvmZoneResolver::setting).filter(s -> s != null).toList();
        Map<String, String> texts = new HashMap<>();
        files.forEach(f -> texts.put(f.path(), f.text()));
        List<Job> all = List.copyOf(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if ((j.kind() == JobKind.SPRING_SCHEDULED || j.kind() == JobKind.QUARTZ)
                    && j.schedules().stream().anyMatch(JvmZoneResolver::local)) {
                Optional<Zone> zone = zone(j, settings, all, texts, base);
                if (zone.isPresent()) {
                    Job zoned = inZone(j, zone.get());
                    jobs.set(i, zoned);
                    cite(findings, j, zoned, zone.get());
                }
            }
        }
    }

    /** A schedule that fires in the JVM's default zone: it names none, and its fire times depend on one. */
    private static boolean local(ScheduleSpec s) {
        return s.timezone() == null && s.dependsOnZone();
    }

    /**
     * The zone job {@code j}'s JVM runs in: code that sets it in scope, else the linked service's command line, else
     * a command line in scope, else (no setting at all in scope) the linked service's {@code TZ}; empty for none.
     */
    private static Optional<Zone> zone(Job j, List<Setting> settings, List<Job> all, Map<String, String> texts,
                                       Path base) {
        List<Setting> inScope = settings.stream().filter(s -> j.source().path().startsWith(s.scope())).toList();
        Setting best = applicable(inScope);
        if (best != null && best.code()) {
            return Optional.of(Zone.of(best));
        }
        Job service = SchedulerServices.recordedServiceOf(j, all);
        if (service != null && service.source().line() == 0) {
            List<String> unitFiles = unitFiles(service);
            Optional<ServiceJvmOptions> options = ServiceJvmOptions.of(service, unitFiles, texts);
            if (options.isPresent() && !options.get().onCommandLine()) {
                // a variable's -Duser.timezone; one naming no zone the JVM knows leaves it in GMT, which is not claimed
                return Optional.ofNullable(options.get().zone()).map(z -> Zone.of(options.get()));
            }
            // the unit's own command line; an Environment= line's flag counts only as ServiceJvmOptions reads it
            Setting own = applicable(settings.stream().filter(s -> unitFiles.contains(s.path())
                    && !environmentLine(s, texts)).toList());
            if (own != null) {
                return Optional.of(Zone.of(own));
            }
        }
        if (best != null) {
            return Optional.of(Zone.of(best));
        }
        if (!inScope.isEmpty() || service == null || service.source().line() != 0) {
            return Optional.empty(); // settings that disagree: user.timezone is set, to one of them, not TZ
        }
        return ServiceTz.of(service, texts, base, ServiceTz::jvmZoneName).map(Zone::of);
    }

    /**
     * The unit file of a service and its drop-ins, in the order systemd reads them (a drop-in a script writes is shown
     * as path:line, not a file).
     */
    private static List<String> unitFiles(Job service) {
        String dropIns = service.attributes().getOrDefault("service.dropIns", "");
        List<String> out = new ArrayList<>(List.of(service.source().path()));
        Arrays.stream(dropIns.split(" ")).filter(d -> !d.isBlank() && !d.contains(":")).forEach(out::add);
        return out;
    }

    /** Whether a setting is a unit's {@code Environment=} line, a variable's value rather than the command line. */
    private static boolean environmentLine(Setting s, Map<String, String> texts) {
        String text = texts.get(s.path());
        String[] lines = text == null ? new String[0] : text.split("\n", -1);
        return s.line() >= 1 && s.line() <= lines.length && lines[s.line() - 1].strip().matches("Environment\\s*=.*");
    }

    private static Setting setting(Finding f) {
        Matcher m = ZONE.matcher(f.message());
        if (!m.find()) {
            return null;
        }
        String path = f.where().path();
        boolean code = path.endsWith(".java") || path.endsWith(".kt");
        String scope = code ? SpringPlaceholderResolver.module(path)
                : path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        return new Setting(m.group(1), scope, code, f.where().toString(), path, f.where().line());
    }

    /** The setting of the narrowest scope among {@code settings}; null when none or when that rank is ambiguous. */
    private static Setting applicable(List<Setting> settings) {
        Setting best = null;
        boolean ambiguous = false;
        for (Setting s : settings) {
            if (best == null || s.rank() > best.rank()) {
                best = s;
                ambiguous = false;
            } else if (s.rank() == best.rank() && !s.zone().equals(best.zone())) {
                ambiguous = true;
            }
        }
        return ambiguous ? null : best;
    }

    private static Job inZone(Job j, Zone zone) {
        List<ScheduleSpec> schedules = j.schedules().stream().map(spec -> local(spec) ? spec.withTimezone(zone.zone())
                : spec).toList();
        Map<String, String> attrs = new LinkedHashMap<>(j.attributes());
        attrs.put("zone", zone.zone());
        attrs.put("zone.from", zone.from());
        return new Job(j.id(), j.kind(), j.name(), j.source(), schedules, j.command(), j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), attrs);
    }

    /** The job's JAV001 or JAV010 finding shows its schedule in the zone, and says which setting that zone is. */
    private static void cite(List<Finding> findings, Job before, Job zoned, Zone zone) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (SHOWN_BY.contains(f.code()) && before.id().equals(f.jobId())) {
                String shown = ShownSchedules.reshown(f.message(), before.schedules(), zoned.schedules());
                if (!shown.equals(f.message())) {
                    findings.set(i, new Finding(f.code(), f.severity(), f.applicability(), shown + "; it runs in "
                            + zone.zone() + ", " + zone.said(), f.where(), f.jobId()));
                }
            }
        }
    }
}
