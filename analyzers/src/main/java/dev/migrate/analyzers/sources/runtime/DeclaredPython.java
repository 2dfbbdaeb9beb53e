package dev.migrate.analyzers.sources.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python versions a project's metadata declares: {@code requires-python} in {@code pyproject.toml}'s
 * {@code [project]}, Poetry's {@code python} in {@code [tool.poetry.dependencies]}, {@code python_requires} in
 * {@code setup.cfg}'s {@code [options]} and as a string argument in {@code setup.py}.
 *
 * @param start  where the constraint's text starts in the file (inside its quotes)
 * @param end    where it ends
 * @param spec   the constraint ({@code >=3.8,<4})
 * @param key    the key that declares it ({@code requires-python})
 * @param poetry whether it is written in Poetry's syntax
 */
public record DeclaredPython(int start, int end, String spec, String key, boolean poetry) {
    private static final Pattern REQUIRES_PYTHON = Pattern.compile("^[ \\t]*requires-python[ \\t]*=[ \\t]*([\"'])(?<spec>[^\"'\\r\\n]*)\\1");
    private static final Pattern POETRY_PYTHON = Pattern.compile("^[ \\t]*[\"']?python[\"']?[ \\t]*=[ \\t]*([\"'])(?<spec>[^\"'\\r\\n]*)\\1");
    private static final Pattern SETUP_CFG = Pattern.compile("^[ \\t]*python_requires[ \\t]*=[ \\t]*(?<spec>[^#;\\r\\n]*?)[ \\t]*(?:[#;].*)?\\r?$");
    private static final Pattern SETUP_PY = Pattern.compile("\\bpython_requires[ \\t]*=[ \\t]*([\"'])(?<spec>[^\"'\\r\\n]*)\\1");

    /** What the metadata file at {@code path} declares; empty for other files. */
    public static List<DeclaredPython> in(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        List<DeclaredPython> out = new ArrayList<>();
        if (name.equals("setup.py")) {
            Matcher m = SETUP_PY.matcher(text);
            while (m.find()) {
                out.add(new DeclaredPython(m.start("spec"), m.end("spec"), m.group("spec"), "python_requires", false));
            }
            return out;
        }
        if (!name.equals("pyproject.toml") && !name.equals("setup.cfg")) {
            return out;
        }
        String section = "";
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                section = stripped.replaceAll("^\\[+|]+$", "").strip().replace("\"", "");
            } else if (name.equals("setup.cfg") && section.equals("options")) {
                add(out, SETUP_CFG.matcher(line), offset, "python_requires", false);
            } else if (section.equals("project")) {
                add(out, REQUIRES_PYTHON.matcher(line), offset, "requires-python", false);
            } else if (section.equals("tool.poetry.dependencies")) {
                add(out, POETRY_PYTHON.matcher(line), offset, "python", true);
            }
            offset += line.length() + 1;
        }
        return out;
    }

    private static void add(List<DeclaredPython> out, Matcher m, int offset, String key, boolean poetry) {
        if (m.find() && !m.group("spec").isBlank()) {
            out.add(new DeclaredPython(offset + m.start("spec"), offset + m.end("spec"), m.group("spec"), key, poetry));
        }
    }

    /** Whether the declared constraint admits a Python older than {@code floor}, and its edit if it has one. */
    public java.util.Optional<PythonConstraints.Low> below(String floor) {
        return poetry ? PythonConstraints.poetry(spec, floor) : PythonConstraints.pep440(spec, floor);
    }
}
