package dev.migrate.cli;

import dev.migrate.analyzers.model.Redactor;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.FileChange;
import dev.migrate.recipes.engine.ProjectFiles;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openrewrite.Recipe;
import org.openrewrite.config.RecipeDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migrate rewrite}: run the migration recipes as a dry-run diff, a patch file, or in place. */
@Command(
        name = "rewrite",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Rewrite code and config to the Prefect 3 model.",
        description = {
            // one string per paragraph: picocli wraps it to the terminal's width
            "Runs OpenRewrite recipes over PATH. Without --dry-run or --patch, safe edits are written in place, "
                    + "atomically, keeping encodings, line endings and file modes. A file whose result would not "
                    + "parse is never written. Running it twice changes nothing the second time.",
            "",
            "Examples:",
            "  migrate rewrite samples/k2-platform --dry-run",
            "  migrate rewrite . --unsafe-fixes --patch prefect3.patch",
            "  migrate rewrite . --target 3.2 --fail-on manual",
            "  migrate rewrite --list",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done (with --fail-on manual: no manual item left)",
            "  1  manual items left, with --fail-on manual",
            "  2  invalid input (unknown recipe or target, bad --option, missing PATH)",
            "  3  environment problem (unreadable PATH, cannot write a file or --patch)",
            "  4  a recipe failed on a file, which was left unchanged (a bug: please report it)"
        })
