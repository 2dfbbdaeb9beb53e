package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.model.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The setting that is {@code prefect deploy --pool}'s default: {@code PREFECT_DEFAULT_WORK_POOL_NAME} (2.x, and the
 * legacy alias 3.x keeps) or {@code PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME} (3.1+), the names 3.8.3 reads as
 * {@code deployments.default_work_pool_name} (the recorded settings, {@link PrefectApi#settingAccessor3}); where both
 * are set the canonical one wins, as pydantic tries the names in that order. Prefect gives the option the setting's
 * value when the command does not ({@code SettingsOption}, 2.x {@code prefect/cli/deploy.py}, 3.x
 * {@code prefect/cli/deploy/_commands.py}), so a command without {@code --pool} deploys as if it named that pool: over
 * a prefect.yaml entry's {@code work_pool.name} too ({@code _apply_cli_options_to_deploy_config}), not where it deploys
 * several entries at once (Prefect ignores the options then).
 */
final class DefaultWorkPool {
    /** The job attribute that says which setting gave a command's {@code workPool}. */
    static final String FROM = "workPoolSetting";
    private static final String ACCESSOR = "deployments.default_work_pool_name";
    private static final String CANONICAL = "PREFECT_DEPLOYMENTS_DEFAULT_WORK_POOL_NAME";

    private DefaultWorkPool() {
    }

    /** Whether {@code name} is one of the setting's environment variables. */
    static boolean isSetting(String name) {
        return name.startsWith("PREFECT_") && PrefectApi.get().settingAccessor3(name).filter(ACCESSOR::equals).isPresent();
    }

    /**
     * The setting's name and value in an environment, the canonical name first; none where it is empty, a variable or
     * a value kept elsewhere.
     */
    static Optional<Map.Entry<String, String>> in(Map<String, String> env) {
        return env.entrySet().stream().filter(e -> isSetting(e.getKey()))
                .filter(e -> e.getValue() != null && !e.getValue().isBlank() && !e.getValue().contains("$")
                        && !e.getValue().startsWith("<")) // a Kubernetes secret's or config map's, not read
                .sorted((a, b) -> Boolean.compare(!a.getKey().equals(CANONICAL), !b.getKey().equals(CANONICAL)))
                .map(e -> Map.entry(e.getKey(), e.getValue().strip())).findFirst();
    }

    /**
     * Whether a shell script or Makefile hands {@code name} to the commands it runs: {@code export NAME}, a Makefile's
     * bare {@code export}, or {@code set -a} (every later assignment exported); a plain {@code NAME=value} stays the
     * shell's own.
     */
    static boolean exported(String text, String name) {
        return Pattern.compile("(?m)^[ \\t]*(?:export|declare[ \\t]+-x)[ \\t]+(?:[A-Za-z_][A-Za-z0-9_]*[ \\t]+)*"
                + Pattern.quote(name) + "\\b").matcher(text).find()
                || Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]*$|set[ \\t]+(?:-a|-o[ \\t]+allexport)\\b)").matcher(text).find();
    }

    /** The value a command's own prefix gives the setting ({@code PREFECT_DEFAULT_WORK_POOL_NAME=etl prefect deploy ...}). */
    static Optional<Map.Entry<String, String>> prefix(String before) {
        java.util.regex.Matcher m = Pattern.compile("(?:^|[\\s;&|(])(PREFECT_[A-Z_]+)=([^\\s\"'$;&|]+)(?=\\s)").matcher(before);
        Map<String, String> found = new java.util.LinkedHashMap<>();
        int end = -1;
        while (m.find()) {
            // only the assignments right before the command's words are its environment
            if (end >= 0 && !before.substring(end, m.start()).isBlank()) {
                found.clear();
            }
            found.put(m.group(1), m.group(2));
            end = m.end();
        }
        if (end < 0 || !before.substring(end).isBlank()) {
            return Optional.empty();
        }
        return in(found);
    }

    /**
     * The setting a compose service gets from its {@code env_file:} files (the compose file at {@code composePath},
     * service {@code service}; {@code files} gives a repository file's text, null for one not known): the files in
     * the order given, a later one's value over an earlier's, as compose loads them; none where the service's
     * {@code environment:} ({@code env}, the job's) names the setting at all, which compose puts over the files.
     */
    static Optional<Map.Entry<String, String>> fromEnvFiles(Map<String, String> env, String composePath, String service,
                                                            java.util.function.Function<String, String> files) {
        if (env.keySet().stream().anyMatch(DefaultWorkPool::isSetting)) {
            return Optional.empty();
        }
        String compose = files.apply(composePath);
        if (compose == null || !compose.contains("env_file")) {
            return Optional.empty();
        }
        String dir = composePath.contains("/") ? composePath.substring(0, composePath.lastIndexOf('/')) : "";
        Map<String, String> loaded = new java.util.LinkedHashMap<>();
        for (org.yaml.snakeyaml.nodes.Node doc : YamlDocs.parse(new dev.migrate.analyzers.model.ScanFile(composePath, compose),
                IGNORED)) {
            org.yaml.snakeyaml.nodes.Node svc = YamlDocs.path(doc, "services", service);
            for (String written : ComposeEnvFiles.written(YamlDocs.get(svc, "env_file"))) {
                String text = WorkingDirectory.normalize(dir, written).map(files).orElse(null);
                if (text != null) {
                    settings(text).forEach(loaded::put);
                }
            }
        }
        return in(loaded);
    }

    /**
     * The setting the systemd units that run a script give the commands in it ({@code script}, the script's path): each
     * unit's {@code EnvironmentFile=} files over its {@code Environment=} (systemd reads the files' settings over the
     * unit's own), a file's absolute path read as the longest of its tails the tree holds ({@code files}, null for one
     * it does not); one value only where every unit that runs the script gives the same.
     *
     * @param units the scan's systemd jobs (timers, services), each with its {@code ExecStart=} command and
     *              {@code Environment=} settings, and its {@code EnvironmentFile=} attribute
     */
    static Optional<Map.Entry<String, String>> fromUnits(String script, List<Job> units,
                                                         java.util.function.Function<String, String> files) {
        String name = script.substring(script.lastIndexOf('/') + 1);
        Pattern runs = Pattern.compile("(?:^|[\\s/])" + Pattern.quote(name) + "(?:\\s|$)");
        java.util.Set<Map.Entry<String, String>> given = new java.util.LinkedHashSet<>();
        for (Job unit : units) {
            if (unit.command() == null || !runs.matcher(unit.command()).find()) {
                continue;
            }
            Map<String, String> env = new java.util.LinkedHashMap<>(unit.env());
            String envFiles = unit.attributes().get("EnvironmentFile");
            for (String f : envFiles == null ? new String[0] : envFiles.strip().split("\\s+")) {
                String text = inTree(f.startsWith("-") ? f.substring(1) : f, files);
                if (text != null) {
                    env.putAll(settings(text));
                }
            }
            given.add(in(env).orElse(null));
        }
        return given.size() == 1 ? Optional.ofNullable(given.iterator().next()) : Optional.empty();
    }

    /** The text of the longest tail of an absolute path that the tree holds ({@code /srv/lake/deploy.env}), or null. */
    private static String inTree(String absolute, java.util.function.Function<String, String> files) {
        String p = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        while (!p.isEmpty() && !p.contains("$") && !p.contains("%")) {
            String text = files.apply(p);
            if (text != null) {
                return text;
            }
            int slash = p.indexOf('/');
            p = slash < 0 ? "" : p.substring(slash + 1);
        }
        return null;
    }

    /** The setting's {@code NAME=value} lines of an env file, quotes taken off. */
    private static Map<String, String> settings(String envFile) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+)?(PREFECT_[A-Z0-9_]+)[ \\t]*=[ \\t]*"
                + "(?:\"([^\"\\n]*)\"|'([^'\\n]*)'|([^\\s#]*))").matcher(envFile);
        while (m.find()) {
            if (isSetting(m.group(1))) {
                String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                out.remove(m.group(1)); // a later line wins, and keeps its place
                out.put(m.group(1), v);
            }
        }
        return out;
    }

    private static final dev.migrate.analyzers.model.InventorySink IGNORED = new dev.migrate.analyzers.model.InventorySink() {
        @Override
        public void job(Job job) {
        }

        @Override
        public void finding(dev.migrate.analyzers.model.Finding finding) {
        }
    };
}
