package dev.migrate.analyzers.sources.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import dev.migrate.analyzers.sources.HereDocuments;
import java.util.regex.Pattern;

/**
 * systemd units that provisioning scripts and Dockerfiles write with a here-document, in the shapes found in real
 * setup scripts: {@code cat > /etc/systemd/system/etl.service <<EOF}, {@code cat <<'EOF' > ~/.config/systemd/user/x.timer},
 * {@code cat <<EOF | sudo tee /etc/systemd/system/etl.timer >/dev/null}, {@code sudo tee -a /etc/systemd/system/x.service <<-EOF},
 * and drop-ins ({@code .../etl.service.d/override.conf}). The unit is known by the name of the file written, wherever
 * it is written (a script may write to {@code $UNIT_DIR}), so a timer and its service pair as installed units do.
 */
public final class EmbeddedUnits {
    private static final Pattern HEREDOC = HereDocuments.OPERATOR;
    /** The file a command writes: after {@code >}, {@code >>} or {@code tee [-a]}, quoted or not. */
    private static final Pattern WRITTEN = Pattern.compile("(?:(?<![0-9&])>>?|\\btee(?:\\s+-a|\\s+--append)?)\\s*([\"']?)([^\\s\"'<>|;&()]+)\\1");
    /** A Dockerfile's {@code COPY <<EOF DEST} (BuildKit here-documents), with its destination. */
    private static final Pattern DOCKER_COPY = Pattern.compile("^\\s*(?:COPY|ADD)\\b.*\\s[\"']?([^\\s\"']+)[\"']?\\s*$");
    private static final Pattern TYPE_DROP_IN = Pattern.compile("(?:^|.*/)(service|timer)\\.d/[^/]+\\.conf");
    private static final Pattern UNIT_NAME = Pattern.compile("[^/]+\\.(?:service|timer)");
    private static final Pattern DROP_IN = Pattern.compile("(?:^|.*/)([^/]+\\.(?:service|timer))\\.d/[^/]+\\.conf");

    /**
     * One unit or drop-in written by a here-document.
     *
     * @param unitName  the unit file name ({@code etl.timer}); for a drop-in, the unit it extends
     * @param dropIn    whether the text is a drop-in of {@code unitName}
     * @param written   the path the script writes, as written ({@code /etc/systemd/system/etl.service.d/env.conf})
     * @param text      the unit's text as the here-document writes it (leading tabs removed for {@code <<-})
     * @param firstLine the script line before the text's first line (the text's line n is the script's firstLine + n)
     * @param expands   whether the shell expands {@code $NAME} in the text (an unquoted delimiter), so that what
     *                  systemd reads there is known only when the script runs
     */
    record Unit(String unitName, boolean dropIn, String written, String text, int firstLine, boolean expands) {
    }

    private EmbeddedUnits() {
    }

    static List<Unit> find(String script) {
        List<Unit> out = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher heredoc = HEREDOC.matcher(line);
            if (!heredoc.find()) {
                continue;
            }
            String command = line.substring(0, heredoc.start()) + " " + line.substring(heredoc.end());
            Unit target = target(command);
            boolean stripTabs = heredoc.group(1).equals("-");
            int end = HereDocuments.end(lines, i, stripTabs, heredoc.group(3));
            StringBuilder body = new StringBuilder();
            for (int j = i + 1; j < end; j++) {
                body.append(HereDocuments.line(lines[j], stripTabs)).append('\n');
            }
            if (target == null && UNIT_TEXT.matcher(body).lookingAt()) {
                target = named(command); // install_unit etl.timer <<EOF: a helper writes the unit its argument names
            }
            if (target != null) {
                out.add(new Unit(target.unitName(), target.dropIn(), target.written(), body.toString(), i + 1,
                        heredoc.group(2).isEmpty()));
            }
            i = end;
        }
        return out;
    }

    /**
     * The script lines (1-based) that are the text of a unit a here-document writes: their commands ({@code ExecStart=})
     * are the unit's, reported with it by {@link SystemdDetector}, not commands the script runs.
     */
    public static java.util.Set<Integer> unitTextLines(String script) {
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        for (Unit u : find(script)) {
            long count = u.text().chars().filter(c -> c == '\n').count();
            for (int n = 1; n <= count; n++) {
                lines.add(u.firstLine() + n);
            }
        }
        return lines;
    }

    /** The unit the command writes, or null when it writes no unit file (a crontab, a config, /dev/null). */
    private static Unit target(String command) {
        List<String> written = new ArrayList<>();
        Matcher copy = DOCKER_COPY.matcher(command);
        if (copy.find()) {
            written.add(copy.group(1)); // COPY <<EOF /etc/systemd/system/etl.service: the last word is the destination
        }
        Matcher w = WRITTEN.matcher(command);
        while (w.find()) {
            written.add(w.group(2));
        }
        for (String path : written) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (UNIT_NAME.matcher(name).matches()) {
                return new Unit(name, false, path, "", 0, false);
            }
            Matcher d = DROP_IN.matcher(path);
            if (d.matches()) {
                return new Unit(d.group(1), true, path, "", 0, false);
            }
            Matcher type = TYPE_DROP_IN.matcher(path);
            if (type.matches() && LoadPath.ofDropIn(path) != null) {
                // /etc/systemd/system/service.d/x.conf: every service of that manager reads it (a service.d elsewhere
                // is no drop-in directory)
                return new Unit(type.group(1), true, path, "", 0, false);
            }
        }
        return null;
    }

    /** A unit's text: comments and blank lines, then a section header systemd knows. */
    private static final Pattern UNIT_TEXT = Pattern.compile("(?:\\s*(?:[#;][^\\n]*)?\\n)*\\s*\\[(?:Unit|Service|Timer|Install)]");
    private static final Pattern NAMED_UNIT = Pattern.compile("(?:^|\\s)[\"']?([^\\s\"'<>|;&()]*?([^/\\s\"'<>|;&()]+\\.(?:service|timer)))[\"']?(?=\\s|$)");

    /** A unit file name among the command's words, for a here-document whose text is a unit. */
    private static Unit named(String command) {
        Matcher m = NAMED_UNIT.matcher(command);
        return m.find() ? new Unit(m.group(2), false, m.group(1), "", 0, false) : null;
    }

    /** The index of the delimiter line of the here-document opened on line {@code i}, or the end of the script. */
}
