package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.sources.RepoPaths;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.analyzers.sources.config.SourcedFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a script's unquoted here-document expands when it installs a crontab ({@code INGEST_HOME=/opt/ingest}
 * above {@code crontab <<EOF}): the line cron runs has their values in place of {@code ${INGEST_HOME}}. Recorded on
 * each job of that crontab as {@code installer.NAME=value}, for the names the crontab's text reads and the script sets
 * to one literal value before the here-document ({@link LiteralVariables#known}, which already refuses secret names and
 * values holding a secret; refused here again, as no secret may reach an attribute that every report prints). A
 * quoted delimiter ({@code <<'EOF'}) expands nothing: its variables stay as written for the cutover to name. A file the
 * script reads into itself before the here-document ({@code . ./env.sh}, {@code source /opt/ingest/env.sh}) is another
 * file, which a detector does not see: the files and the names they may set are recorded
 * ({@link #SOURCES}, {@link #SOURCED_NAMES}), and {@link InstallerSourcedVariables} adds their values after the scan.
 * The script's own assignments after the line that reads a file win over that file's.
 */
public final class InstallerVariables {
    /** The attribute key prefix: {@code installer.INGEST_HOME}. */
    public static final String PREFIX = "installer.";
    /** {@code $NAME} or {@code ${NAME}}: the references whose value is the variable's, as written. */
    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");
    /**
     * The files, space-separated and in order, that the script reads into itself before the here-document: each a
     * repository path, or an absolute path on the host ({@code /opt/ingest/env.sh}). Not a variable name (no dot in
     * one), so never read as one.
     */
    public static final String SOURCES = "crontab.installerSources";
    /**
     * The names the crontab reads whose value those files may set over the script's, space-separated: {@code NAME}
     * when any of them may, {@code NAME:3} when only the third file and those after it may (the script sets the name
     * itself after reading the first two).
     */
    public static final String SOURCED_NAMES = "crontab.installerSourcedNames";
    /** What separates a name of {@link #SOURCED_NAMES} from the first file (1-based) that may set it. */
    static final String FROM_FILE = ":";
    /** A path the shell expands in a way not followed here: a variable left, a command, a home directory, a glob. */
    private static final Pattern EXPANDED = Pattern.compile("[$`~*?\\[]");

    private InstallerVariables() {
    }

    /**
     * The attributes for a here-document body that the script at {@code path} (text {@code script}) opens at character
     * {@code offset} (the start of the operator's line), its text {@code body}: the known variables the body reads, by
     * name, and when the script reads files into itself before it ({@code . ./env.sh}), those files
     * ({@link #SOURCES}) and the names whose value they may give ({@link #SOURCED_NAMES}), for
     * {@link InstallerSourcedVariables} to read once the whole tree is known.
     */
    static Map<String, String> of(String path, String script, int offset, String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(body);
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (names.isEmpty()) {
            return Map.of();
        }
        List<LiteralVariables.Assignment> own = LiteralVariables.shell(script);
        Map<String, String> known = LiteralVariables.known(own, offset);
        Map<String, String> read = new TreeMap<>();
        for (String name : names) {
            String value = known.get(name) == null ? null : LiteralVariables.unquote(known.get(name));
            if (safe(name, value)) {
                read.put(PREFIX + name, value);
            }
        }
        List<SourcedFiles.Source> sources = SourcedFiles.in(script).stream()
                .filter(s -> s.topLevel() && s.offset() < offset).toList();
        if (sources.isEmpty()) {
            return read;
        }
        List<String> files = new ArrayList<>();
        List<Integer> readAt = new ArrayList<>();
        for (SourcedFiles.Source s : sources) {
            sourcedPath(path, s.written(), LiteralVariables.known(own, s.offset())).ifPresent(f -> {
                files.add(f);
                readAt.add(s.offset());
            });
        }
        List<String> mayBeSourced = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            int lastOwn = -1;
            for (LiteralVariables.Assignment a : own) {
                if (a.name().equals(name) && a.offset() < offset && a.scopeEnd() == Integer.MAX_VALUE) {
                    lastOwn = Math.max(lastOwn, a.offset());
                }
            }
            // the files read before the script's own last assignment of the name do not set it: the script does after
            int skipped = 0;
            while (skipped < files.size() && readAt.get(skipped) < lastOwn) {
                skipped++;
            }
            if (skipped < files.size() && !Redactor.isSecretName(name)) {
                mayBeSourced.add(skipped == 0 ? name : name + FROM_FILE + (skipped + 1));
            }
        }
        if (!mayBeSourced.isEmpty()) {
            read.put(SOURCES, String.join(" ", files));
            read.put(SOURCED_NAMES, String.join(" ", mayBeSourced));
        }
        return read;
    }

    /** Whether {@code name=value} may be recorded: a value, and no secret in the name or the value. */
    static boolean safe(String name, String value) {
        return value != null && !value.isEmpty() && !Redactor.isSecretName(name) && Redactor.redact(value).equals(value)
                && Redactor.redact(name + "=" + value).equals(name + "=" + value);
    }

    /**
     * The file a {@code .}/{@code source} statement of the script at {@code scriptPath} reads: a relative path from the
     * script's directory, as a repository path ({@code bin/env.sh}); an absolute one as written, normalized
     * ({@code /opt/ingest/env.sh}), for the resolver to find in the tree. A variable in the path counts only when the
     * script gave it a known value above; any other expansion ({@code $(...)}, {@code ~}, a glob) is not followed.
     */
    static Optional<String> sourcedPath(String scriptPath, String written, Map<String, String> known) {
        StringBuilder path = new StringBuilder();
        Matcher m = REFERENCE.matcher(written);
        int last = 0;
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = known.get(name) == null ? null : LiteralVariables.unquote(known.get(name));
            if (!safe(name, value)) {
                return Optional.empty();
            }
            path.append(written, last, m.start()).append(value);
            last = m.end();
        }
        path.append(written.substring(last));
        if (EXPANDED.matcher(path).find()) {
            return Optional.empty();
        }
        boolean absolute = path.charAt(0) == '/';
        int slash = scriptPath.lastIndexOf('/');
        Optional<String> normal = RepoPaths.normalize(absolute ? path.toString()
                : (slash < 0 ? "" : scriptPath.substring(0, slash + 1)) + path);
        return normal.filter(p -> !p.isEmpty()).map(p -> absolute ? "/" + p : p);
    }

    /** The variables recorded on {@code job}, by name ({@code INGEST_HOME} to {@code /opt/ingest}); empty when none. */
    public static Map<String, String> on(Job job) {
        Map<String, String> out = new LinkedHashMap<>();
        job.attributes().forEach((k, v) -> {
            if (k.startsWith(PREFIX) && v != null) {
                out.put(k.substring(PREFIX.length()), v);
            }
        });
        return out;
    }
}
