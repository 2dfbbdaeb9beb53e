package dev.migrate.recipes.prefect2;

import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.TreeVisitor;

/**
 * A recipe that leaves what a held compose project runs or builds on Prefect 2 in a safe run: every such recipe of a
 * run shares one {@link HeldComposeProjects}, filled by one scan, so each reads the same hold.
 */
abstract class HeldComposeRecipe extends ScanningRecipe<HeldComposeProjects> {
    @Override
    public final HeldComposeProjects getInitialValue(ExecutionContext ctx) {
        return HeldComposeProjects.in(ctx);
    }

    @Override
    public final TreeVisitor<?, ExecutionContext> getScanner(HeldComposeProjects acc) {
        return HeldComposeProjects.scanner();
    }
}
