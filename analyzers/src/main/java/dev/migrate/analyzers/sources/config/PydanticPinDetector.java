package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.runtime.IncludedRequirements;
import dev.migrate.analyzers.sources.runtime.RequirementsIncludes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PF218: a {@code pydantic} pin that admits only 1.x in a dependency file that lists {@code prefect}. Prefect 2 ran
 * on pydantic 1 or 2, so such pins are common in Prefect 2 projects; once the file asks for Prefect 3 (the
 * migration pins it, a bare {@code prefect} already resolves to it) pip or Poetry cannot resolve it. The files
 * requirements files include ({@code -r base.txt}) count whatever their names, as the rewrite raises their pins
 * ({@link IncludedRequirements}): their pins are reported once the scan knows a requirements file includes them.
 */
public final class PydanticPinDetector implements Detector {
    private final IncludedRequirements requirements = new IncludedRequirements();

    /** The {@code prefect} package itself in a requirement position (not {@code prefect-aws}, not a word in prose). */
    private static final Pattern PREFECT = Pattern.compile("(?m)^[ \\t]*(?:[\\w.-]+[ \\t]*=[ \\t]*)?[\"'\\[]?[ \\t]*prefect"
            + "(?![\\w-])|[\"']prefect(?:\\[[^\\]]*])?[ \\t]*(?:[=<>!~;\"']|$)");
    private static final Pattern PEP_508 = Pattern.compile("(?<![\\w.-])" + PydanticConstraints.REQUIREMENT.pattern());
    /** Poetry: {@code pydantic = "^1.10"} or {@code pydantic = { version = "^1.10", ... }}. */
    private static final Pattern POETRY = Pattern.compile("^[ \\t]*[\"']?pydantic[\"']?[ \\t]*=[ \\t]*"
            + "(?:\\{[^}\\r\\n]*?\\bversion[ \\t]*=[ \\t]*)?[\"'](?<spec>[^\"'\\r\\n]*)[\"']");

    /** Said of a pin locked with hashes, where the rewrite leaves it with a note. */
    private static final String LOCKED = "; it is locked with --hash lines: " + HashedRequirements.recompile("pydantic>=2");

    @Override
    public String name() {
        return "pydantic-1-pin";
    }

    @Override
    public Prefilter prefilter() {
        // a requirements file that only includes the one with the pin, by path (see PrefectPinDetector: no short keyword)
        return Prefilter.keywords("pydantic")
                .orPath(p -> RequirementsFiles.isRequirements(p) || RequirementsIncludes.mayBeIncluded(p));
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        if (IncludedRequirements.mayBeRequirements(file.path())) {
            return file.text().contains("pydantic") || !RequirementsIncludes.of(file.path(), file.text()).isEmpty();
        }
        return file.text().contains("pydantic") && (n.equals("pyproject.toml") || n.equals("setup.cfg") || n.equals("setup.py"));
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        requirements.offer(file.path(), file.text());
        if (!file.text().contains("pydantic") || !PREFECT.matcher(file.text()).find()) {
            return;
        }
        String[] lines = file.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher poetry = POETRY.matcher(line);
            if (poetry.find()) {
                if (PydanticConstraints.onlyV1Poetry(poetry.group("spec"))) {
                    report(file, i, poetry.start(), "pydantic " + poetry.group("spec").strip(), "", sink, requirements);
                }
                continue;
            }
            Matcher m = PEP_508.matcher(line);
            while (m.find()) {
                if (PydanticConstraints.onlyV1(m.group("spec"))) {
                    // a pin locked with --hash lines moves only by compiling the lock again, as PF208 says of prefect's
                    boolean hashed = IncludedRequirements.mayBeRequirements(file.path()) && HashedRequirements.atLine(lines, i);
                    report(file, i, m.start(), m.group().strip(), hashed ? LOCKED : "", sink, requirements);
                }
            }
        }
    }

    @Override
    public void finish(InventorySink sink) {
        requirements.release(sink);
    }

    /** A {@code .txt} or {@code .in} not named as a requirements file counts only when one includes it. */
    private static void report(ScanFile file, int line, int column, String pin, String locked, InventorySink sink,
            IncludedRequirements requirements) {
        Finding f = Findings.of("PF218", "dependency pin " + pin + " admits only pydantic 1; Prefect 3 requires "
                + "pydantic 2, so this file cannot be installed once it asks for Prefect 3" + locked,
                SourceRef.at(file.path(), line + 1, column + 1), null);
        if (RequirementsIncludes.mayBeIncluded(file.path())) {
            requirements.report(file.path(), f, sink);
        } else {
            sink.finding(f);
        }
    }
}
