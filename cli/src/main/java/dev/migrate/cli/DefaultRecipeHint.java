package dev.migrate.cli;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.legacy.internal.LegacyJobKinds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code migrate rewrite PATH} without {@code --recipe} leaves alone. The default recipe moves Prefect 2 code;
 * a Prefect 1 project or a host of crontabs run through it reads "0 file(s) changed" and passes for done. The scan's
 * own detectors (they never run the code) find the Prefect 1 flows and legacy jobs, and the hint names the recipe
 * for each.
 */
final class DefaultRecipeHint {
    static final String PREFECT1_RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect1";
    static final String LEGACY_RECIPE = "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun";
    private static final int SHOWN = 3;

    private DefaultRecipeHint() {
    }

    /** The hint's lines for {@code path} (empty when the default recipe covers every job found). */
    static List<String> lines(Path path) throws IOException {
        Inventory inventory = Scanner.standard(ScanOptions.defaults()).scan(path, path.toString(), ScanListener.NONE);
        List<Job> prefect1 = new ArrayList<>();
        Map<String, Integer> legacy = new TreeMap<>();
        for (Job j : inventory.jobs()) {
            if (j.kind() == JobKind.PREFECT1_FLOW) {
                prefect1.add(j);
            } else if (LegacyJobKinds.MOVED.contains(j.kind())) {
                legacy.merge(j.kind().slug(), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        if (prefect1.isEmpty() && legacy.isEmpty()) {
            return out;
        }
        // the command as the user would type it again: a path with shell-special characters is quoted
        String shown = path.toString().matches("[A-Za-z0-9_./@%+=:,-]+") ? path.toString()
                : "'" + path.toString().replace("'", "'\\''") + "'";
        out.add("hint: no --recipe was given, so only Prefect 2 code and config were migrated ("
                + RecipeCatalog.DEFAULT_RECIPE + "); this tree also holds:");
        if (!prefect1.isEmpty()) {
            List<String> where = prefect1.stream().limit(SHOWN).map(j -> j.source().path() + ":" + j.source().line()).toList();
            out.add("  " + prefect1.size() + " Prefect 1 flow(s) (" + String.join(", ", where)
                    + (prefect1.size() > SHOWN ? ", ..." : "") + "): migrate rewrite " + shown + " --recipe "
                    + PREFECT1_RECIPE + " --dry-run");
        }
        if (!legacy.isEmpty()) {
            int n = legacy.values().stream().mapToInt(Integer::intValue).sum();
            List<String> kinds = legacy.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
            out.add("  " + n + " legacy scheduled job(s) (" + String.join(", ", kinds) + "): migrate rewrite " + shown
                    + " --recipe " + LEGACY_RECIPE + " --dry-run (then the Cutover and Cleanup phases, docs/legacy.md)");
        }
        return out;
    }
}
