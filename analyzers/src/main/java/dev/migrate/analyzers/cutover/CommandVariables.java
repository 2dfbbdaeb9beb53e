package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.sources.HereDocuments;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crontab command as a person must type it to run the job once by hand (a backfill): the variables it reads, which
 * cron's shell or the script that installed the crontab gave it, put in. A crontab's {@code NAME=value} lines set the
 * command's environment; a crontab that a script writes through an unquoted here-document ({@code crontab <<EOF}) has
 * the script's own variables expanded when it is installed ({@code INGEST_HOME=/opt/ingest} above it makes
 * {@code ${INGEST_HOME}/bin/poll-sftp.sh} the line cron runs). Pasted as written in a login shell, where neither holds,
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
    static CommandVariables of(Path root, Job job) {
        if (job == null || job.command() == null) {
            return null;
        }
        String command = job.command();
        if (job.kind() != JobKind.CRON && job.kind() != JobKind.ANACRON || !REFERENCE.matcher(command).find()) {
            return new CommandVariables(command, Map.of(), Set.of());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        // the installing script expands its variables in an unquoted here-document before cron ever reads the line
        if ("shell here-document".equals(job.attributes().get("crontab.embeddedIn")) && root != null) {
            installedWith(root, job.source().path(), job.source().line()).forEach((k, v) -> {
                values.put(k, v);
                from.put(k, job.source().path());
            });
        }
        // then cron's shell runs the line with the crontab's NAME=value lines as its environment (taken as written)
        job.env().forEach((k, v) -> {
            if (!values.containsKey(k) && v != null && Redactor.redact(v).equals(v) && !Redactor.isSecretName(k)
                    && !v.contains("$")) {
                values.put(k, v);
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

    /**
     * The variables the script at {@code path} sets before the here-document around line {@code line}, when that
     * here-document's delimiter is unquoted (a quoted one, {@code <<'EOF'}, leaves {@code $NAME} as written).
     */
    private static Map<String, String> installedWith(Path root, String path, int line) {
        String text;
        try {
            text = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Map.of(); // gone or unreadable: the variables stay as written, and the plan says to set them
        }
        String[] lines = text.split("\n", -1);
        int offset = 0;
        List<Integer> starts = new ArrayList<>();
        for (String l : lines) {
            starts.add(offset);
            offset += l.length() + 1;
        }
        for (int i = Math.min(line - 1, lines.length) - 1; i >= 0; i--) {
            Matcher op = HereDocuments.OPERATOR.matcher(lines[i]);
            if (op.find() && !lines[i].stripLeading().startsWith("#")) {
                int end = HereDocuments.end(lines, i, op.group(1).equals("-"), op.group(3));
                if (end < line - 1) {
                    return Map.of(); // that here-document ends above the line: the line is not in one
                }
                if (!op.group(2).isEmpty()) {
                    return Map.of();
                }
                Map<String, String> known = LiteralVariables.known(LiteralVariables.shell(path, text, p -> read(root, p)),
                        starts.get(i));
                Map<String, String> out = new LinkedHashMap<>();
                known.forEach((k, v) -> out.put(k, LiteralVariables.unquote(v)));
                return out;
            }
        }
        return Map.of();
    }

    private static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
