package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.sources.cron.InstallerVariables;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crontab command as a person must type it to run the job once by hand (a backfill): the variables it reads, which
 * cron's shell or the script that installed the crontab gave it, put in. A crontab's {@code NAME=value} lines set the
 * command's environment; a crontab that a script writes through an unquoted here-document ({@code crontab <<EOF}) has
 * the script's own variables expanded when it is installed ({@code INGEST_HOME=/opt/ingest} above it makes
 * {@code ${INGEST_HOME}/bin/poll-sftp.sh} the line cron runs; the scan recorded those values on the job,
 * {@link InstallerVariables}). Pasted as written in a login shell, where neither holds,
 * {@code ${INGEST_HOME}} is empty and the command fails; a variable nothing in the estate gives a value stays, and the
 * plan says to set it first.
 *
 * @param command the command with every known variable put in
 * @param known   the variables put in, with where their value comes from
 * @param unknown the variables it still reads that nothing in the estate gives a value (a login shell's own, such as
 *                HOME or PATH, left aside)
 */
record CommandVariables(String command, Map<String, String> known, Set<String> unknown) {
    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");
    /** What the shell a person types in already has, as cron's shell had it (cron sets them from the user's entry). */
    private static final Set<String> LOGIN_SHELL = Set.of("HOME", "LOGNAME", "USER", "SHELL", "PATH", "PWD");

    /** {@code job}'s command with its variables put in; null when the job has no command. */
    static CommandVariables of(Job job) {
        if (job == null || job.command() == null) {
            return null;
        }
        String command = job.command();
        if (job.kind() != JobKind.CRON && job.kind() != JobKind.ANACRON || !REFERENCE.matcher(command).find()) {
            return new CommandVariables(command, Map.of(), Set.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        // the installing script expands its variables in an unquoted here-document before cron ever reads the line: the
        // scan recorded those it knows on the job (InstallerVariables), never a secret
        Map<String, String> installed = InstallerVariables.on(job);
        installed.forEach((k, v) -> {
            values.put(k, v);
            from.put(k, job.source().path());
        });
        // then cron's shell runs the line with the crontab's NAME=value lines as its environment; in a here-document
        // the script expanded those too (DATA=${INGEST_HOME}/data)
        job.env().forEach((k, v) -> {
            String value = v == null ? null : expanded(v, installed);
            if (!values.containsKey(k) && value != null && Redactor.redact(value).equals(value) && !Redactor.isSecretName(k)
                    && Redactor.redact(k + "=" + value).equals(k + "=" + value)) {
                values.put(k, value);
                from.put(k, "the crontab");
            }
        });
        StringBuilder out = new StringBuilder();
        Map<String, String> used = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(command);
        int last = 0;
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (m.start() > 0 && command.charAt(m.start() - 1) == '\\' || inSingleQuotes(command, m.start())) {
                continue; // the shell reads these as written
            }
            out.append(command, last, m.start());
            if (values.containsKey(name)) {
                out.append(values.get(name));
                used.put(name, values.get(name) + ", as " + from.get(name) + " sets it");
            } else {
                out.append(m.group());
                if (!LOGIN_SHELL.contains(name)) {
                    unknown.add(name);
                }
            }
            last = m.end();
        }
        out.append(command.substring(last));
        return new CommandVariables(out.toString(), used, unknown);
    }

    /** How to set the unknown variables first, {@code export INGEST_HOME=VALUE}; null when there are none. */
    String setFirst() {
        return unknown.isEmpty() ? null : "export " + String.join(" ", unknown.stream().map(n -> n + "=VALUE").toList());
    }

    /** {@code value} with the references {@code known} gives put in; null when one stays unknown. */
    private static String expanded(String value, Map<String, String> known) {
        StringBuilder out = new StringBuilder();
        Matcher m = REFERENCE.matcher(value);
        int last = 0;
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!known.containsKey(name)) {
                return null;
            }
            out.append(value, last, m.start()).append(known.get(name));
            last = m.end();
        }
        out.append(value.substring(last));
        return out.indexOf("$") < 0 ? out.toString() : null;
    }

    private static boolean inSingleQuotes(String s, int at) {
        boolean in = false;
        boolean dq = false;
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (c == '\'' && !dq) {
                in = !in;
            } else if (c == '"' && !in) {
                dq = !dq;
            }
        }
        return in;
    }
}
