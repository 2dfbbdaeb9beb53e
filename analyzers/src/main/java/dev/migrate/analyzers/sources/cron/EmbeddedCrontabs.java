package dev.migrate.analyzers.sources.cron;

import dev.migrate.rewriters.crontab.CrontabFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import dev.migrate.analyzers.sources.HereDocuments;
import java.util.regex.Pattern;

/**
 * Crontab lines that shell scripts and Dockerfiles install, in the shapes found in real deployments:
 * <ul>
 *   <li>a here-document fed to {@code crontab}: {@code crontab <<EOF}, {@code crontab -u etl - <<-'END'};</li>
 *   <li>a here-document written to a system crontab: {@code cat > /etc/cron.d/etl <<EOF},
 *       {@code tee -a /etc/crontab <<'EOF'} (these lines carry a user field);</li>
 *   <li>quoted lines echoed into {@code crontab}: {@code (crontab -l; echo "0 2 * * * /srv/run.sh") | crontab -},
 *       or into a system crontab: {@code RUN echo '*}{@code /5 * * * * root /app/job' > /etc/cron.d/job}, or into a
 *       user's crontab file: {@code RUN echo '0 3 * * * /app/backup.sh' >> /etc/crontabs/root} (Alpine).</li>
 * </ul>
 * Each body comes with the file line (and, for echoed lines, the column) where its text starts.
 */
final class EmbeddedCrontabs {
    private static final Pattern HEREDOC = HereDocuments.OPERATOR;
    private static final Pattern CRONTAB_COMMAND = Pattern.compile("\\bcrontab\\b(?:\\s+-u\\s+(\\S+))?");
    /** Where a system crontab lives; its lines name the user to run as. */
    private static final Pattern SYSTEM_PATH = Pattern.compile("/etc/(?:cron\\.d/[A-Za-z0-9_.-]+|crontab)\\b");
    /** A user's crontab file: cron's spool, or Alpine's /etc/crontabs/USER (busybox crond's spool is a link there). */
    private static final Pattern SPOOL_PATH = Pattern.compile(
            "(?:/var/spool/cron/(?:crontabs/)?|/etc/crontabs/)([A-Za-z0-9_.-]+)");
    private static final Pattern WRITES_SPOOL = Pattern.compile("(?:>>?|\\btee\\s+(?:-a\\s+)?)\\s*" + SPOOL_PATH.pattern());
    private static final Pattern WRITES_SYSTEM = Pattern.compile("(?:>>?|\\btee\\s+(?:-a\\s+)?)\\s*" + SYSTEM_PATH.pattern());
    private static final Pattern PIPED_TO_CRONTAB = Pattern.compile("\\|\\s*crontab\\b(?:\\s+-u\\s+(\\S+))?");
    /** An echoed (or format-free printf'd) quoted string. */
    private static final Pattern ECHOED = Pattern.compile(
            "\\b(?:echo(?:\\s+-[neE]+)*|printf)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')");

