package dev.migrate.analyzers.sources.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python versions a GitHub Actions workflow sets up: the {@code python-version} input of a step that uses
 * {@code actions/setup-python} (or {@code astral-sh/setup-uv}, {@code conda-incubator/setup-miniconda}), and the
 * {@code python-version} entries of a job's {@code strategy.matrix} (a list, or {@code include:} items) that such a
 * step reads as {@code ${{ matrix.python-version }}}. Read line by line, as GitHub's own files are laid out; an
 * expression or a version such as {@code 3.x} or {@code pypy3.9} is not a version this reads.
 *
 * @param line     the 1-based line of the {@code python-version} key
 * @param column   the 1-based column of its value (of the key for a block list)
 * @param versions the versions it lists, as written without quotes ({@code 3.10} unquoted is read as written)
 * @param matrix   whether it is a matrix entry, which a person edits (dropping or raising entries is a choice)
 * @param job      the text of the job it belongs to (the whole file when it is in none), whose steps say whether
 *                 this Python installs Prefect: a lint job on an old Python in a workflow that deploys is not one
 */
public record WorkflowPythonVersions(int line, int column, List<String> versions, boolean matrix, String job) {
    private static final Pattern KEY = Pattern.compile("^(?<indent>[ \\t]*)(?<dash>-[ \\t]+)?python-version[ \\t]*:(?<value>[ \\t]*.*?)[ \\t]*(?:#.*)?$");
    private static final Pattern SETUP = Pattern.compile("uses[ \\t]*:[ \\t]*[\"']?(?:actions/setup-python|astral-sh/setup-uv|conda-incubator/setup-miniconda)@");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)?");
    private static final Pattern ITEM = Pattern.compile("^[ \\t]*-[ \\t]+(?<value>[^#]*?)[ \\t]*(?:#.*)?$");

    /** The python-version settings of a workflow's text that set up Python. */
    public static List<WorkflowPythonVersions> in(String text) {
        List<WorkflowPythonVersions> out = new ArrayList<>();
        if (!SETUP.matcher(text).find()) {
            return out;
        }
        boolean matrixRead = text.contains("matrix.python-version");
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = KEY.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int keyIndent = m.group("indent").length() + (m.group("dash") == null ? 0 : m.group("dash").length());
            List<String> ancestors = ancestors(lines, i, keyIndent);
            boolean matrix = ancestors.contains("matrix");
            String value = m.group("value").strip();
            int column = m.start("value") + (m.group("value").length() - m.group("value").stripLeading().length()) + 1;
            List<String> versions = new ArrayList<>();
            if (value.isEmpty()) {
                column = keyIndent + 1;
                for (int j = i + 1; j < lines.length; j++) {
                    if (lines[j].isBlank() || lines[j].strip().startsWith("#")) {
                        continue;
                    }
                    Matcher item = ITEM.matcher(lines[j]);
                    if (!item.matches() || indent(lines[j]) < keyIndent || item.group("value").contains(":")) {
                        break;
                    }
                    versions.add(unquote(item.group("value")));
                }
            } else if (value.startsWith("[")) {
                for (String v : value.replaceAll("^\\[|]$", "").split(",")) {
                    versions.add(unquote(v.strip()));
                }
            } else {
                versions.add(unquote(value));
            }
            versions.removeIf(v -> !VERSION.matcher(v).matches());
            if (versions.isEmpty() || matrix && !matrixRead || !matrix && !inSetupStep(lines, i, ancestors)) {
                continue;
            }
            out.add(new WorkflowPythonVersions(i + 1, column, List.copyOf(versions), matrix, job(lines, i, text)));
        }
        return out;
    }

    /** The lines of the job under {@code jobs:} that holds line {@code at}; the whole text outside any job. */
    private static String job(String[] lines, int at, String text) {
        int jobs = at;
        while (jobs >= 0 && !lines[jobs].matches("jobs[ \\t]*:[ \\t]*(?:#.*)?")) {
            jobs--;
        }
        int jobIndent = -1;
        for (int j = jobs + 1; jobs >= 0 && j <= at && jobIndent < 0; j++) {
            if (!lines[j].isBlank() && !lines[j].strip().startsWith("#")) {
                jobIndent = indent(lines[j]);
            }
        }
        if (jobIndent <= 0) {
            return text;
        }
        int start = at;
        while (start > jobs && (lines[start].isBlank() || lines[start].strip().startsWith("#") || indent(lines[start]) != jobIndent)) {
            start--;
        }
        StringBuilder job = new StringBuilder(lines[start]).append('\n');
        for (int j = start + 1; j < lines.length && (lines[j].isBlank() || lines[j].strip().startsWith("#")
                || indent(lines[j]) > jobIndent); j++) {
            job.append(lines[j]).append('\n');
        }
        return job.toString();
    }

    /** The keys of the mappings that enclose line {@code at}, innermost first. */
    private static List<String> ancestors(String[] lines, int at, int keyIndent) {
        List<String> out = new ArrayList<>();
        int limit = keyIndent;
        for (int j = at - 1; j >= 0 && limit > 0; j--) {
            String l = lines[j];
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            int dash = indent(l);
            String rest = l.substring(dash);
            int key = rest.startsWith("- ") ? dash + 2 + (rest.substring(2).length() - rest.substring(2).stripLeading().length()) : dash;
            if (key < limit) {
                Matcher k = Pattern.compile("^[ \\t]*(?:-[ \\t]+)?([A-Za-z0-9_.-]+)[ \\t]*:").matcher(l);
                if (k.find()) {
                    out.add(k.group(1));
                }
                limit = rest.startsWith("- ") ? dash : key;
            }
        }
        return out;
    }

    /** Whether the {@code with:} holding line {@code at} belongs to a step that uses a setup action. */
    private static boolean inSetupStep(String[] lines, int at, List<String> ancestors) {
        if (ancestors.isEmpty() || !ancestors.get(0).equals("with")) {
            return false;
        }
        // the step starts at the nearest list item above with less indentation than `with:`; it ends before the next
        int withLine = at - 1;
        while (withLine >= 0 && !lines[withLine].strip().startsWith("with:")) {
            withLine--;
        }
        if (withLine < 0) {
            return false;
        }
        int withIndent = indent(lines[withLine]);
        int start = withLine;
        while (start >= 0 && !(lines[start].strip().startsWith("- ") && indent(lines[start]) < withIndent)) {
            start--;
        }
        if (start < 0) {
            return false;
        }
        int dash = indent(lines[start]);
        StringBuilder step = new StringBuilder(lines[start]).append('\n');
        for (int j = start + 1; j < lines.length && (lines[j].isBlank() || indent(lines[j]) > dash); j++) {
            step.append(lines[j]).append('\n');
        }
        return SETUP.matcher(step).find();
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static String unquote(String v) {
        String s = v.strip();
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }
}
