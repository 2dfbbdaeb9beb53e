package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.DockerfileNames;
import dev.migrate.analyzers.sources.runtime.RequirementsIncludes;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.SourceFile;

/**
 * The requirements files a project's build installs, as the files that run the install name them: {@code pip install
 * -r requirements-prod.txt} in a Dockerfile, a CI pipeline, a script, a Makefile or a tox/nox file, and the file a
 * {@code setup.py} reads ({@code open("requirements.txt")}), {@code setup.cfg}'s {@code install_requires = file:
 * requirements.txt} or {@code pyproject.toml}'s {@code dependencies = {file = ["requirements.txt"]}}. A recipe that adds
 * a requirement once per project adds it where the project installs from. Requirements files naming each other
 * ({@code -r base.txt}) are {@link dev.migrate.analyzers.sources.runtime.IncludedRequirements}' business, not this.
 * Safe to use from several threads.
 */
public final class InstallerReferences {
    /** pip's option naming a requirements file: {@code -r x}, {@code -rx}, {@code --requirement=x}, quoted or not. */
    private static final Pattern PIP_OPTION = Pattern.compile(
            "(?:^|[\\s\"'\\[,(=])(?:-r|--requirement)(?:[ \\t]*=[ \\t]*|[ \\t]*)[\"']?(?<name>[\\w./${}-]+\\.(?:txt|in))\\b");
    /** A requirements file named in project metadata: any {@code .txt}/{@code .in} word. */
    private static final Pattern FILE_WORD = Pattern.compile("(?<![\\w./-])(?<name>[\\w./-]+\\.(?:txt|in))\\b");

    /** Referenced path (relative to the root, '/' separators), or a bare file name, to the first file naming it. */
    private final Map<String, String> named = new ConcurrentSkipListMap<>();

    /** Records the requirements files {@code file} names, when it is a file that installs a project's requirements. */
    public void offer(SourceFile file) {
        String path = file.getSourcePath().toString().replace('\\', '/');
        String name = path.substring(path.lastIndexOf('/') + 1);
        Pattern words = metadata(name) ? FILE_WORD : installs(name) ? PIP_OPTION : null;
        if (words == null) {
            return;
        }
        String text = file.printAll();
        if (!text.contains(".txt") && !text.contains(".in")) {
            return;
        }
        String dir = path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/'));
        Matcher m = words.matcher(text);
        while (m.find()) {
            String ref = m.group("name");
            // read from the naming file's directory (a script, setup.py) or from the root (CI steps, a build context)
            for (String resolved : new String[] {RequirementsIncludes.resolve(dir, ref), RequirementsIncludes.resolve("", ref)}) {
                if (resolved != null) {
                    named.putIfAbsent(resolved, path);
                }
            }
            // an absolute path inside an image (`COPY requirements/prod.txt /app/` then `-r /app/prod.txt`) by its name
            named.putIfAbsent(ref.substring(ref.lastIndexOf('/') + 1), path);
        }
    }

    /** The file that names {@code path} as what it installs, or null when none does. */
    public String namer(String path) {
        String p = path.replace('\\', '/');
        String byPath = named.get(p);
        return byPath != null ? byPath : named.get(p.substring(p.lastIndexOf('/') + 1));
    }

    private static boolean metadata(String name) {
        return name.equals("setup.py") || name.equals("setup.cfg") || name.equals("pyproject.toml");
    }

    private static boolean installs(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("dockerfile") || DockerfileNames.is(name)
                || n.endsWith(".yml") || n.endsWith(".yaml") || n.equals("makefile") || n.equals("gnumakefile")
                || n.endsWith(".mk") || n.endsWith(".sh") || n.endsWith(".bash") || n.equals("justfile")
                || n.equals("jenkinsfile") || n.equals("tox.ini") || n.equals("noxfile.py") || n.equals("procfile");
    }
}