    /**
     * @param firstColumn 0-based column of the body's first character on its first line (0 for here-documents)
     * @param how         how the script installs it, for the job's attributes
     */
    record Body(String text, int firstLine, int firstColumn, String user, CrontabFormat format, String how,
                Map<String, String> variables) {
        /** A body whose text the script installs as written (an echoed line, a quoted delimiter). */
        Body(String text, int firstLine, int firstColumn, String user, CrontabFormat format, String how) {
            this(text, firstLine, firstColumn, user, format, how, Map.of());
        }

        /** The attributes of the jobs read from the body: how it is installed, and the variables the script expands. */
        Map<String, String> attributes() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("crontab.embeddedIn", how);
            out.putAll(variables);
            return out;
        }
    }

    private EmbeddedCrontabs() {
    }

    /** The bodies of a script whose path is not known: a file it reads in is taken from the repository's root. */
    static List<Body> find(String script) {
        return find("", script);
    }

    /**
     * The bodies the script at {@code path} installs; its path places the files it reads into itself
     * ({@link InstallerVariables#SOURCES}).
     */
    static List<Body> find(String path, String script) {
        List<Body> out = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        int[] starts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) {
            starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher heredoc = HEREDOC.matcher(line);
            Target target = heredoc.find() ? target(line.substring(0, heredoc.start()) + " "
                    + line.substring(heredoc.end())) : null;
            if (target != null) {
                int open = i;
                i = hereDocument(lines, i, heredoc.group(1).equals("-"), heredoc.group(3), target, out);
                if (heredoc.group(2).isEmpty()) {
                    // unquoted: the script puts its variables' values in before crontab reads the text
                    Body b = out.remove(out.size() - 1);
                    out.add(new Body(b.text(), b.firstLine(), b.firstColumn(), b.user(), b.format(), b.how(),
                            InstallerVariables.of(path, script, starts[open], b.text())));
                }
                continue;
            }
            echoed(line, i + 1, out);
        }
        return out;
    }

    /** Who reads what a command writes: {@code crontab} (a user crontab) or a system crontab file; else null. */
    private record Target(CrontabFormat format, String user) {
    }

    private static Target target(String command) {
        if (WRITES_SYSTEM.matcher(command).find()) {
            return new Target(CrontabFormat.SYSTEM, null);
        }
        Matcher spool = SPOOL_PATH.matcher(command);
        if (spool.find() && command.matches("(?s).*(?:>|\\btee\\b).*")) {
            return new Target(CrontabFormat.USER, spool.group(1));
        }
        Matcher crontab = CRONTAB_COMMAND.matcher(command);
        if (crontab.find() && !command.matches("(?s).*\\bcrontab\\s+-[lr]\\b.*")) {
            return new Target(CrontabFormat.USER, crontab.group(1));
        }
        return null;
    }

    /** Adds the here-document starting after line {@code i}; returns the index of its delimiter line. */
    private static int hereDocument(String[] lines, int i, boolean stripTabs, String delimiter, Target target,
                                    List<Body> out) {
        StringBuilder body = new StringBuilder();
        int j = HereDocuments.end(lines, i, stripTabs, delimiter);
        for (int k = i + 1; k < j; k++) {
            // the raw line, carriage return included, as a crontab file would hold it (for <<- without the tabs)
            body.append(stripTabs ? HereDocuments.line(lines[k], true) : lines[k]).append('\n');
        }
        out.add(new Body(body.toString(), i + 2, 0, target.user(), target.format(), "shell here-document"));
        return j;
    }

    /** Adds each quoted string the line echoes into crontab or a system crontab file. */
    private static void echoed(String line, int lineNo, List<Body> out) {
        Matcher piped = PIPED_TO_CRONTAB.matcher(line);
        Matcher spool = WRITES_SPOOL.matcher(line);
        Target target = WRITES_SYSTEM.matcher(line).find() ? new Target(CrontabFormat.SYSTEM, null)
                : piped.find() ? new Target(CrontabFormat.USER, piped.group(1))
                // RUN echo '*/5 * * * * /app/run.sh' >> /etc/crontabs/root: Alpine images' usual way to add a job
                : spool.find() ? new Target(CrontabFormat.USER, spool.group(1)) : null;
        if (target == null) {
            return;
        }
        Matcher m = ECHOED.matcher(line);
        while (m.find()) {
            String quoted = m.group(1);
            if (m.group().startsWith("printf") && quoted.contains("%")) {
                continue; // a format string: the line is in its arguments, which this does not expand
            }
            String text = unquote(quoted);
            if (!text.isBlank()) {
                out.add(new Body(text + "\n", lineNo, m.start(1) + 1, target.user(), target.format(), "shell echo"));
            }
        }
    }

    /** The text of a shell-quoted string: single quotes keep everything, double quotes drop backslash escapes. */
    private static String unquote(String quoted) {
        String inner = quoted.substring(1, quoted.length() - 1);
        if (quoted.charAt(0) == '\'') {
            return inner;
        }
        return inner.replaceAll("\\\\([\"\\\\$`])", "$1");
    }
}
