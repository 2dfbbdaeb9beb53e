package dev.migrate.recipes.legacy.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Celery task registered under a name of its own ({@code @app.task(name="reports.send")} or
 * {@code @shared_task(name=...)}): beat schedules name the task, not the module path of its function. Found in the
 * text of the project's Python files; nothing is imported or run.
 *
 * @param path     the file defining the task
 * @param module   its dotted module name, from the top of its package (directories with an __init__.py)
 * @param function the decorated function
 * @param root     the directory the module name is relative to ("" for the project root)
 */
record CeleryTaskNames(String path, String module, String function, String root) {
    private static final String DECORATOR = "(?m)^[ \\t]*@[\\w.]*\\b(?:task|shared_task)\\((?:[^()]|\\([^()]*\\))*?\\bname\\s*=\\s*['\"]%s['\"]"
            + "(?:[^()]|\\([^()]*\\))*\\)[ \\t]*\\r?\\n(?:[ \\t]*@[^\\n]*\\n)*[ \\t]*(?:async[ \\t]+)?def[ \\t]+(\\w+)\\s*\\(";

    static Optional<CeleryTaskNames> find(String task, Map<String, String> originals) {
        Pattern p = Pattern.compile(String.format(DECORATOR, Pattern.quote(task).replace("%", "%%")));
        for (Map.Entry<String, String> e : originals.entrySet()) {
            if (!e.getKey().endsWith(".py") || !e.getValue().contains(task)) {
                continue;
            }
            Matcher m = p.matcher(e.getValue());
            if (m.find()) {
                return Optional.of(of(e.getKey(), m.group(1), originals));
            }
        }
        return Optional.empty();
    }

    private static CeleryTaskNames of(String path, String function, Map<String, String> originals) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String module = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.py$", "");
        while (!dir.isEmpty() && originals.containsKey(dir + "/__init__.py")) {
            module = dir.substring(dir.lastIndexOf('/') + 1) + "." + module;
            dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
        }
        return new CeleryTaskNames(path, module, function, dir);
    }
}
