package dev.migrate.analyzers.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zone a host dump says its clock runs in. Crontabs without {@code CRON_TZ} and calendars without a zone fire
 * in the host's local time, so a scan that assumed UTC for a host in Europe/Paris would "prove" every translation
 * one or two hours off. Read, never followed or executed, from the files a host keeps it in:
 * {@code etc/timezone} (Debian, Ubuntu), the {@code etc/localtime} link's target ({@code ../usr/share/zoneinfo/
 * Europe/Paris}: systemd hosts, RHEL 7+, Alpine) and {@code etc/sysconfig/clock} ({@code ZONE="..."}, RHEL 6).
 *
 * @param zone   the zone
 * @param source where it was read, {@code etc/timezone:1} or {@code etc/localtime -> ...}
 */
public record HostZone(ZoneId zone, String source) {
    private static final Pattern CLOCK_ZONE = Pattern.compile("^\\s*ZONE\\s*=\\s*[\"']?([^\"'\\s#]+)[\"']?\\s*(#.*)?$");
    private static final String ZONEINFO = "zoneinfo/";

    /**
     * The zone the host under {@code root} declares, when one of its files names a zone Java knows. A root that is
     * a single file or holds no {@code etc/} declares none.
     */
    public static Optional<HostZone> detect(Path root) {
        Path etc = root.resolve("etc");
        if (!Files.isDirectory(etc, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return fromTimezoneFile(etc.resolve("timezone"))
                .or(() -> fromLocaltimeLink(etc.resolve("localtime")))
                .or(() -> fromSysconfigClock(etc.resolve("sysconfig").resolve("clock")));
    }

    /** Debian's {@code etc/timezone}: the zone name on its first line that is not blank or a comment. */
    static Optional<HostZone> fromTimezoneFile(Path file) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            return zone(line).map(z -> new HostZone(z, "etc/timezone:" + number));
        }
        return Optional.empty();
    }

    /** The {@code etc/localtime} symbolic link's target, as written in the dump (never resolved on this machine). */
    static Optional<HostZone> fromLocaltimeLink(Path link) {
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty(); // a copied zone file names no zone (its rules alone could be several)
        }
        try {
            String target = Files.readSymbolicLink(link).toString().replace('\\', '/');
            int at = target.lastIndexOf(ZONEINFO);
            if (at < 0) {
                return Optional.empty();
            }
            String name = target.substring(at + ZONEINFO.length());
            // zoneinfo/posix/Europe/Paris and zoneinfo/right/... hold the same zones, with other leap-second rules
            name = name.startsWith("posix/") ? name.substring(6) : name.startsWith("right/") ? name.substring(6) : name;
            return zone(name).map(z -> new HostZone(z, "etc/localtime -> " + target));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** RHEL 6's {@code etc/sysconfig/clock}: its {@code ZONE=} line. */
    static Optional<HostZone> fromSysconfigClock(Path file) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CLOCK_ZONE.matcher(lines.get(i));
            if (m.matches()) {
                int line = i + 1;
                return zone(m.group(1)).map(z -> new HostZone(z, "etc/sysconfig/clock:" + line));
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> zone(String name) {
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> lines(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 4096) {
                return List.of();
            }
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n|\r", -1));
        } catch (IOException e) {
            return List.of();
        }
    }
}
