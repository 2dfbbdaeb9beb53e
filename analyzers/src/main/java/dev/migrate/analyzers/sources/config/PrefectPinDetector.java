package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pins of the {@code prefect} package to 2.x in dependency files (requirements, pyproject, setup.cfg, setup.py,
 * Pipfile, conda environments) and in {@code pip install} commands of scripts, Dockerfiles and CI pipelines
 * (continuation lines included).
 */
public final class PrefectPinDetector implements Detector {
    /**
     * {@code prefect==2.14.9} and {@code prefect[aws]~=2.19}; {@code prefect>=2.10,<3}; Poetry's
     * {@code prefect = "^2.14"}. A bare lower bound such as {@code prefect>=2.10} admits 3.x and is not a pin.
     */
    private static final Pattern PIN = Pattern.compile("(?<![\\w.-])prefect(?:\\[[^\\]]*])?\\s*(?:"
            + "(?:==|===|~=)\\s*2(?:\\.[0-9a-z]+)*(?![0-9])"
            + "|>=?\\s*2[0-9.]*\\s*,\\s*<=?\\s*3(?![0-9])"
            + "|=\\s*\"[\\^~]?2(?:\\.[0-9]+)*\")");

    @Override
    public String name() {
        return "prefect-version-pin";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("prefect");
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return RequirementsFiles.isRequirements(file.path()) || n.equals("pyproject.toml")
                || n.equals("setup.cfg") || n.equals("setup.py") || n.equals("Pipfile") || n.equals("environment.yml")
                || PrefectCliLineDetector.isDockerfile(n) || PrefectCliLineDetector.isCiYaml(file.path())
                || PrefectCliLineDetector.isScript(file);
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        boolean dependencyFile = !PrefectCliLineDetector.isDockerfile(file.fileName())
                && !PrefectCliLineDetector.isCiYaml(file.path()) && !PrefectCliLineDetector.isScript(file);
        String[] lines = file.text().split("\r?\n", -1);
        boolean installContinues = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // in scripts, pins count on a pip install line and on the lines it continues onto with a backslash
            boolean install = line.contains("install") || installContinues;
            installContinues = install && line.stripTrailing().endsWith("\\");
            if (line.strip().startsWith("#") || !dependencyFile && !install) {
                continue;
            }
            Matcher m = PIN.matcher(line);
            while (m.find()) {
                String spec = line.substring(m.start(), m.end()).strip();
                sink.finding(Findings.of("PF208", "dependency pin " + spec + " keeps Prefect 2; move it to Prefect 3 "
                        + "once flows and integrations are ready", SourceRef.at(file.path(), i + 1, m.start() + 1), null));
            }
        }
    }
}
