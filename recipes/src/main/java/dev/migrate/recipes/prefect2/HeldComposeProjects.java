package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.runtime.IncludedRequirements;
import dev.migrate.analyzers.sources.runtime.RequirementsIncludes;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.ComposeFiles;
import dev.migrate.analyzers.sources.config.DockerfileNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The compose projects whose Prefect stays on 2 because a service still runs a Prefect agent
 * ({@link ComposeAgentServices}), and the Dockerfiles their services build ({@code build: .}, {@code build: {context,
 * dockerfile}}). Every recipe that moves a compose project's Prefect (its images, the Dockerfiles they are built from,
 * its build arguments, its {@code EXTRA_PIP_PACKAGES}, the requirements files and project metadata those Dockerfiles
 * copy and install) asks here first, so that a safe run leaves the whole project on
 * one Prefect: raised alone, a built agent image would hold Prefect 3, which has no {@code prefect agent}, or a built
 * worker would move to 3 under a server held on 2. One index per run, kept in the execution context and filled by each
 * of those recipes' scanners from the files as they were before any edit.
 */
final class HeldComposeProjects {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.prefect2.HeldComposeProjects";

    /** A compose service built from a Dockerfile of the run, with its build context. */
    record Build(Path composeFile, String service, Path dockerfile, Path context) {
    }

    private final ComposeAgentServices agents = new ComposeAgentServices();
    private final Map<Path, List<Build>> builds = new ConcurrentHashMap<>();
    /** The run's Dockerfiles as they were, by path: what they copy and install is read from them. */
    private final Map<Path, String> dockerfiles = new ConcurrentHashMap<>();
    private final Map<Build, Set<Path>> installs = new ConcurrentHashMap<>();

    private HeldComposeProjects() {
    }

