package dev.migrate.recipes.prefect2;

import java.nio.file.Path;
import dev.migrate.recipes.prefectcli.CliOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openrewrite.Cursor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The compose services that run a Prefect agent ({@code prefect agent start}, Prefect 1's {@code prefect agent docker
 * start}), which Prefect 3 removed: by file, as the run's files were before any edit. A compose project is taken to be
 * the compose files of one directory, which compose merges ({@code docker-compose.yml} and its override, the
 * {@code -f} files a project's commands name side by side).
 */
final class ComposeAgentServices {
    /** {@code prefect agent}, also as the words of an exec list ({@code ["prefect", "agent", "start"]}). */
    private static final Pattern AGENT = Pattern.compile("\\bprefect\\s+agent\\b");

    /** One agent service. */
    record Agent(Path file, String service) {
    }

    private final Map<Path, List<Agent>> byFile = new ConcurrentHashMap<>();
    /** The recorded agents whose command MigrateComposeAgentToWorker leaves for a person, even with --unsafe-fixes. */
    private final Set<Agent> stuck = ConcurrentHashMap.newKeySet();

    /** Records the agents of one of the run's files as it was before any edit, for a run to Prefect 3.{@code targetMinor}. */
    void record(Yaml.Documents docs, int targetMinor) {
        List<Agent> agents = in(docs);
        if (!agents.isEmpty()) {
            byFile.put(docs.getSourcePath(), agents);
            stuck.addAll(untranslated(docs, targetMinor));
        }
    }

    /** Whether {@code agent} (recorded) stays an agent even with --unsafe-fixes: its command cannot be translated. */
    boolean staysAnAgent(Agent agent) {
        return stuck.contains(agent);
    }

    /**
     * The agents of {@code docs} whose command the worker translation leaves as it was ({@code prefect agent start
     * $QUEUES}, a form it cannot read, an entrypoint whose arguments are in {@code command}): read as
     * MigrateComposeAgentToWorker reads a service, so that a Dockerfile it builds is held as its image is.
     */
    private static List<Agent> untranslated(Yaml.Documents docs, int targetMinor) {
        Set<String> agents = new HashSet<>();
        in(docs).forEach(a -> agents.add(a.service()));
        List<Agent> out = new ArrayList<>();
        Cursor root = new Cursor(null, docs);
        CliOptions options = new CliOptions("process", targetMinor);
        for (ComposeServices.Service service : ComposeServices.of(docs)) {
            if (agents.contains(service.name()) && !translates(service.body(), root, options)) {
                out.add(new Agent(docs.getSourcePath(), service.name()));
            }
        }
        return out;
    }

    /** Whether the worker translation moves the service: the field it reads, and an entrypoint not fed by a command. */
    private static boolean translates(Yaml.Mapping body, Cursor root, CliOptions options) {
        Yaml.Mapping.Entry runs = MigrateComposeAgentToWorker.commandField(body, root);
        if (runs == null || runs.getKey().getValue().equals("entrypoint")
                && MigrateComposeAgentToWorker.find(body, "command") != null) {
            return false;
        }
        ComposeCommand r = ComposeCommand.of(runs, options);
        return r != null && r.changed() && r.value() != null;
    }

    /** The agents recorded in the other files of {@code file}'s directory. */
    List<Agent> besides(Path file) {
        Path dir = PrefectYamlFiles.directoryOf(file);
        List<Agent> out = new ArrayList<>();
        byFile.forEach((path, agents) -> {
            if (!path.equals(file) && PrefectYamlFiles.directoryOf(path).equals(dir)) {
                out.addAll(agents);
            }
        });
        return out;
    }

    /** The agents recorded in {@code file}'s directory, its own included, ordered by file and then as written. */
    List<Agent> project(Path file) {
        Path dir = PrefectYamlFiles.directoryOf(file);
        List<Agent> out = new ArrayList<>();
        byFile.entrySet().stream().filter(e -> PrefectYamlFiles.directoryOf(e.getKey()).equals(dir))
                .sorted(Map.Entry.comparingByKey()).forEach(e -> out.addAll(e.getValue()));
        return out;
    }

    /** The services of {@code docs} whose command or entrypoint runs a Prefect agent, as the file is now. */
    static List<Agent> in(Yaml.Documents docs) {
        List<Agent> out = new ArrayList<>();
        Cursor root = new Cursor(null, docs);
        for (ComposeServices.Service service : ComposeServices.of(docs)) {
            if (runsAgent(service.body(), root)) {
                out.add(new Agent(docs.getSourcePath(), service.name()));
            }
        }
        return out;
    }

    private static boolean runsAgent(Yaml.Mapping body, Cursor root) {
        for (Yaml.Mapping.Entry field : body.getEntries()) {
            String key = field.getKey().getValue();
            if ((key.equals("command") || key.equals("entrypoint"))
                    && AGENT.matcher(field.getValue().print(root).replaceAll("[\"',\\[\\]]", " ")).find()) {
                return true;
            }
        }
        return false;
    }
}
