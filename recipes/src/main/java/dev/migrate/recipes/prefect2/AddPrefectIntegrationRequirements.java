package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.HashedRequirements;
import dev.migrate.analyzers.sources.config.RequirementsFiles;
import dev.migrate.analyzers.sources.runtime.IncludedRequirements;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.analyzers.rules.PrefectIntegrations;
import dev.migrate.recipes.python.PrefectBlocks;
import dev.migrate.recipes.python.PrefectMoves;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;

/**
 * Adds the Prefect integration packages ({@code prefect-aws}, {@code prefect-dask}, ...) that the migrated
 * Python code imports to the requirements file of its project. The scan looks at each Python file's imports
 * as they will be once migrated: names the moved map sends to an integration ({@code DaskTaskRunner} to
 * {@code prefect_dask}) and storage blocks that become an integration's source ({@code S3} to
 * {@code prefect_aws.S3Bucket}) count as well as integrations already imported, and an integration's infrastructure
 * block needs its work pool's worker package ({@code prefect-gcp[aiplatform]} for {@code VertexAICustomTrainingJob},
 * the Vertex AI worker importing google-cloud-aiplatform). A requirements file
 * ({@code pyproject.toml}, {@code setup.cfg}) serves the Python files in its directory and below (in a
 * {@code requirements/} directory, its parent's), and only files that already require {@code prefect} are edited.
 * A file a requirements file includes with {@code -r} ({@code requirements.txt} holding only
 * {@code -r deps/base.txt}) is edited when it is the one that lists prefect, for the Python files the including
 * requirements files serve; a file read only as constraints ({@code -c}, or named {@code constraints*.txt}) installs
 * nothing and is left alone. A requirements file locked with {@code --hash} lines gets a manual note instead: pip
 * refuses an added line without hashes there, so the packages belong in the lock's input. A file the Dockerfile of a
 * compose service held on Prefect 2 installs, or one such a file includes ({@link HeldComposeProjects}), gets nothing
 * in a safe run, only a manual PF208 note naming the agent: each package is added at its first Prefect 3 release,
 * which requires Prefect 3 and so cannot be installed beside the held pin. It is added with {@code --unsafe-fixes},
 * when the agent moves to a worker. A {@code setup.py} lists its requirements in Python code and is not edited: one
 * that requires {@code prefect} but not a package the code it serves imports gets a manual PF208 note naming it.
 */
public class AddPrefectIntegrationRequirements extends ScanningRecipe<AddPrefectIntegrationRequirements.Needs> {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");
    /** A string literal in a setup.py that starts a {@code prefect} requirement ({@code "prefect==2.14.9"}). */
    private static final Pattern SETUP_PY_PREFECT = Pattern.compile("(?i)[\"']prefect[ \\t]*(?:[<>=!~;\\[\"'])");

    /** What the Python files need, by directory, and what requirements files include. */
    public static class Needs {
        final Map<Path, Set<String>> packages = new HashMap<>();
        final IncludedRequirements requirements = new IncludedRequirements();
        /** The run's answers of {@link #packagesNamed}: every file imports much the same few dozen names. */
        final Map<String, Set<String>> byImportedName = new HashMap<>();
        /** The target those answers are for (one per run). */
        PrefectTarget target;
    }

    @Override
    public String getDisplayName() {
        return "Add the Prefect integrations the migrated code imports to requirements";
    }

    @Override
    public String getDescription() {
        return "Adds `prefect-aws`, `prefect-gcp`, `prefect-azure`, `prefect-dask` and the other integration packages "
                + "that migrated Python code imports (storage sources, moved task runners and blocks) next to `prefect` in "
                + "the requirements file, `pyproject.toml` or `setup.cfg` that lists it, at their first release that "
                + "supports Prefect 3.";
    }

