package dev.migrate.recipes.prefectcli;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectImageTags;
import dev.migrate.recipes.internal.YamlPositions;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Translates Prefect commands written as YAML sequences: a container's {@code command:} and {@code args:} in
 * Kubernetes manifests and Helm templates ({@code ["prefect", "agent", "start", "-q", "default"]}, or
 * {@code command: [prefect]} with {@code args: [agent, start, ...]}), and shell text run through
 * {@code ["/bin/sh", "-c", "prefect agent start ..."]}. The command tables are the ones the shell-line
 * recipes use (Prefect 2 and Prefect 1 commands alike), so a command changes the same way wherever it is
 * written. Compose files (also those named with {@code -f}) are left to the compose recipes, which also rename the
 * services.
 */
public class RewritePrefectCliInYamlCommands extends DeploymentQueuesRecipe {
    private static final PathMatcher COMPOSE = FileSystems.getDefault().getPathMatcher(
            "glob:**{docker-compose,compose}*.{yml,yaml}");
    private static final PathMatcher COMPOSE_AT_ROOT = FileSystems.getDefault().getPathMatcher(
            "glob:{docker-compose,compose}*.{yml,yaml}");

    @Option(displayName = "Work pool type",
            description = "The work pool type of workers that replace Prefect 2 `prefect agent start` commands "
                    + "(Prefect 1 agents name their own type). Default `kubernetes`: an agent running in a cluster "
                    + "usually started Kubernetes jobs.",
            required = false, example = "kubernetes")
    private final String poolType;

    private final transient MigrationNotes notes = new MigrationNotes(this);

    public RewritePrefectCliInYamlCommands() {
        this(null);
    }

    @JsonCreator
    public RewritePrefectCliInYamlCommands(@JsonProperty("poolType") String poolType) {
        this.poolType = poolType;
    }

    public String getPoolType() {
        return poolType;
    }

    @Override
    public String getDisplayName() {
        return "Rewrite Prefect commands in Kubernetes `command:`/`args:`";
    }

