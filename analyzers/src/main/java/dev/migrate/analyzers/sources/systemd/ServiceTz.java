package dev.migrate.analyzers.sources.systemd;

import dev.migrate.analyzers.model.Job;
import dev.migrate.rewriters.systemd.UnitFile;
import dev.migrate.rewriters.systemd.UnitLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code TZ} a systemd service sets for the process it runs: the last {@code Environment=} word {@code TZ=...} of
 * the unit and its drop-ins (an empty {@code Environment=} clears the earlier ones), overridden by a {@code TZ=} line of
 * an {@code EnvironmentFile=}, the last file that sets it winning, as systemd applies them. Only the TZ word is kept:
 * the other words of the line may be secrets. Each runtime reads the value its own way, so the caller says which zone
 * it names: a Python scheduler's ({@link #zoneName}, read by {@code ApschedulerServiceZone}) or a JVM's
 * ({@link #jvmZoneName}, read by {@code JvmZoneResolver}).
 *
 * @param zone  the IANA zone it names
 * @param line  what sets it, as written ({@code Environment=TZ=Europe/Berlin}, or the environment file's line)
 * @param where the file and line that set it ({@code etc/systemd/system/etl.service:9})
 */
public record ServiceTz(String zone, String line, String where) {
    private static final String TZ = "TZ";
    /** A {@code KEY=value} line of an environment file, as systemd reads one (quotes around the value allowed). */
    private static final Pattern ENV_LINE = Pattern.compile("^\\s*TZ\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S*))\\s*$");
    private static final long MAX_ENV_FILE = 64 * 1024;
    /** Where a host dump's unit directories start: what is before them is the host's root. */
    private static final Pattern UNIT_DIRECTORY = Pattern.compile("(^|/)(etc|lib|usr/lib|run)/systemd/");

    /**
     * Whether a resolver that reads services' TZ must keep the file at {@code path}: a unit, a drop-in, or what is
     * likely an environment file.
     */
    public static boolean wants(String path) {
        return path.endsWith(".service") || path.endsWith(".conf") && path.contains(".service.d/")
                || path.contains("etc/default/") || path.contains("etc/sysconfig/") || path.endsWith(".env");
    }

    /**
     * The TZ the scheduler {@code service} (a job of the inventory) sets, from its unit's text and its drop-ins' among
     * {@code texts}, and the environment files they name (among {@code texts}, else read in the tree at {@code base}
     * when it is given); empty when none sets one, or the one that wins names no IANA zone as {@code naming} reads it
     * ({@link #zoneName}, {@link #jvmZoneName}).
     */
    public static Optional<ServiceTz> of(Job service, Map<String, String> texts, Path base,
                                         Function<String, Optional<String>> naming) {
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
        UnitEnvironment.Value tz = UnitEnvironment.of(units, texts).get(TZ);
        // only the TZ word is cited: the line's other words may be secrets
        ServiceTz fromEnvironment = tz == null ? null : new ServiceTz(tz.value(), "Environment=TZ=" + tz.value(), tz.where());
        ServiceTz fromFiles = null;
        for (String path : units) {
            String text = texts.get(path);
            if (text == null) {
                continue;
            }
            UnitFile unit = UnitFile.parse(text);
            for (int index : unit.indexesOf("Service", "EnvironmentFile")) {
                String value = ((UnitLine.Assignment) unit.lines().get(index)).value().strip();
                if (value.isEmpty()) {
                    fromFiles = null;
                    continue;
                }
                Optional<ServiceTz> s = fromFile(value, path, unit.lineNumber(index), texts, base);
                if (s.isPresent()) {
                    fromFiles = s.get();
                }
            }
        }
        ServiceTz chosen = fromFiles != null ? fromFiles : fromEnvironment;
        return Optional.ofNullable(chosen)
                .flatMap(s -> naming.apply(s.zone()).map(z -> new ServiceTz(z, s.line(), s.where())));
    }

    /** The last {@code TZ=} line of the environment file {@code EnvironmentFile=value} names, read in the tree. */
    private static Optional<ServiceTz> fromFile(String value, String unitPath, int unitLine, Map<String, String> texts,
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
        ServiceTz found = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher tz = ENV_LINE.matcher(lines[i]);
            if (tz.matches()) {
                String v = tz.group(1) != null ? tz.group(1) : tz.group(2) != null ? tz.group(2) : tz.group(3);
                found = new ServiceTz(v, "EnvironmentFile=" + value + " (" + unitPath + ":" + unitLine + "): "
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
     * The IANA zone a {@code TZ} value names for a Python process (tzlocal, glibc): {@code Europe/Berlin}, glibc's
     * {@code :Europe/Berlin}, or a zoneinfo file's path; empty for a POSIX rule or a name Java's zone database does not
     * know.
     */
    public static Optional<String> zoneName(String value) {
        String v = value.strip();
        v = v.startsWith(":") ? v.substring(1) : v;
        int zoneinfo = v.lastIndexOf("zoneinfo/");
        v = zoneinfo >= 0 ? v.substring(zoneinfo + "zoneinfo/".length()) : v;
        return known(v);
    }

    /**
     * The IANA zone a {@code TZ} value names for a JVM started without {@code user.timezone}: the JDK
     * ({@code TimeZone_md.c}) takes {@code TZ} as a zone ID after dropping a leading {@code :} and, on Linux,
     * {@code posix/}, and falls back to the host's fixed GMT offset for an ID it does not know (a POSIX rule). A zoneinfo
     * file's path is not read as the Python side reads it: which zone the JVM makes of it is left unclaimed. Empty for
     * those.
     */
    public static Optional<String> jvmZoneName(String value) {
        String v = value.strip();
        v = v.startsWith(":") ? v.substring(1) : v;
        v = v.startsWith("posix/") ? v.substring("posix/".length()) : v;
        return known(v);
    }

    /** The zone {@code id} is, when Java's zone database knows it as a region or offset name. */
    private static Optional<String> known(String id) {
        if (id.isEmpty() || !id.matches("[A-Za-z][A-Za-z0-9_+/-]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id).getId());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
