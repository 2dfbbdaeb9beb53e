package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a script's unquoted here-document expands when it installs a crontab ({@code INGEST_HOME=/opt/ingest}
 * above {@code crontab <<EOF}): the line cron runs has their values in place of {@code ${INGEST_HOME}}. Recorded on
 * each job of that crontab as {@code installer.NAME=value}, for the names the crontab's text reads and the script sets
 * to one literal value before the here-document ({@link LiteralVariables#known}, which already refuses secret names and
 * values holding a secret; refused here again, as no secret may reach an attribute that every report prints). A
 * quoted delimiter ({@code <<'EOF'}) expands nothing, and a variable set only in a file the script reads in is not
 * known here: both stay as written for the cutover to name.
 */
public final class InstallerVariables {
    /** The attribute key prefix: {@code installer.INGEST_HOME}. */
    public static final String PREFIX = "installer.";
    /** {@code $NAME} or {@code ${NAME}}: the references whose value is the variable's, as written. */
    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private InstallerVariables() {
    }

    /**
     * The attributes for a here-document body that {@code script} opens at character {@code offset} (the start of the
     * operator's line), its text {@code body}: the known variables the body reads, by name.
     */
    static Map<String, String> of(String script, int offset, String body) {
        Map<String, String> read = new TreeMap<>();
        Matcher m = REFERENCE.matcher(body);
        Map<String, String> known = null;
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (known == null) {
                known = LiteralVariables.known(LiteralVariables.shell(script), offset);
            }
            String value = known.get(name) == null ? null : LiteralVariables.unquote(known.get(name));
            if (value != null && !value.isEmpty() && !Redactor.isSecretName(name) && Redactor.redact(value).equals(value)
                    && Redactor.redact(name + "=" + value).equals(name + "=" + value)) {
                read.put(PREFIX + name, value);
            }
        }
        return read;
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
