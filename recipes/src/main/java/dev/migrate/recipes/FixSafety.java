package dev.migrate.recipes;

import org.openrewrite.ExecutionContext;

/**
 * Whether a run may apply unsafe fixes: edits that change behaviour or make a choice for the user
 * (a work pool name, a dropped flag, a newer Python). Safe edits are always applied; unsafe ones only
 * with {@code --unsafe-fixes}, and otherwise become notes that say what the fix would do.
 */
public final class FixSafety {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.unsafeFixes";

    private FixSafety() {
    }

    public static void allowUnsafe(ExecutionContext ctx, boolean allowed) {
        ctx.putMessage(CONTEXT_KEY, allowed);
    }

    /** Unsafe fixes are allowed unless a run said otherwise, so recipes behave fully in unit tests. */
    public static boolean unsafeAllowed(ExecutionContext ctx) {
        Boolean allowed = ctx.getMessage(CONTEXT_KEY);
        return allowed == null || allowed;
    }
}
