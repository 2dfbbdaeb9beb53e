package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.sources.HereDocuments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a unit (or drop-in) as the scan names it: a unit file by its path, or a unit a provisioning script
 * writes with a here-document ({@code cat > /etc/systemd/system/x.service <<EOF}) by the script line that opens it
 * ({@code deploy/install.sh:7:1}). Both are read the same way, so that a setting in either is at its file:line.
 */
final class ScriptUnits {
    private static final Pattern AT_LINE = Pattern.compile("(.+?):(\\d+)(?::\\d+)?");

    /**
     * @param path       the file the text is in (the unit file or the script)
     * @param lineOffset the line of {@code path} before the text's first line (0 for a unit file)
     */
    record Text(String path, int lineOffset, String text) {
    }

    /** Attributes of a timer job whose units a script writes: the timer's and the service's paths on the host. */
    static final String HOST_TIMER = "systemd.hostTimer";
    static final String HOST_SERVICE = "systemd.hostService";
    /** A unit file name among a command's words, with the directory written before it. */
    private static final Pattern WRITTEN_UNIT = Pattern.compile(
            "(?:^|[\\s>])[\"']?([^\\s\"'<>|;&()]*?[^/\\s\"'<>|;&()]+\\.(?:service|timer))[\"']?(?=[\\s;|&)]|$)");

    private ScriptUnits() {
    }

    /**
     * A timer job whose timer or service a script writes ({@code systemd.embeddedIn}) with where the script writes them,
     * as a tree path ({@code etc/systemd/system/report.timer}; just the unit name when the script writes to a variable's
     * directory): the cutover switches that unit, not the script. Other jobs are returned as they are.
     */
    static Job withHostPaths(Job job, Map<String, String> texts) {
        if (job.kind() != dev.migrate.analyzers.model.JobKind.SYSTEMD_TIMER
                || !job.attributes().containsKey("systemd.embeddedIn")) {
            return job;
        }
        Map<String, String> attributes = new java.util.LinkedHashMap<>(job.attributes());
        written(job.source().toString(), texts).ifPresent(w -> attributes.put(HOST_TIMER, w));
        written(job.attributes().get("service"), texts).ifPresent(w -> attributes.put(HOST_SERVICE, w));
        return new Job(job.id(), job.kind(), job.name(), job.source(), job.schedules(), job.command(), job.user(), job.env(),
                job.workingDir(), job.overlap(), job.dependsOn(), attributes);
    }

