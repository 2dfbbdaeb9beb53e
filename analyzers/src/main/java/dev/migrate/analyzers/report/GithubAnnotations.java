package dev.migrate.analyzers.report;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.rules.Rule;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Actions workflow commands, one line per finding ({@code ::error file=etc/crontab,line=3,col=1,title=CRN001
 * ...::message}): run in a workflow step, GitHub shows each as an annotation on the pull request's diff and in the
 * run's summary, with no code scanning (SARIF upload needs GitHub Advanced Security on private repositories).
 * Paths are the scan's, relative to PATH: scan the repository's root for the annotations to land on its files.
 * Findings a baseline lists are left out (they were accepted); a last line counts what was written.
 *
 * <p>GitHub shows at most {@value #SHOWN_PER_KIND} annotations of each kind (error, warning, notice) per step and
 * drops the rest without a word. So the most severe come first, and a kind with more than that gets
 * {@value #SHOWN_PER_KIND} minus one annotations and a last one saying how many more there are; those are listed
 * after the commands as plain log lines, which GitHub leaves in the step's log.
 */
public final class GithubAnnotations implements ReportWriter {
    /** Annotations of one kind GitHub shows for one step. */
    static final int SHOWN_PER_KIND = 10;

    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        Map<Severity, List<Finding>> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : inv.findings()) {
            if (!inv.baseline().active() || !inv.baseline().baselined().contains(f)) {
                bySeverity.computeIfAbsent(f.severity(), s -> new ArrayList<>()).add(f);
            }
        }
        List<Finding> logged = new ArrayList<>();
        int written = 0;
        // most severe first (the enum's order): errors are what a reader must see, and a job's annotations run out too
        for (Severity s : Severity.values()) {
            List<Finding> found = bySeverity.getOrDefault(s, List.of());
            int shown = found.size() <= SHOWN_PER_KIND ? found.size() : SHOWN_PER_KIND - 1;
            for (Finding f : found.subList(0, shown)) {
                out.write(annotation(f, rules));
            }
            if (shown < found.size()) {
                int more = found.size() - shown;
                out.write("::" + command(s) + " title=migrate scan::" + more + " more " + s.name().toLowerCase(Locale.ROOT)
                        + " finding" + (more == 1 ? " is" : "s are") + " not annotated (GitHub shows " + SHOWN_PER_KIND
                        + " per kind in a step): see this step's log, or a full report (--format sarif or html)\n");
                logged.addAll(found.subList(shown, found.size()));
            }
            written += found.size();
        }
        for (Finding f : logged) {
            // indented, so that no scanned text can make the line a workflow command
            out.write("  " + Printable.line(f.where().toString()) + " " + f.code() + " " + Printable.line(f.message()) + "\n");
        }
        int baselined = inv.baseline().active() ? inv.baseline().baselined().size() : 0;
        out.write("migrate scan: " + written + (written == 1 ? " finding" : " findings")
                + (logged.isEmpty() ? "" : " (" + logged.size() + " listed above without an annotation)")
                + (baselined > 0 ? " (" + baselined + " more listed in the baseline)" : "") + "\n");
    }

    private static String annotation(Finding f, RuleRegistry rules) {
        String title = f.code() + rules.find(f.code()).map(Rule::title).map(t -> " " + t).orElse("");
        StringBuilder line = new StringBuilder("::" + command(f.severity()) + " file=" + property(f.where().path()));
        if (f.where().line() > 0) {
            line.append(",line=").append(f.where().line());
            if (f.where().column() > 0) {
                line.append(",col=").append(f.where().column());
            }
        }
        // shown in a browser: control and bidi characters of scanned text as visible escapes, like every report for people
        return line.append(",title=").append(property(Printable.line(title))).append("::")
                .append(data(Printable.line(f.message()))).append('\n').toString();
    }

    /** breaking fails the migration, deprecated still works: error, warning, notice, as GitHub names them. */
    static String command(Severity s) {
        return switch (s) {
            case BREAKING -> "error";
            case DEPRECATED -> "warning";
            case INFO -> "notice";
        };
    }

    /**
     * A command's message: percent, CR and LF are written as escapes (GitHub's runner reads them back), so a message
     * can neither end the command early nor start another.
     */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #data}, and also ':' and ',' that would end it. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
