package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.SleepLoopCycle;
import java.util.Optional;

/**
 * A home-made scheduler the scan's loop detector found (PYS003, with the interval it read), as the migration takes
 * it: a {@code while} loop inside a function that calls a function of the same module without arguments (one cycle)
 * and then sleeps (seed 000's scheduler.py). Which loops are schedulers and how long they sleep is the detector's
 * call alone (sub-second redraws, back-offs that leave, error handlers' sleeps), and which of them have such a cycle
 * is {@link SleepLoopCycle}'s, which the scan reads too to say whether its finding is fixed: the scan and the
 * migration never disagree. Read from the syntax tree only; the script is never imported or run.
 *
 * @param entryPoint the module-level function each cycle calls
 * @param line       1-based line of the loop
 */
public record SleepLoop(String path, String entryPoint, int line) {

    /** The loop around {@code sleepLine} (the line of the sleep the scan read), if it has such a cycle. */
    public static Optional<SleepLoop> around(String path, String text, int sleepLine) {
        return SleepLoopCycle.around(path, text, sleepLine).map(c -> new SleepLoop(path, c.entryPoint(), c.line()));
    }
}
