package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * file, which a detector does not see: the files (found as the shell finds them, {@link InstallerSources}) and the
 * names they may set are recorded ({@link #SOURCES}, {@link #SOURCED_NAMES}), and {@link InstallerSourcedVariables}
 * adds their values after the scan. A file that cannot be found may set any variable: a name the crontab reads that
 * the script set before it is no longer known ({@link #UNKNOWN}).
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
    /**
     * The files of {@link #SOURCES}, space-separated, read from the script's own directory by assumption: the script
     * does not {@code cd} before it reads them, and runs wherever it is started, which the tree does not say.
     */
    public static final String ASSUMED_SOURCES = "crontab.installerSourcesAssumed";
    /**
     * The names the crontab reads whose value is not known because a file the script reads after setting them could
     * not be found ({@code . "$CONF_DIR/env.sh"} with no literal {@code CONF_DIR}, a directory the tree cannot place),
     * each with that file as written: {@code INGEST_HOME ("$CONF_DIR/env.sh")}. The script's earlier value is not
     * recorded, so the cutover says to set the variable first rather than using a value that file may have changed.
     */
    public static final String UNKNOWN = "crontab.installerUnknown";
    /** What separates a name of {@link #SOURCED_NAMES} from the first file (1-based) that may set it. */
    static final String FROM_FILE = ":";

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
        List<InstallerSources.Source> sources = InstallerSources.before(path, script, offset, own);
        if (sources.isEmpty()) {
            return read;
        }
        List<String> files = new ArrayList<>();
        List<Integer> readAt = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        for (InstallerSources.Source s : sources) {
            if (s.resolved()) {
                files.add(s.path());
                readAt.add(s.offset());
                if (s.assumed()) {
                    assumed.add(s.path());
                }
            }
        }
        List<String> mayBeSourced = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            int lastOwn = -1;
            for (LiteralVariables.Assignment a : own) {
                if (a.name().equals(name) && a.offset() < offset && a.scopeEnd() == Integer.MAX_VALUE) {
                    lastOwn = Math.max(lastOwn, a.offset());
                }
            }
            // a file read after that which cannot be found may set it: what the script or an earlier file set is unknown
            int since = lastOwn;
            String unresolved = null;
            for (InstallerSources.Source s : sources) {
                if (!s.resolved() && s.offset() > since) {
                    since = s.offset();
                    unresolved = s.written();
                }
            }
            if (unresolved != null && !Redactor.isSecretName(name)) {
                read.remove(PREFIX + name);
                unknown.add(name + " (" + unresolved + ")");
            }
            // the files read before that do not set it: the script, or the file not found, does after
            int skipped = 0;
            while (skipped < files.size() && readAt.get(skipped) < since) {
                skipped++;
            }
            if (skipped < files.size() && !Redactor.isSecretName(name)) {
                mayBeSourced.add(skipped == 0 ? name : name + FROM_FILE + (skipped + 1));
            }
        }
        if (!mayBeSourced.isEmpty()) {
            read.put(SOURCES, String.join(" ", files));
            read.put(SOURCED_NAMES, String.join(" ", mayBeSourced));
            if (!assumed.isEmpty()) {
                read.put(ASSUMED_SOURCES, String.join(" ", assumed));
            }
        }
        if (!unknown.isEmpty()) {
            read.put(UNKNOWN, String.join(", ", unknown));
        }
        return read;
    }

    /** Whether {@code name=value} may be recorded: a value, and no secret in the name or the value. */
    static boolean safe(String name, String value) {
        return value != null && !value.isEmpty() && !Redactor.isSecretName(name) && Redactor.redact(value).equals(value)
                && Redactor.redact(name + "=" + value).equals(name + "=" + value);
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