    /** A parameter the shell fills in inside an unquoted here-document ({@code \\$X} stays as written). */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\\\)\\$(?:\\{?[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?])");

    /**
     * A timer job whose service a script writes with a here-document the shell expands ({@code <<EOF}, not
     * {@code <<'EOF'}): the unit on the host holds what {@code $PWD}, {@code $1} ... were when the script ran, while the
     * flow's command has them as written, for the worker's shell to fill in with its own values. A manual note says so.
     */
    static Job withExpansionNote(Job job, Map<String, String> texts) {
        if (job.kind() != dev.migrate.analyzers.model.JobKind.SYSTEMD_TIMER
                || !job.attributes().containsKey("systemd.embeddedIn")) {
            return job;
        }
        Optional<Text> service = of(job.attributes().get("service"), texts);
        if (service.isEmpty() || !expands(job.attributes().get("service"), texts)) {
            return job;
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher m = VARIABLE.matcher(service.get().text());
        while (m.find()) {
            names.add(m.group().replace("{", ""));
        }
        if (names.isEmpty()) {
            return job;
        }
        return ServiceResources.withNotes(job, job.command(), List.of("the script's shell filled in " + String.join(", ", names)
                + " when it wrote the service (" + job.attributes().get("service") + ", a here-document whose delimiter is not "
                + "quoted), so the unit on the host holds the values they had then; the flow's command keeps them as written, "
                + "for the worker's shell to fill in with its own: write the host unit's values into the flow by hand"));
    }

    /** Whether the here-document at {@code reference} is one the shell expands (its delimiter is not quoted). */
    private static boolean expands(String reference, Map<String, String> texts) {
        Matcher at = AT_LINE.matcher(reference);
        if (!at.matches() || !texts.containsKey(at.group(1))) {
            return false;
        }
        String[] lines = texts.get(at.group(1)).split("\n", -1);
        int open = Integer.parseInt(at.group(2)) - 1;
        Matcher heredoc = open >= 0 && open < lines.length ? HereDocuments.OPERATOR.matcher(lines[open]) : null;
        return heredoc != null && heredoc.find() && heredoc.group(2).isEmpty();
    }

    /** The unit file the here-document opened at {@code reference} writes, as a tree path; empty for a unit file. */
    static Optional<String> written(String reference, Map<String, String> texts) {
        return written(reference, texts, WRITTEN_UNIT);
    }

    /** A drop-in's path among a command's words: a unit's, a prefix's or a type's ({@code service.d/10-user.conf}). */
    private static final Pattern WRITTEN_DROP_IN = Pattern.compile(
            "(?:^|[\\s>])[\"']?([^\\s\"'<>|;&()]*?(?:service|timer)\\.d/[^/\\s\"'<>|;&()]+\\.conf)[\"']?(?=[\\s;|&)]|$)");

    /**
     * The drop-in the here-document opened at {@code reference} ({@code setup.sh:12}) writes, as a tree path
     * ({@code etc/systemd/system/report.service.d/limits.conf}, just {@code report.service.d/limits.conf} when the script
     * writes to a variable's directory); empty for a drop-in file of the tree.
     */
    static Optional<String> writtenDropIn(String reference, Map<String, String> texts) {
        return written(reference, texts, WRITTEN_DROP_IN);
    }

    private static Optional<String> written(String reference, Map<String, String> texts, Pattern target) {
        Matcher at = reference == null || texts.containsKey(reference) ? null : AT_LINE.matcher(reference);
        if (at == null || !at.matches() || !texts.containsKey(at.group(1))) {
            return Optional.empty();
        }
        String[] lines = texts.get(at.group(1)).split("\n", -1);
        int open = Integer.parseInt(at.group(2)) - 1;
        if (open < 0 || open >= lines.length) {
            return Optional.empty();
        }
        Matcher w = target.matcher(HereDocuments.OPERATOR.matcher(lines[open]).replaceAll(" "));
        if (!w.find()) {
            return Optional.empty();
        }
        String path = w.group(1).replaceFirst("^~/", "").replaceFirst("^/+", "");
        // a directory the script names by a variable is not known here: the unit's name (a drop-in's NAME.d/FILE) stays
        int keep = target == WRITTEN_DROP_IN ? path.lastIndexOf('/', path.lastIndexOf('/') - 1) : path.lastIndexOf('/');
        return Optional.of(path.contains("$") ? path.substring(keep + 1) : path);
    }

    /** The unit's text named by {@code reference}; empty when the tree has no such file or here-document. */
    static Optional<Text> of(String reference, Map<String, String> texts) {
        if (reference == null) {
            return Optional.empty();
        }
        if (texts.containsKey(reference)) {
            return Optional.of(new Text(reference, 0, texts.get(reference)));
        }
        Matcher at = AT_LINE.matcher(reference);
        if (!at.matches() || !texts.containsKey(at.group(1))) {
            return Optional.empty();
        }
        String[] lines = texts.get(at.group(1)).split("\n", -1);
        int open = Integer.parseInt(at.group(2)) - 1;
        Matcher heredoc = open >= 0 && open < lines.length ? HereDocuments.OPERATOR.matcher(lines[open]) : null;
        if (heredoc == null || !heredoc.find()) {
            return Optional.empty();
        }
        boolean stripTabs = heredoc.group(1).equals("-");
        int end = HereDocuments.end(lines, open, stripTabs, heredoc.group(3));
        StringBuilder body = new StringBuilder();
        for (int j = open + 1; j < end; j++) {
            body.append(HereDocuments.line(lines[j], stripTabs)).append('\n');
        }
        return Optional.of(new Text(at.group(1), open + 1, body.toString()));
    }
}
