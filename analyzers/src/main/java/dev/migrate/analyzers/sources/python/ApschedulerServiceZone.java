package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.rewriters.systemd.EnvironmentWords;
import dev.migrate.rewriters.systemd.UnitFile;
import dev.migrate.rewriters.systemd.UnitLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zone an APScheduler script really runs in when the systemd service that keeps it running sets {@code TZ}
 * ({@code Environment=TZ=Europe/Berlin}, {@code Environment="TZ=..."}, or a {@code TZ=} line of an
 * {@code EnvironmentFile=}): APScheduler's "local zone" is tzlocal's {@code get_localzone()}, which reads {@code TZ}
 * before the machine's {@code /etc/localtime}, so the schedules that name no zone fire in it, not in the host's.
 * Those schedules are read in that zone, which is then proven; the job says where ({@code zone.from}) and its PYS002
 * finding cites the unit line. The service is found as every report finds it ({@link SchedulerServices#serviceOf}).
 * Values from {@code EnvironmentFile=} override {@code Environment=}, and of each the last assignment wins, as in
 * systemd. A {@code TZ} that is no IANA zone name (a POSIX rule such as {@code CET-1CEST,M3.5.0,M10.5.0/3}) is not
 * used.
 */
public final class ApschedulerServiceZone implements JobResolver {
    private static final String TZ = "TZ";
    /** A {@code KEY=value} line of an environment file, as systemd reads one (quotes around the value allowed). */
    private static final Pattern ENV_LINE = Pattern.compile("^\\s*TZ\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S*))\\s*$");
    private static final long MAX_ENV_FILE = 64 * 1024;
    /** Where a host dump's unit directories start: what is before them is the host's root. */
    private static final Pattern UNIT_DIRECTORY = Pattern.compile("(^|/)(etc|lib|usr/lib|run)/systemd/");

    @Override
    public boolean wants(String path) {
        return path.endsWith(".service") || path.endsWith(".conf") && path.contains(".service.d/")
                || path.contains("etc/default/") || path.contains("etc/sysconfig/") || path.endsWith(".env");
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
            if (j.kind() != JobKind.APSCHEDULER || j.schedules().stream().noneMatch(ApschedulerServiceZone::local)) {
                continue;
            }
            Job service = SchedulerServices.serviceOf(j, all);
            if (service == null || service.source().line() != 0) {
                continue; // a unit a script writes with a here-document: its lines are the script's
            }
            Optional<Setting> tz = setting(service, texts, base);
            if (tz.isPresent()) {
                jobs.set(i, inZone(j, tz.get()));
                cite(findings, j.id(), tz.get());
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
                && s.unproven().contains(" names no zone");
    }

    /** The zone {@code TZ} names and the line that sets it ({@code etc/systemd/system/etl.service:9}). */
    record Setting(String zone, String line, String where) {
    }

    private static Optional<Setting> setting(Job service, Map<String, String> texts, Path base) {
        List<String> units = new ArrayList<>();
        units.add(service.source().path());
        String dropIns = service.attributes().get("service.dropIns");
        if (dropIns != null) {
            for (String d : dropIns.split(" ")) {
                if (!d.isBlank() && !d.contains(":")) { // a drop-in a script writes is shown as path:line
                    units.add(d);
                }
            }
        }
        Setting fromEnvironment = null;
        Setting fromFiles = null;
        for (String path : units) {
            String text = texts.get(path);
            if (text == null) {
                continue;
            }
            UnitFile unit = UnitFile.parse(text);
            for (int index : unit.indexesOf("Service", "Environment")) {
                String value = ((UnitLine.Assignment) unit.lines().get(index)).value();
                if (value.isBlank()) {
                    fromEnvironment = null; // Environment= alone clears the list
                    continue;
                }
                String tz = EnvironmentWords.parse(value).get(TZ);
                if (tz != null) {
                    // only the TZ word is cited: the line's other words may be secrets
                    fromEnvironment = new Setting(tz, "Environment=TZ=" + tz, path + ":" + unit.lineNumber(index));
                }
            }
            for (int index : unit.indexesOf("Service", "EnvironmentFile")) {
                String value = ((UnitLine.Assignment) unit.lines().get(index)).value().strip();
                if (value.isEmpty()) {
                    fromFiles = null;
                    continue;
                }
                Optional<Setting> s = fromFile(value, path, unit.lineNumber(index), texts, base);
                if (s.isPresent()) {
                    fromFiles = s.get();
                }
            }
        }
        Setting chosen = fromFiles != null ? fromFiles : fromEnvironment;
        return Optional.ofNullable(chosen).flatMap(s -> zone(s.zone()).map(z -> new Setting(z, s.line(), s.where())));
    }

    /** The last {@code TZ=} line of the environment file {@code EnvironmentFile=value} names, read in the tree. */
    private static Optional<Setting> fromFile(String value, String unitPath, int unitLine, Map<String, String> texts,
                                              Path base) {
        String file = value.startsWith("-") ? value.substring(1) : value;
        if (!file.startsWith("/") || file.contains("%") || file.contains("..")) {
            return Optional.empty(); // a specifier or a relative name: not a file of the tree
        }
        Matcher m = UNIT_DIRECTORY.matcher(unitPath);
        String hostRoot = m.find() ? unitPath.substring(0, m.start(2)) : "";
        String path = hostRoot + file.substring(1);
        String text = texts.get(path);
        if (text == null) {
            text = read(base, path);
        }
        if (text == null) {
            return Optional.empty();
        }
        Setting found = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher tz = ENV_LINE.matcher(lines[i]);
            if (tz.matches()) {
                String v = tz.group(1) != null ? tz.group(1) : tz.group(2) != null ? tz.group(2) : tz.group(3);
                found = new Setting(v, "EnvironmentFile=" + value + " (" + unitPath + ":" + unitLine + "): "
                        + lines[i].strip(), path + ":" + (i + 1));
            }
        }
        return Optional.ofNullable(found);
    }

    /** A small regular file of the tree, never through a link; null when there is none. */
    private static String read(Path base, String relative) {
        if (base == null) {
            return null;
        }
        Path p = base.resolve(relative).normalize();
        try {
            if (!p.startsWith(base.normalize()) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(p) > MAX_ENV_FILE) {
                return null;
            }
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The IANA zone a {@code TZ} value names: {@code Europe/Berlin}, glibc's {@code :Europe/Berlin}, or a zoneinfo
     * file's path; empty for a POSIX rule or a name Java's zone database does not know.
     */
    static Optional<String> zone(String value) {
        String v = value.strip();
        v = v.startsWith(":") ? v.substring(1) : v;
        int zoneinfo = v.lastIndexOf("zoneinfo/");
        v = zoneinfo >= 0 ? v.substring(zoneinfo + "zoneinfo/".length()) : v;
        if (v.isEmpty() || !v.matches("[A-Za-z][A-Za-z0-9_+/-]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(v).getId());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Job inZone(Job j, Setting tz) {
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
            int refused = s.unproven().indexOf("; APScheduler 3 refuses");
            return new ScheduleSpec(s.form(), "R/" + start + "/" + parts[2], zone, s.where(), s.paused(),
                    refused < 0 ? null : s.unproven().substring(refused + 2));
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            return s;
        }
    }

    /** The job's PYS002 finding says which zone it runs in and the line that says so. */
    private static void cite(List<Finding> findings, String jobId, Setting tz) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.code().equals("PYS002") && jobId.equals(f.jobId())) {
                findings.set(i, new Finding(f.code(), f.severity(), f.applicability(), f.message() + "; it runs in "
                        + tz.zone() + ", the TZ its systemd service sets (" + tz.where() + ": " + tz.line()
                        + "), which is APScheduler's local zone", f.where(), f.jobId()));
            }
        }
    }
}
