package dev.migrate.analyzers.report;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.rules.Rule;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one line per finding ({@code ::error file=etc/crontab,line=3,col=1,title=CRN001
 * ...::message}): run in a workflow step, GitHub shows each as an annotation on the pull request's diff and in the
 * run's summary, with no code scanning (SARIF upload needs GitHub Advanced Security on private repositories).
 * Paths are the scan's, relative to PATH: scan the repository's root for the annotations to land on its files.
 * Findings a baseline lists are left out (they were accepted); a last line counts what was written.
 */
public final class GithubAnnotations implements ReportWriter {
    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        int written = 0;
        for (Finding f : inv.findings()) {
            if (inv.baseline().active() && inv.baseline().baselined().contains(f)) {
                continue;
            }
            String title = f.code() + rules.find(f.code()).map(Rule::title).map(t -> " " + t).orElse("");
            out.write("::" + command(f.severity()) + " file=" + property(f.where().path()));
            if (f.where().line() > 0) {
                out.write(",line=" + f.where().line());
                if (f.where().column() > 0) {
                    out.write(",col=" + f.where().column());
                }
            }
            // shown in a browser: control and bidi characters of scanned text as visible escapes, like every report for people
            out.write(",title=" + property(Printable.line(title)) + "::" + data(Printable.line(f.message())) + "\n");
            written++;
        }
        int baselined = inv.baseline().active() ? inv.baseline().baselined().size() : 0;
        out.write("migrate scan: " + written + (written == 1 ? " finding" : " findings")
                + (baselined > 0 ? " (" + baselined + " more listed in the baseline)" : "") + "\n");
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
