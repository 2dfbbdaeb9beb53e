package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.config.PrefectCommandReport;
import dev.migrate.analyzers.sources.config.PrefectImages;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code prefect ...} calls one Kubernetes container runs ({@code command:} and {@code args:} as one line; a
 * {@code ["sh", "-c", "..."]} script read as the shell lines it holds), each reported by {@link PrefectCommandReport} as
 * the command line detector reports the same call in a script or CI job: an agent, worker or server, a deployment a
 * {@code prefect deployment build} or {@code prefect deploy ENTRYPOINT} declares (with the Prefect 2 flags it gives),
 * {@code prefect deploy -n NAME} linked to the prefect.yaml entries it deploys.
 */
final class ContainerPrefectCommands {
    /** The settings of a container whose command is no job of its own: its findings are its other commands' to say. */
    private static final InventorySink FINDINGS_ELSEWHERE = new InventorySink() {
        @Override
        public void job(Job job) {
        }

        @Override
        public void finding(Finding finding) {
        }
    };

    private ContainerPrefectCommands() {
    }

    /**
     * Reports the container's calls and returns them.
     *
     * @param obj     the workload object (its kind and name name the jobs' workload)
     * @param cronJob the id of the CronJob's own job when {@code obj} is a CronJob, else null: the CronJob already
     *                reports its image and environment, and a call that defines no job of its own (a removed
     *                {@code prefect deployment apply}) is the CronJob's to answer for
     */
    static List<PrefectInvocation> report(ScanFile file, Node obj, Node podSpec, Node container, String cronJob,
                                          InventorySink sink) {
        String cmd = Containers.commandLine(container);
        List<PrefectInvocation> found = PrefectInvocation.find(cmd);
        if (found.isEmpty()) {
            return found;
        }
        InventorySink findings = cronJob == null ? sink : sink.givingJoblessFindingsTo(cronJob);
        for (PrefectInvocation inv : found) {
            SourceRef where = where(file, container, inv);
            Optional<JobBuilder> job = PrefectCommandReport.report(file, inv, cmd, where, findings);
            if (job.isEmpty()) {
                // `prefect deploy -n NAME` / `--all`: linked to the prefect.yaml entries it deploys, then dropped,
                // with the container's environment (its default pool setting); the image's findings are no job's
                PrefectCommandReport.selection(file, inv, cmd, where).ifPresent(b -> {
                    Containers.env(file, container, b, FINDINGS_ELSEWHERE);
                    sink.job(b.attr("scheduledBy", cronJob).build());
                });
            }
            job.ifPresent(b -> {
                String image = YamlDocs.scalar(container, "image");
                b.attr("workload", YamlDocs.scalar(obj, "kind") + "/" + YamlDocs.scalar(obj, "metadata", "name"))
                        .attr("namespace", YamlDocs.scalar(obj, "metadata", "namespace")).attr("image", image)
                        .attr("scheduledBy", cronJob)
                        .user(Containers.user(podSpec, container)).workingDir(YamlDocs.scalar(container, "workingDir"));
                Containers.env(file, container, b, cronJob == null ? sink : FINDINGS_ELSEWHERE);
                if (image != null && cronJob == null) {
                    PrefectImages.check(image, YamlDocs.where(file, YamlDocs.get(container, "image")), b.id(), sink);
                }
                sink.job(b.build());
            });
        }
        return found;
    }

    /**
     * Where a call of the container is reported: at its {@code prefect} word, also inside a {@code sh -c} block script
     * ({@link CommandPlaces}); else (or for no call)
     * at whichever of {@code command:}/{@code args:} holds the calls.
     */
    static SourceRef where(ScanFile file, Node container, PrefectInvocation inv) {
        SourceRef node = YamlDocs.where(file, commandNode(container));
        return inv == null ? node : CommandPlaces.of(file, container, inv.offset(), node);
    }

    /** Whichever of {@code command:}/{@code args:} holds the prefect call (the container itself without either). */
    private static Node commandNode(Node container) {
        Node args = YamlDocs.get(container, "args");
        boolean inArgs = args != null && YamlDocs.commandLine(args).orElse("").contains("prefect");
        Node command = YamlDocs.get(container, "command");
        Node node = inArgs || command == null ? args : command;
        return node == null ? container : node;
    }
}