    /** The run's index, made on first use. */
    static HeldComposeProjects in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new HeldComposeProjects());
    }

    /** A scanner that records the run's compose files (which files are compose files, their agents and builds). */
    static TreeVisitor<?, ExecutionContext> scanner() {
        TreeVisitor<?, ExecutionContext> compose = ComposeFiles.scanner();
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                compose.visit(tree, ctx);
                if (tree instanceof Yaml.Documents docs) {
                    in(ctx).record(docs, PrefectTarget.from(ctx).minor());
                } else if (tree instanceof PlainText text && text.getSourcePath().getFileName() != null
                        && DockerfileNames.is(text.getSourcePath().getFileName().toString())) {
                    in(ctx).dockerfiles.putIfAbsent(text.getSourcePath().normalize(), text.getText());
                }
                return tree;
            }
        };
    }

    private void record(Yaml.Documents docs, int targetMinor) {
        agents.record(docs, targetMinor);
        List<Build> found = ComposeBuilds.in(docs);
        if (!found.isEmpty()) {
            builds.put(docs.getSourcePath(), found);
        }
    }

    /**
     * The agent that holds the Prefect of compose file {@code docs}: one in the file as it is now (after the
     * agent-to-worker recipe, which moves agents only with {@code --unsafe-fixes}) or, in a safe run, one in the
     * project's other compose files as they were.
     */
    Optional<ComposeAgentServices.Agent> holdingCompose(Yaml.Documents docs, ExecutionContext ctx) {
        if (!ComposeFiles.isCompose(docs.getSourcePath(), ctx)) {
            return Optional.empty();
        }
        List<ComposeAgentServices.Agent> left = new ArrayList<>(ComposeAgentServices.in(docs));
        if (!FixSafety.unsafeAllowed(ctx)) {
            agents.besides(docs.getSourcePath()).stream().filter(a -> ComposeFiles.isCompose(a.file(), ctx))
                    .forEach(left::add);
        }
        return left.stream().findFirst();
    }

    /**
     * The agent that holds the image a Dockerfile builds: a compose service of a project with an agent left is built
     * from it (the agent's own service first). With {@code --unsafe-fixes} the agents become workers, so only one whose
     * command the translation cannot move holds it then.
     */
    Optional<ComposeAgentServices.Agent> holdingDockerfile(Path dockerfile, ExecutionContext ctx) {
        Path target = dockerfile.normalize();
        return holding(b -> b.dockerfile().equals(target), ctx);
    }

    /**
     * The agent that holds a file a held image installs: a requirements file or project metadata ({@code pyproject.toml},
     * {@code setup.cfg}, {@code setup.py}) that the Dockerfile of a held service copies from its build context and pip-installs
     * ({@link DockerfileInstalls}). Pinned to Prefect 3 alone, it would put Prefect 3 into the image held on 2.
     */
    Optional<ComposeAgentServices.Agent> holdingInstalled(Path file, ExecutionContext ctx) {
        Path target = file.normalize();
        return holding(b -> {
            String text = dockerfiles.get(b.dockerfile());
            return text != null && installs.computeIfAbsent(b, k -> DockerfileInstalls.of(text, k.context())).contains(target);
        }, ctx);
    }

    /**
     * The agent that holds a requirements file: a held image installs it ({@link #holdingInstalled}), or installs a
     * requirements file that includes it ({@code -r base.txt}, {@code -c constraints.txt}, as {@code includes} read them).
     */
    Optional<ComposeAgentServices.Agent> holdingRequirements(Path file, IncludedRequirements includes, ExecutionContext ctx) {
        Optional<ComposeAgentServices.Agent> own = holdingInstalled(file, ctx);
        if (own.isPresent()) {
            return own;
        }
        String p = file.toString().replace('\\', '/');
        for (String including : includes.edges().keySet()) {
            if (RequirementsIncludes.reachable(List.of(including), includes.edges(), true).contains(p)) {
                own = holdingInstalled(Path.of(including), ctx);
                if (own.isPresent()) {
                    return own;
                }
            }
        }
        return Optional.empty();
    }

    /** The agent holding the first held build {@code matches} accepts, its own service's agent first. */
    private Optional<ComposeAgentServices.Agent> holding(Predicate<Build> matches, ExecutionContext ctx) {
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        ComposeAgentServices.Agent other = null;
        for (Map.Entry<Path, List<Build>> e : builds.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (!ComposeFiles.isCompose(e.getKey(), ctx)) {
                continue;
            }
            List<ComposeAgentServices.Agent> project = agents.project(e.getKey()).stream()
                    .filter(a -> ComposeFiles.isCompose(a.file(), ctx) && (!unsafe || agents.staysAnAgent(a))).toList();
            for (Build b : e.getValue()) {
                if (project.isEmpty() || !matches.test(b)) {
                    continue;
                }
                Optional<ComposeAgentServices.Agent> own = project.stream()
                        .filter(a -> a.file().equals(b.composeFile()) && a.service().equals(b.service())).findFirst();
                if (own.isPresent()) {
                    return own;
                }
                other = other == null ? project.get(0) : other;
            }
        }
        return Optional.ofNullable(other);
    }

    /**
     * Why {@code what} (an image, a build argument, a pin) of a held project stays, and what moves it: a manual PF208
     * note, under the unsafe-fix prefix in a safe run.
     */
    static String heldNote(String what, ComposeAgentServices.Agent agent, String path, ExecutionContext ctx) {
        String where = agent.file().toString().equals(path) ? "" : " (" + agent.file() + ")";
        String why = what + " left as it is: service `" + agent.service() + "`" + where + " still runs a Prefect "
                + "agent, which a Prefect 3 server does not serve and a Prefect 3 image cannot start, so the project's "
                + "Prefect images move together with the agent's move to a worker (PF203)";
        return FixSafety.unsafeAllowed(ctx)
                ? why + ", which was not made: rewrite its command by hand (see its note), then rerun"
                : MigrationNotes.unsafeFixNotApplied(why);
    }
}