    @Override
    public String getDescription() {
        return "Replaces removed Prefect commands (`prefect agent start`, `prefect agent kubernetes start`, "
                + "`prefect deployment build/apply`, ...) in the `command:` and `args:` lists of Kubernetes "
                + "manifests and Helm templates, including `sh -c` command strings, with their Prefect 3 forms.";
    }


    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(DeploymentQueues acc) {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Documents visitDocuments(Yaml.Documents documents, ExecutionContext ctx) {
                // a compose file by name, or one the run's commands name (`docker compose -f deploy/stack.yml`)
                if (COMPOSE.matches(documents.getSourcePath()) || COMPOSE_AT_ROOT.matches(documents.getSourcePath())
                        || !documents.printAll().contains("prefect")
                        || dev.migrate.recipes.internal.ComposeFiles.isCompose(documents.getSourcePath(), ctx)) {
                    return documents;
                }
                return super.visitDocuments(documents, ctx);
            }

            @Override
            public Yaml.Mapping visitMapping(Yaml.Mapping mapping, ExecutionContext ctx) {
                Yaml.Mapping m = super.visitMapping(mapping, ctx);
                Yaml.Mapping.Entry command = entry(m, "command");
                Yaml.Mapping.Entry args = entry(m, "args");
                if (command == null && args == null) {
                    return m;
                }
                String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                int line = YamlPositions.lineOf(getCursor(), command != null ? command : args);
                return rewrite(m, command, args, path, line, ctx);
            }
        };
    }

    private Yaml.Mapping rewrite(Yaml.Mapping m, Yaml.Mapping.Entry command, Yaml.Mapping.Entry args, String path,
                                 int line, ExecutionContext ctx) {
        List<String> commandWords = words(command);
        List<String> argWords = words(args);
        if (commandWords == null && argWords == null
                || command != null && commandWords == null || args != null && argWords == null) {
            return m; // a value that is not a plain list of strings (a template expression, a scalar): not ours
        }
        List<String> cmd = commandWords == null ? List.of() : commandWords;
        List<String> arg = argWords == null ? List.of() : argWords;
        List<String> argv = new ArrayList<>(cmd);
        argv.addAll(arg);
        CliOptions options = CliRunIndexes.options(new CliOptions(poolType == null || poolType.isBlank() ? "kubernetes"
                : poolType, PrefectTarget.from(ctx).minor()), ctx, path);
        if (PrefectCommandRewriter.shellTextIndex(argv) < 0
                && !PrefectCliTranslator.isPrefect(argv.subList(PrefectCommandRewriter.commandStart(argv), argv.size()))) {
            return m;
        }
        CliTranslation t = PrefectCommandRewriter.rewriteArgv(argv, options);
        List<String> after = t.argv();
        List<String> found = t.notes();
        boolean manual = t.manual();
        if (after.equals(argv)) {
            found.forEach(n -> notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), manual, n)));
            return m;
        }
        // a translation that had to drop flags or choose a pool changes behaviour: unsafe
        if (!found.isEmpty() && !FixSafety.unsafeAllowed(ctx)) {
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true,
                    MigrationNotes.unsafeFixNotApplied(String.join(" ", after)), MigrationNotes.codeOf(found)));
            return m;
        }
        // the command list keeps as many words as it had (the executable, often the subcommand too); the rest
        // goes to args, where it was
        int split = command == null ? 0 : args == null ? after.size() : Math.min(cmd.size(), after.size() - 1);
        Yaml.Sequence newCommand = command == null ? null
                : YamlSequences.withWords((Yaml.Sequence) command.getValue(), after.subList(0, split));
        Yaml.Sequence newArgs = args == null ? null
                : YamlSequences.withWords((Yaml.Sequence) args.getValue(), after.subList(split, after.size()));
        if (command != null && newCommand == null || args != null && newArgs == null) {
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true, "quoting prevents an automatic "
                    + "edit; change the command by hand to: " + String.join(" ", after)));
            return m;
        }
        found.forEach(n -> notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), manual, n)));
        Yaml.Mapping result = m;
        java.util.Optional<String> plainImage = kubernetesWorkerImage(m, after);
        java.util.Optional<String> flavour = plainImage.flatMap(PrefectImageTags::kubernetesFlavour);
        if (flavour.isPresent()) {
            // the image is already a Prefect 3 one (the image recipe ran first): its -kubernetes flavour is the same
            // release and Python with prefect-kubernetes added, which the worker imports to start
            String flavoured = flavour.get();
            result = withImage(result, flavoured);
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false, "PF203: image `" + plainImage.get()
                    + "` is now `" + flavoured + "`: a kubernetes worker needs the prefect-kubernetes package, which "
                    + "only the image's -kubernetes flavour holds (or install it in an image of your own)"));
        } else {
            plainImage.ifPresent(image -> notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false,
                    "PF203: a kubernetes worker needs the prefect-kubernetes package, which image `" + image + "` does "
                    + "not hold: run the image's `-kubernetes` flavour (prefecthq/prefect:" + PrefectTarget.from(ctx).pin()
                    + "-pythonX.Y-kubernetes) or install prefect-kubernetes in it")));
        }
        if (command != null) {
            result = replaceEntry(result, command, newCommand);
        }
        if (args != null) {
            result = replaceEntry(result, args, newArgs);
        }
        return result;
    }

    /**
     * The container's Prefect image when the translated command starts a kubernetes worker and the image is not
     * the {@code -kubernetes} flavour, which is the one holding prefect-kubernetes.
     */
    private static java.util.Optional<String> kubernetesWorkerImage(Yaml.Mapping container, List<String> argv) {
        Yaml.Mapping.Entry image = entry(container, "image");
        if (!startsKubernetesWorker(argv) || image == null || !(image.getValue() instanceof Yaml.Scalar s)) {
            return java.util.Optional.empty();
        }
        String name = s.getValue();
        return name.contains("prefecthq/prefect:") && !name.contains("kubernetes") ? java.util.Optional.of(name)
                : java.util.Optional.empty();
    }

    /**
     * Whether the command starts a kubernetes worker: as its own list ({@code [prefect, worker, start, ..., --type,
     * kubernetes]}), or in the text a shell runs ({@code ["/bin/bash", "-c"]} with {@code args: ["pip install s3fs &&
     * prefect worker start ... --type kubernetes"]}), which needs prefect-kubernetes just the same.
     */
    private static boolean startsKubernetesWorker(List<String> argv) {
        int shellText = PrefectCommandRewriter.shellTextIndex(argv);
        if (shellText >= 0) {
            return PrefectInvocation.find(argv.get(shellText)).stream().anyMatch(i -> i.path().equals("worker start")
                    && i.option("--type", "-t").filter("kubernetes"::equals).isPresent());
        }
        int type = argv.indexOf("--type");
        return argv.contains("worker") && type >= 0 && type + 1 < argv.size() && argv.get(type + 1).equals("kubernetes");
    }

    private static Yaml.Mapping withImage(Yaml.Mapping container, String image) {
        Yaml.Mapping.Entry old = entry(container, "image");
        List<Yaml.Mapping.Entry> entries = new ArrayList<>(container.getEntries());
        entries.set(entries.indexOf(old), old.withValue(((Yaml.Scalar) old.getValue()).withValue(image)));
        return container.withEntries(entries);
    }

    private static Yaml.Mapping.Entry entry(Yaml.Mapping m, String key) {
        for (Yaml.Mapping.Entry e : m.getEntries()) {
            if (key.equals(e.getKey().getValue())) {
                return e;
            }
        }
        return null;
    }

    /** The entry's value as strings, when it is a sequence of scalars; else null. */
    private static List<String> words(Yaml.Mapping.Entry e) {
        return e == null ? null : YamlSequences.words(e.getValue());
    }

    private static Yaml.Mapping replaceEntry(Yaml.Mapping m, Yaml.Mapping.Entry old, Yaml.Sequence value) {
        if (value == old.getValue()) {
            return m;
        }
        List<Yaml.Mapping.Entry> entries = new ArrayList<>(m.getEntries());
        entries.set(entries.indexOf(old), old.withValue(value));
        return m.withEntries(entries);
    }
}