    @Override
    public Needs getInitialValue(ExecutionContext ctx) {
        return new Needs();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Needs acc) {
        Map<Path, Set<String>> needed = acc.packages;
        TreeVisitor<?, ExecutionContext> compose = HeldComposeProjects.scanner();
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                compose.visit(tree, ctx);
                if (tree instanceof PlainText text) {
                    acc.requirements.offer(text.getSourcePath().toString(), text.getText());
                }
                // every name that leads to an integration package is spelt with "prefect" (prefect_aws.S3Bucket,
                // prefect.filesystems.S3): a file without the word imports none, and is not walked
                if (tree instanceof PythonFile file && !file.hasSyntaxErrors() && PythonCode.mentions(file, "prefect")) {
                    Set<String> packages = packagesImported(file, acc, PrefectTarget.from(ctx), FixSafety.unsafeAllowed(ctx));
                    if (!packages.isEmpty()) {
                        Path dir = file.getSourcePath().getParent() == null ? Path.of("") : file.getSourcePath().getParent();
                        needed.computeIfAbsent(dir, d -> new TreeSet<>()).addAll(packages);
                    }
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Needs acc) {
        Map<Path, Set<String>> needed = acc.packages;
        Set<String> installed = acc.requirements.installed();
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof PythonFile file && file.getSourcePath().endsWith("setup.py")) {
                    noteSetupPy(file, needed, ctx);
                    return tree;
                }
                if (!(tree instanceof PlainText text)) {
                    return tree;
                }
                String path = text.getSourcePath().toString().replace('\\', '/');
                String name = path.substring(path.lastIndexOf('/') + 1);
                boolean named = RequirementsFiles.isRequirements(path);
                boolean included = !named && installed.contains(path);
                boolean requirements = named || included;
                // a file read only as constraints (-c) installs nothing: a package added there would not be installed
                if (!requirements && !name.equals("pyproject.toml") && !name.equals("setup.cfg")
                        || requirements && acc.requirements.onlyConstrains(path)) {
                    return tree;
                }
                String body = text.getText();
                // an included file serves the Python files of the requirements files that install from it
                List<Path> served = included
                        ? acc.requirements.installedThrough(path).stream().map(r -> projectDir(Path.of(r))).toList()
                        : List.of(projectDir(text.getSourcePath()));
                List<String> missing = new ArrayList<>();
                for (String pkg : neededUnder(served, needed)) {
                    // a package already required (with or without extras) is left as it is
                    String required = RequirementInserts.name(pkg);
                    if (!Pattern.compile("(?mi)(?:^|[\"'\\s])" + Pattern.quote(required) + "(?![A-Za-z0-9_.-])").matcher(body).find()) {
                        missing.add(pkg);
                    }
                }
                if (missing.isEmpty()) {
                    return tree;
                }
                String after = requirements ? RequirementInserts.requirementsTxt(body, missing)
                        : name.equals("setup.cfg") ? RequirementInserts.setupCfg(body, missing)
                        : RequirementInserts.pyproject(body, missing);
                boolean hashed = requirements && HashedRequirements.anyIn(body);
                Optional<ComposeAgentServices.Agent> heldBy = after == null && !hashed ? Optional.empty()
                        : HeldComposeProjects.in(ctx).holdingRequirements(text.getSourcePath(), acc.requirements, ctx);
                if (heldBy.isPresent()) {
                    // each package's first Prefect 3 release requires Prefect 3: added to a file the image held on
                    // Prefect 2 installs, it would fail that install beside the held pin, or pull Prefect 3 in
                    String at = text.getSourcePath().toString();
                    notes.insertRow(ctx, new MigrationNotes.Row(at, firstChangedLine(body, after), getName(), true,
                            HeldComposeProjects.heldNote("this file, without " + String.join(", ", missing.stream()
                                    .map(p -> "`" + RequirementInserts.requirement(p) + "`").toList())
                                    + " that the migrated code imports,", heldBy.get(), at, ctx), "PF208"));
                    return tree;
                }
                if (hashed) {
                    // pip reads a file with hashes in hash-checking mode and refuses a line without them: the packages
                    // go into the lock's input, and the lock is compiled again
                    notes.insertRow(ctx, new MigrationNotes.Row(text.getSourcePath().toString(), 1, getName(), true,
                            "the migrated code needs " + String.join(", ", missing.stream().map(RequirementInserts::requirement).toList())
                            + ", not added to this file, which is locked with --hash lines (a line without hashes "
                            + "would fail the install): add them to its input and "
                            + HashedRequirements.recompile("prefect>=3")));
                    return tree;
                }
                return after == null ? tree : text.withText(after);
            }
        };
    }

    /**
     * A {@code setup.py} is Python, whose requirements this recipe does not edit: one that requires {@code prefect} and
     * lacks packages the code it installs imports gets a manual PF208 note on its {@code prefect} requirement, naming
     * them, so the image or environment built from it does not fail at the import (held on Prefect 2 by a compose
     * agent, the note says so: those packages require Prefect 3).
     */
    private void noteSetupPy(PythonFile file, Map<Path, Set<String>> needed, ExecutionContext ctx) {
        if (file.hasSyntaxErrors() || !PythonCode.mentions(file, "prefect")) {
            return;
        }
        String body = file.printAll();
        java.util.regex.Matcher prefect = SETUP_PY_PREFECT.matcher(body);
        if (!prefect.find()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String pkg : neededUnder(List.of(projectDir(file.getSourcePath())), needed)) {
            String required = RequirementInserts.name(pkg);
            if (!Pattern.compile("(?i)[\"']" + Pattern.quote(required) + "(?![A-Za-z0-9_.-])").matcher(body).find()) {
                missing.add(RequirementInserts.requirement(pkg));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String at = file.getSourcePath().toString();
        int line = (int) body.substring(0, prefect.start()).chars().filter(c -> c == '\n').count() + 1;
        String packages = String.join(", ", missing.stream().map(p -> "`" + p + "`").toList());
        Optional<ComposeAgentServices.Agent> heldBy = HeldComposeProjects.in(ctx).holdingInstalled(file.getSourcePath(), ctx);
        String message = heldBy.isPresent()
                ? HeldComposeProjects.heldNote("this file, without " + packages + " that the migrated code imports,",
                        heldBy.get(), at, ctx)
                : "the migrated code needs " + packages + ", not added to this setup.py (its requirements are "
                        + "Python code): add them to its install_requires beside prefect";
        notes.insertRow(ctx, new MigrationNotes.Row(at, line, getName(), true, message, "PF208"));
    }

    /** The 1-based line where {@code after} first differs from {@code before} (where the packages would go), or 1. */
    private static int firstChangedLine(String before, String after) {
        if (after == null) {
            return 1;
        }
        List<String> was = before.lines().toList();
        List<String> now = after.lines().toList();
        int i = 0;
        while (i < was.size() && i < now.size() && was.get(i).equals(now.get(i))) {
            i++;
        }
        return i + 1;
    }

    /** The directory whose Python files a requirements file serves. */
    private static Path projectDir(Path requirements) {
        Path dir = requirements.getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("requirements")) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("") : dir;
    }

    /**
     * The packages the Python files under any of {@code dirs} need, one per package name: {@code prefect-gcp} and
     * {@code prefect-gcp[aiplatform]} (a Vertex AI worker's) give the one with the extra.
     */
    private static Set<String> neededUnder(List<Path> dirs, Map<Path, Set<String>> needed) {
        Map<String, String> byName = new java.util.TreeMap<>();
        needed.forEach((d, packages) -> {
            if (dirs.stream().anyMatch(dir -> dir.toString().isEmpty() || d.startsWith(dir))) {
                packages.forEach(p -> byName.merge(RequirementInserts.name(p), p, (a, b) -> a.contains("[") ? a : b));
            }
        });
        return new TreeSet<>(byName.values());
    }

    /** The integration packages a file imports, or will once its Prefect 2 names have moved. */
    private static Set<String> packagesImported(PythonFile file, Needs acc, PrefectTarget target, boolean unsafeFixes) {
        if (!target.equals(acc.target)) {
            acc.byImportedName.clear();
            acc.target = target;
        }
        Set<String> out = new TreeSet<>();
        for (ImportBinding b : Imports.of(file.module()).all()) {
            // the answer depends on the name and the target only: looked up once per run (the moves, blocks and
            // integrations are asked about each of the some 6,500 imports of 1,000 files otherwise)
            out.addAll(acc.byImportedName.computeIfAbsent(b.qualifiedName(), q -> packagesNamed(q, target)));
        }
        if (unsafeFixes && PythonCode.mentions(file, "filesystems")) {
            // blocks a script builds become an integration's block, which may not be the deployment source's
            // (prefect_github.GitHubRepository for GitHub, whose source is prefect's own GitRepository)
            ReplaceRemovedStorageBlocks.classesWritten(file).forEach(c -> integration(c).ifPresent(out::add));
        }
        if (unsafeFixes) {
            // Block.load("s3-bucket/code") and result_storage="s3-bucket/results" load prefect_aws's block by its slug
            ReplaceRemovedStorageBlockSlugs.classesLoaded(file).forEach(c -> integration(c).ifPresent(out::add));
        }
        return out;
    }

    /** The integration packages importing {@code q} needs once its Prefect 2 name has moved. */
    private static Set<String> packagesNamed(String q, PrefectTarget target) {
        Set<String> out = new TreeSet<>();
        integration(q).ifPresent(out::add);
        PrefectMoves.get().target(q, target).flatMap(AddPrefectIntegrationRequirements::integration).ifPresent(out::add);
        PrefectBlocks.get().storage(q).ifPresent(s -> {
            integration(s.sourceClass()).ifPresent(out::add);
        });
        // an integration's infrastructure block: its work pool's worker needs the package, with the extra the
        // worker imports (prefect-gcp[aiplatform] for Vertex AI)
        PrefectBlocks.get().infrastructure(q).map(PrefectBlocks.Infrastructure::workerPackage).ifPresent(out::add);
        return out.isEmpty() ? Set.of() : Set.copyOf(out);
    }

    /** {@code prefect_aws.S3Bucket} is in {@code prefect-aws}, when that is a known integration. */
    private static Optional<String> integration(String dotted) {
        String top = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
        if (!top.startsWith("prefect_")) {
            return Optional.empty();
        }
        String pkg = top.replace('_', '-');
        return PrefectIntegrations.firstPrefect3Release(pkg) == null ? Optional.empty() : Optional.of(pkg);
    }
}