public final class RewriteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Project directory or file (default: .).")
    Path path = Path.of(".");

    @Mixin
    HostZoneOption hostZone;

    @Option(names = "--recipe", paramLabel = "NAME",
            description = "Recipe to run; repeatable (default: " + RecipeCatalog.DEFAULT_RECIPE + ").")
    List<String> recipes = List.of();

    @Option(names = "--dry-run", description = "Print a unified diff (for git apply) and change nothing.")
    boolean dryRun;

    @Option(names = "--patch", paramLabel = "FILE", description = "Write the diff to FILE, for a pull request, and change nothing.")
    Path patch;

    @Option(names = "--unsafe-fixes", description = "Also apply fixes that change behaviour or choose for you (work pools, dropped flags).")
    boolean unsafeFixes;

    @Option(names = "--target", paramLabel = "3.x", description = "Prefect 3 minor release to target (default: 3.8).")
    String target = "3.8";

    @Option(names = "--fail-on", paramLabel = "manual", description = "Exit 1 when manual items remain ('manual').")
    String failOn;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "An option of the --recipe class, repeatable (e.g. phase=cutover, offsetMinutes=10).")
    Map<String, String> options = new java.util.LinkedHashMap<>();

    @Option(names = "--list", description = "List the available recipes with their descriptions (and the --option each recipe class takes) and exit.")
    boolean list;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecipeCatalog catalog = RecipeCatalog.load();
        if (list) {
            for (RecipeDescriptor d : catalog.descriptors()) {
                out.println(d.getName());
                out.println("    " + d.getDisplayName() + ". " + d.getDescription().replaceAll("\\s+", " "));
                // what --option takes, for the recipe classes that have options
                d.getOptions().forEach(o -> out.println("    --option " + o.getName() + "=" + (o.getValid() == null
                        || o.getValid().isEmpty() ? (o.getExample() == null ? "VALUE" : o.getExample())
                        : String.join("|", o.getValid())) + (o.isRequired() ? " (required)" : "") + ": "
                        + (o.getDescription() == null ? o.getDisplayName() : o.getDescription().replaceAll("\\s+", " "))));
            }
            return ExitCode.OK.code();
        }
        if (failOn != null && !failOn.equals("manual")) {
            throw CliException.invalidInput("--fail-on takes 'manual', not '" + failOn + "'");
        }
        PrefectTarget prefectTarget;
        Recipe recipe;
        try {
            prefectTarget = PrefectTarget.parse(target);
            recipe = options.isEmpty() ? RecipeOptions.validated(catalog.activate(recipes.isEmpty()
                    ? List.of(RecipeCatalog.DEFAULT_RECIPE) : recipes), catalog) : RecipeOptions.build(recipes, options, catalog);
            recipe = RecipeHostZone.given(recipe, hostZone.resolve(path).zone());
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        if (!Files.exists(path)) {
            // as for scan and cutover: the argument names nothing, so the input is wrong, not the machine
            throw CliException.invalidInput("PATH " + path + " does not exist; give the project's directory or a file to rewrite");
        }
        if (patch != null) {
            OutputPaths.inExistingDirectory("--patch", patch);
        }

        RewriteResult result = new RewriteEngine(recipe, prefectTarget, unsafeFixes).run(path);
        boolean writes = !dryRun && patch == null;
        if (dryRun) {
            // the diff quotes the user's files, secrets included: the terminal gets them masked; a patch that
            // applies, secrets and all, goes only to a file the user names
            String shown = MaskedPatch.of(result.patch(), afterTexts(result));
            out.print(shown);
            out.flush();
            if (!shown.equals(result.patch())) {
                err.println("migrate: secrets in the diff are shown as " + Redactor.MASK + ": do not apply this diff (it "
                        + "would fail there, or write " + Redactor.MASK + " into your files); write an applicable patch with "
                        + "--patch FILE");
            }
        }
        if (patch != null) {
            Files.writeString(patch, result.patch(), StandardCharsets.UTF_8);
        }
        if (writes) {
            RewriteEngine.apply(path, result);
        }
        // With --dry-run the diff owns stdout, so that `migrate rewrite --dry-run > x.patch` works.
        summarize(dryRun ? err : out, result, prefectTarget, writes);
        if (recipes.isEmpty()) {
            PrintWriter w = dryRun ? err : out;
            DefaultRecipeHint.lines(path).forEach(w::println);
            w.flush();
        }
        if (!result.failures().isEmpty()) {
            result.failures().forEach(f -> err.println("migrate: internal error in a recipe (its file was left unchanged): " + f));
            err.println("This is a bug in migrate. Please report it with the file that triggered it.");
            err.flush();
            return ExitCode.INTERNAL.code();
        }
        return failOn != null && result.manualItems() > 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    /**
     * The text of each changed file after the rewrite, by the path its diff names it with: the masking of the diff
     * reads the fields above each hunk there. Decoded as UTF-8 for its structure only; a byte that is not UTF-8 only
     * makes a character the masking does not look at.
     */
    private static Map<String, String> afterTexts(RewriteResult result) {
        Map<String, String> out = new HashMap<>();
        for (FileChange c : result.changes()) {
            if (c.after() != null) {
                out.put(c.path().toString().replace('\\', '/'), new String(c.after(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private void summarize(PrintWriter w, RewriteResult r, PrefectTarget t, boolean written) {
        w.printf("migrate rewrite: %d file(s) %s, %d refused, %d file(s) read (target Prefect %s%s)%n",
                r.changes().size(), written ? "changed" : "would change", r.refused().size(), r.filesRead(), t.pin(),
                unsafeFixes ? ", unsafe fixes on" : "");
        Map<String, Integer> byRecipe = new TreeMap<>();
        for (FileChange c : r.changes()) {
            c.recipes().forEach(name -> byRecipe.merge(name, 1, Integer::sum));
        }
        if (!byRecipe.isEmpty()) {
            w.println("edits by recipe:");
            byRecipe.forEach((name, n) -> w.printf("  %-70s %d file(s)%n", name, n));
        }
        for (RewriteResult.Refused f : r.refused()) {
            w.println("refused " + f.path() + ": " + Redactor.redactSource(f.reason(), true));
        }
        // a file that does not parse (or could not be read) was not migrated: say so, or it passes for done;
        // binary files (images, archives) are expected in a project and not listed
        for (ProjectFiles.Skipped s : r.skipped()) {
            if (!s.reason().equals("binary content")) {
                w.println("not rewritten " + shown(s.path()) + ": " + s.reason());
            }
        }
        List<MigrationNotes.Row> manual = r.notes().stream().filter(MigrationNotes.Row::manual).toList();
        List<MigrationNotes.Row> decisions = r.notes().stream().filter(n -> !n.manual()).toList();
        if (!decisions.isEmpty()) {
            w.println("decisions to review (" + decisions.size() + "):");
            decisions.forEach(n -> w.println("  " + where(n) + ": " + Redactor.redactSource(n.text(), true)));
        }
        if (!manual.isEmpty()) {
            w.println("manual items left (" + manual.size() + "):");
            manual.forEach(n -> w.println("  " + where(n) + ": " + Redactor.redactSource(n.text(), true)));
        }
        w.flush();
    }

    private String shown(Path file) {
        Path base = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException otherRoot) {
            return file.toString();
        }
    }

    private static String where(MigrationNotes.Row n) {
        return n.line() > 0 ? n.sourcePath() + ":" + n.line() : n.sourcePath();
    }
}
