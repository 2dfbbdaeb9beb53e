package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.sources.config.AzurePipelineTemplates;
import dev.migrate.analyzers.sources.config.GitlabJobVariables;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.analyzers.sources.config.OutsideValues;
import dev.migrate.analyzers.sources.config.PrefectVersionBuildArgs;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.ShellSegments;
import dev.migrate.recipes.internal.ShellStatements;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.recipes.internal.YamlPositions;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Translates Prefect commands in the shell steps of CI pipelines: GitHub Actions {@code run:}, GitLab CI and
 * Bitbucket Pipelines {@code script:} lists, CircleCI {@code run:} (or its {@code command:}) and Azure Pipelines
 * {@code script:}/{@code bash:} (also in a template the pipeline pulls in, {@link AzurePipelineTemplates}; and a
 * GitLab pipeline's local include of any name, {@link GitlabIncludedFiles}). Each step's text is translated as a shell script is, so an apply of the file a
 * build above wrote is commented out inside a block ({@code run: |}); a one-line list item cannot hold a comment,
 * so it becomes a comment line above the next item (a last item is removed, with a note naming it).
 */
public class RewritePrefectCliInCiYaml extends DeploymentQueuesRecipe {
    /** The keys of Azure Pipelines' shell steps, in a pipeline or in a template it pulls in. */
    private static final Set<String> AZURE_STEPS = Set.of("script", "bash");
    /** The keys of GitLab CI's shell steps, in a pipeline or in a local file it includes. */
    private static final Set<String> GITLAB_STEPS = Set.of("script", "before_script", "after_script");
    /** CI files and the keys whose values are shell steps in them. */
    private static final Map<PathMatcher, Set<String>> STEPS = Map.of(
            glob("{**/,}.github/workflows/*.{yml,yaml}"), Set.of("run"),
            glob("{**/,}.gitlab-ci.{yml,yaml}"), GITLAB_STEPS,
            glob("{**/,}.gitlab/**.{yml,yaml}"), GITLAB_STEPS,
            glob("{**/,}*.gitlab-ci.{yml,yaml}"), GITLAB_STEPS,
            glob("{**/,}bitbucket-pipelines.{yml,yaml}"), Set.of("script", "after-script"),
            glob("{**/,}.circleci/*.{yml,yaml}"), Set.of("run", "command"),
            glob("{**/,}azure-pipelines*.{yml,yaml}"), AZURE_STEPS);

    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in CI pipelines";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect deployment build/apply`, `prefect agent start` and the other removed 2.x commands in "
                + "the shell steps of GitHub Actions, GitLab CI, Bitbucket Pipelines, CircleCI and Azure Pipelines "
                + "files with their Prefect 3 forms, as in shell scripts.";
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    private static Set<String> stepKeys(Path path) {
        Set<String> keys = new HashSet<>();
        STEPS.forEach((m, k) -> {
            if (m.matches(path)) {
                keys.addAll(k);
            }
        });
        return keys;
    }


    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(DeploymentQueues acc) {
        return new YamlIsoVisitor<>() {
            private Set<String> keys = Set.of();
            /** The deployment files written by the builds of the steps visited so far in this file. */
            private Set<String> built = new HashSet<>();
            /** For each scalar of this file, the deployment files the steps after it apply. */
            private Map<UUID, Set<String>> appliedAfter = Map.of();
            /** The work pools this file's steps so far ask to create, each at the line of its command. */
            private List<PoolTypeConflicts.Created<Integer>> created = new ArrayList<>();
            /** The variables the pipeline's env/variables mappings set to one literal value. */
            private Map<String, String> variables = Map.of();
            /** The values its steps read that are set outside the repository (GitHub or GitLab variables). */
            private OutsideValues outside = OutsideValues.NONE;
            /** Every name the pipeline's env/variables mappings set, whatever the value: a step's shell has them set. */
            private Set<String> assigned = Set.of();
            /** For a GitLab file, the variables each of its lines runs with, job by job; else null. */
            private GitlabJobVariables jobVariables;
            /** Whether the file is one a GitLab pipeline of the run includes. */
            private boolean includedGitlab;

            @Override
            public Yaml.Documents visitDocuments(Yaml.Documents documents, ExecutionContext ctx) {
                keys = stepKeys(documents.getSourcePath());
                String text = documents.printAll();
                if (keys.isEmpty() && AzurePipelineTemplates.isTemplate(
                        documents.getSourcePath().toString().replace('\\', '/'), text)) {
                    keys = AZURE_STEPS; // a template a pipeline pulls in: its steps run as the pipeline's own
                } else if (keys.isEmpty() && GitlabIncludedFiles.in(ctx).isIncluded(documents.getSourcePath())) {
                    keys = GITLAB_STEPS; // ci/deploy.yml, which .gitlab-ci.yml includes: its jobs are the pipeline's
                }
                if (keys.isEmpty() || !mayRewrite(text)) {
                    return documents;
                }
                List<LiteralVariables.Assignment> assignments = LiteralVariables.ci(documents.getSourcePath().toString().replace('\\', '/'), text);
                variables = LiteralVariables.known(assignments);
                assigned = LiteralVariables.names(assignments);
                outside = OutsideValues.at(documents.getSourcePath().toString().replace('\\', '/'), assignments, Integer.MAX_VALUE);
                jobVariables = GITLAB_STEPS.equals(keys)
                        ? GitlabIncludedFiles.in(ctx).jobVariables(documents.getSourcePath(), text).orElse(null) : null;
                includedGitlab = GITLAB_STEPS.equals(keys) && GitlabIncludedFiles.in(ctx).includes(documents.getSourcePath());
                built = new HashSet<>();
                appliedAfter = appliedAfterEachScalar(documents);
                created = new ArrayList<>();
                Yaml.Documents after = super.visitDocuments(documents, ctx);
                // a pool named for deployments of different types, across the steps of this file
                created.sort(java.util.Comparator.comparingInt(PoolTypeConflicts.Created::at));
                String path = documents.getSourcePath().toString();
                for (PoolTypeConflicts.Conflict<Integer> conflict : PoolTypeConflicts.of(created)) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path, conflict.first(), getName(), true, conflict.note()));
                }
                return after;
            }

            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                if (!keys.contains(entry.getKey().getValue())) {
                    return super.visitMappingEntry(entry, ctx);
                }
                Yaml.Block value = entry.getValue();
                if (value instanceof Yaml.Scalar s) {
                    return entry.withValue(step(s, ctx));
                }
                if (value instanceof Yaml.Sequence seq) {
                    List<Yaml.Sequence.Entry> items = new ArrayList<>();
                    boolean changed = false;
                    String commented = null;
                    List<Yaml.Sequence.Entry> entries = seq.getEntries();
                    for (int i = 0; i < entries.size(); i++) {
                        Yaml.Sequence.Entry item = entries.get(i);
                        if (commented != null) {
                            item = item.withPrefix(commented + item.getPrefix()); // the comment above the next item
                            commented = null;
                            changed = true;
                        }
                        if (isApplyOfBuilt(item, ctx)) {
                            String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                            int line = YamlPositions.lineOf(getCursor(), item.getBlock());
                            if (i + 1 < entries.size()) {
                                // an item cannot hold a comment: it becomes one, above the next item
                                commented = item.getPrefix() + "# - " + ((Yaml.Scalar) item.getBlock()).getValue();
                                notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false,
                                        ShellSegments.APPLY_OF_BUILD));
                                continue;
                            }
                            if (!items.isEmpty()) {
                                // the last item: nothing below it can carry the comment, and the list stays non-empty
                                notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false, "PF202: removed "
                                        + "this last step `" + ((Yaml.Scalar) item.getBlock()).getValue() + "`: it applied "
                                        + "the file a `prefect deployment build` above wrote, and the `prefect deploy` that "
                                        + "replaces the build registers the deployment itself (translated alone it would be "
                                        + "`prefect deploy --all`, which deploys whatever prefect.yaml is there)"));
                                changed = true;
                                continue;
                            }
                        }
                        Yaml.Sequence.Entry after = item.getBlock() instanceof Yaml.Scalar s
                                ? item.withBlock(step(s, ctx)) : item;
                        changed |= after != item;
                        items.add(after);
                    }
                    return changed ? entry.withValue(seq.withEntries(items)) : entry;
                }
                return super.visitMappingEntry(entry, ctx); // CircleCI `run: {command: ...}`
            }

            /**
             * Whether a list item is a plain one-line {@code prefect deployment apply} of files an item above built.
             */
            private boolean isApplyOfBuilt(Yaml.Sequence.Entry item, ExecutionContext ctx) {
                return FixSafety.unsafeAllowed(ctx) && item.getBlock() instanceof Yaml.Scalar s
                        && s.getStyle() == Yaml.Scalar.Style.PLAIN && BuiltDeploymentFiles.appliesOnly(s.getValue(), built);
            }

            private Yaml.Scalar step(Yaml.Scalar s, ExecutionContext ctx) {
                String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                String shell = YamlShellScalars.toShell(s);
                if (shell == null) {
                    if (s.getValue().contains("prefect ")) {
                        notes.insertRow(ctx, new MigrationNotes.Row(path, YamlPositions.lineOf(getCursor(), s),
                                getName(), true, "the line breaks of this folded step keep their meaning; check its "
                                + "Prefect commands by hand"));
                    }
                    return s;
                }
                if (!mayRewrite(shell)) {
                    return s;
                }
                boolean block = s.getStyle() == Yaml.Scalar.Style.LITERAL || s.getStyle() == Yaml.Scalar.Style.FOLDED;
                ShellSegments.Result r;
                if (jobVariables == null) {
                    r = translate(shell, s, block, variables, outside, assigned, ctx);
                } else {
                    // a GitLab line runs in each job that takes it (a template's, through extends:), with that job's
                    // variables over its templates': written only if every job's reading gives the same text
                    int line = YamlPositions.lineOf(getCursor(), s);
                    Map<String, List<LiteralVariables.Assignment>> jobs = jobVariables.jobsAt(line);
                    List<List<LiteralVariables.Assignment>> readings = jobs.isEmpty() ? List.of(jobVariables.at(line))
                            : new ArrayList<>(jobs.values());
                    r = null;
                    boolean differ = false;
                    for (List<LiteralVariables.Assignment> reading : readings) {
                        ShellSegments.Result one = translate(shell, s, block, LiteralVariables.known(reading),
                                OutsideValues.at(gitlabSettings(path), reading, Integer.MAX_VALUE),
                                LiteralVariables.names(reading), ctx);
                        differ |= r != null && !r.text().equals(one.text());
                        r = r == null ? one : r;
                    }
                    if (differ) {
                        notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true, "the jobs "
                                + String.join(", ", jobs.keySet()) + " run this line with different values of "
                                + (differing(readings).isEmpty() ? "its variables" : String.join(", ", differing(readings)))
                                + " (each job's variables over its templates'): "
                                + "a translation right for one is wrong for another, so it is left as it is; give each "
                                + "job its own line, or translate it by hand"));
                        return s;
                    }
                }
                String after = YamlShellScalars.fromShell(s, r.text());
                int first = YamlPositions.lineOf(getCursor(), s);
                boolean fits = YamlShellScalars.fits(s, s.getValue(), after);
                for (ShellSegments.Note n : r.notes()) {
                    int line = first == 0 ? 0 : first + TextPositions.lineOf(shell, n.offset()) - 1;
                    MigrationNotes.Row row = new MigrationNotes.Row(path, line, getName(), n.manual() || !fits, n.message());
                    notes.insertRow(ctx, row);
                }
                for (PoolTypeConflicts.Created<Integer> c : r.created()) {
                    created.add(new PoolTypeConflicts.Created<>(c.pool(),
                            first == 0 ? 0 : first + TextPositions.lineOf(shell, c.at()) - 1));
                }
                if (!fits) {
                    notes.insertRow(ctx, new MigrationNotes.Row(path, first, getName(), true, "the quoting of this "
                            + "step cannot hold the translation; change it by hand to: " + after.strip()));
                    return s;
                }
                return after.equals(s.getValue()) ? s : s.withValue(after);
            }

            /** The step's shell translated with one reading of the variables. */
            private ShellSegments.Result translate(String shell, Yaml.Scalar s, boolean block, Map<String, String> variables,
                                                   OutsideValues outside, Set<String> assigned, ExecutionContext ctx) {
                CliOptions options = CliRunIndexes.options(new CliOptions("process", PrefectTarget.from(ctx).minor(),
                        appliedAfter.getOrDefault(s.getId(), Set.of())).withVariables(variables).withOutside(outside), ctx,
                        getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString());
                return ShellSegments.translate(shell, ShellStatements.of(shell), built, where -> block,
                        options, (where, text, o) -> PrefectCommandRewriter.rewrite(text, o), FixSafety.unsafeAllowed(ctx),
                        List.of(), false, assigned);
            }

            /** Whether a name the pipeline never sets is read from the project's CI/CD settings in this file. */
            private boolean gitlabSettings(String path) {
                String file = path.replace('\\', '/');
                return includedGitlab || file.substring(file.lastIndexOf('/') + 1).equals(".gitlab-ci.yml");
            }
        };
    }

    /** The names the jobs' readings give different values (or a value in one, none in another), in order. */
    private static List<String> differing(List<List<LiteralVariables.Assignment>> readings) {
        List<Map<String, String>> known = readings.stream().map(LiteralVariables::known).toList();
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        readings.forEach(reading -> reading.forEach(a -> {
            if (known.stream().map(k -> k.get(a.name())).distinct().count() > 1) {
                out.add(a.name());
            }
        }));
        return new ArrayList<>(out);
    }
    /** Whether a text may hold something to rewrite: a prefect command, or a --build-arg setting Prefect's version. */
    private static boolean mayRewrite(String text) {
        return text.contains("prefect") || text.contains(PrefectVersionBuildArgs.FLAG);
    }

    /**
     * For each scalar of the file, the deployment files applied by the scalars after it: steps run in file order,
     * so a build in one step and its apply in a later one are a pair.
     */
    private static Map<UUID, Set<String>> appliedAfterEachScalar(Yaml.Documents documents) {
        List<Yaml.Scalar> scalars = new ArrayList<>();
        new YamlIsoVisitor<Integer>() {
            @Override
            public Yaml.Scalar visitScalar(Yaml.Scalar scalar, Integer p) {
                scalars.add(scalar);
                return scalar;
            }
        }.visit(documents, 0);
        Map<UUID, Set<String>> out = new HashMap<>();
        Set<String> after = new HashSet<>();
        for (int i = scalars.size() - 1; i >= 0; i--) {
            if (!after.isEmpty()) {
                out.put(scalars.get(i).getId(), Set.copyOf(after));
            }
            String shell = YamlShellScalars.toShell(scalars.get(i));
            if (shell != null && shell.contains("apply")) {
                after.addAll(BuiltDeploymentFiles.appliedBy(shell));
            }
        }
        return out;
    }
}
