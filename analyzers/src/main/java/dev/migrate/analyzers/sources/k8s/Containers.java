package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.cron.CronCommands;
import dev.migrate.analyzers.sources.config.PrefectSettingsCheck;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the parts of a Kubernetes pod spec that matter for a job: command, image, env, user, working dir. */
final class Containers {
    private Containers() {
    }

    static List<Node> of(Node podSpec) {
        return YamlDocs.items(YamlDocs.get(podSpec, "containers"));
    }

    /** {@code command} + {@code args} as one line. */
    static String commandLine(Node container) {
        String cmd = YamlDocs.commandLine(YamlDocs.get(container, "command")).orElse("");
        String args = YamlDocs.commandLine(YamlDocs.get(container, "args")).orElse("");
        return (cmd + " " + args).strip();
    }

    /**
     * The Python script the container runs ({@code python flows/etl.py}, {@code sh -c 'cd /app && python -m etl.flow'}),
     * read as a crontab line's command is ({@link CronCommands#pythonScript}); null when it runs no Python script.
     */
    static String pythonScript(Node container) {
        return CronCommands.pythonScript(commandLine(container)).orElse(null);
    }

    /** Copies env entries into the job; values from secrets or config maps are shown as references. */
    static void env(ScanFile file, Node container, JobBuilder job, InventorySink sink) {
        for (Node e : YamlDocs.items(YamlDocs.get(container, "env"))) {
            String name = YamlDocs.scalar(e, "name");
            if (name == null) {
                continue;
            }
            String value = YamlDocs.scalar(e, "value");
            if (value == null && YamlDocs.get(e, "valueFrom") != null) {
                String secret = YamlDocs.scalar(e, "valueFrom", "secretKeyRef", "name");
                String cm = YamlDocs.scalar(e, "valueFrom", "configMapKeyRef", "name");
                value = secret != null ? "<secret " + secret + ">" : cm != null ? "<configmap " + cm + ">" : "<valueFrom>";
            }
            job.env(name, value);
            PrefectSettingsCheck.check(name, YamlDocs.where(file, e), job.id(), sink);
        }
    }

    static String user(Node podSpec, Node container) {
        String u = YamlDocs.scalar(container, "securityContext", "runAsUser");
        return u != null ? u : YamlDocs.scalar(podSpec, "securityContext", "runAsUser");
    }
}
