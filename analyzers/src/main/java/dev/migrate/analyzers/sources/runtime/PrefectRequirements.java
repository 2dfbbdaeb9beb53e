package dev.migrate.analyzers.sources.runtime;

import dev.migrate.analyzers.sources.config.RequirementsFiles;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a dependency file lists {@code prefect} or one of its integrations ({@code prefect-aws} installs
 * {@code prefect} too): requirements files, {@code pyproject.toml} (PEP 621 strings and Poetry tables),
 * {@code setup.py}, {@code setup.cfg}, {@code Pipfile} and conda's {@code environment.yml}. A project named
 * {@code prefect-flows} does not depend on prefect by its name.
 */
public final class PrefectRequirements {
    private static final String NAME = "prefect(?:-[a-z0-9]+)*";
    /** A requirements line: the name, then extras, a specifier, a marker or the end of the requirement. */
    private static final Pattern REQUIREMENTS_LINE = Pattern.compile("(?im)^[ \\t]*" + NAME + "[ \\t]*(?:\\[|[=<>!~;@]|[ \\t]*(?:#.*)?\\r?$)");
    /** A quoted PEP 508 string: {@code "prefect>=2.14"}, {@code 'prefect[aws]'}, {@code "prefect"}. */
    private static final Pattern QUOTED = Pattern.compile("(?i)(?<!\\bname[ \\t]{0,9}=[ \\t]{0,9})[\"']" + NAME
            + "(?:\\[[^\\]\"']*])?[ \\t]*(?:[=<>!~;]|[\"'])");
    /** Poetry's or Pipfile's table entry: {@code prefect = "^2.14"}, {@code prefect-aws = {version = "*"}}. */
    private static final Pattern TABLE_ENTRY = Pattern.compile("(?im)^[ \\t]*[\"']?" + NAME + "[\"']?[ \\t]*=");
    /** A conda environment's dependency item: {@code - prefect}, {@code - prefect=2.14}, {@code - prefect-aws>=0.4}. */
    private static final Pattern CONDA_ITEM = Pattern.compile("(?im)^[ \\t]*-[ \\t]+" + NAME + "[ \\t]*(?:[=<>!~\\[]|\\r?$)");

    private PrefectRequirements() {
    }

    /** Whether the file at {@code path} is a dependency file this class reads. */
    public static boolean isDependencyFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return RequirementsFiles.isRequirements(path) || name.equals("pyproject.toml") || name.equals("setup.py")
                || name.equals("setup.cfg") || name.equals("Pipfile") || name.equals("environment.yml")
                || name.equals("environment.yaml");
    }

    /** Whether the dependency file at {@code path} lists prefect or an integration. */
    public static boolean listedIn(String path, String text) {
        if (!text.toLowerCase(java.util.Locale.ROOT).contains("prefect")) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (RequirementsFiles.isRequirements(path)) {
            return REQUIREMENTS_LINE.matcher(text).find();
        }
        if (name.startsWith("environment.")) {
            return CONDA_ITEM.matcher(text).find();
        }
        if (name.equals("setup.cfg") && setupCfgLine(text)) {
            return true;
        }
        return QUOTED.matcher(text).find() || !name.equals("setup.py") && TABLE_ENTRY.matcher(text).find();
    }

    /**
     * Whether {@code text}, read as a pip requirements file whatever its name (a {@code base.txt} that a
     * requirements file includes with {@code -r}), lists prefect or an integration.
     */
    public static boolean listedInRequirements(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).contains("prefect") && REQUIREMENTS_LINE.matcher(text).find();
    }

    /** setup.cfg's {@code install_requires =} continuation lines, which are unquoted requirements. */
    private static boolean setupCfgLine(String text) {
        Matcher m = Pattern.compile("(?im)^(?:[ \\t]+|[ \\t]*install_requires[ \\t]*=[ \\t]*)" + NAME
                + "[ \\t]*(?:\\[|[=<>!~;]|\\r?$)").matcher(text);
        return m.find();
    }
}
