package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.sources.python.LoopCycles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cycle of a sleep loop: what a backfill runs once per missed window. The script itself never ends (its loop sleeps
 * and starts again), so running it "once per window" starts another scheduler beside the one the rollback re-enabled.
 * The cycle is the loop's body without its sleep; when that body calls functions of the script's own module with no
 * arguments ({@code run_cycle()}), those are its unit of work, and when the loop sits in a function that importing the
 * module does not start, {@code python -c 'import scheduler; scheduler.run_cycle()'} runs exactly one cycle. Read from
 * what the scan's loop detector recorded on the job ({@link LoopCycles}), never from the script again: the plan says
 * what the scan saw.
 *
 * @param script     the script's file name
 * @param firstLine  the loop's {@code while} line
 * @param lastLine   the line its body ends on (its sleep, mostly)
 * @param work       the module's own functions the body calls with no arguments, in order; empty when none
 * @param importable whether importing the module runs nothing of the loop (it is in a function that only an
 *                   {@code if __name__ == "__main__":} block calls)
 */
record LoopCycle(String script, int firstLine, int lastLine, List<String> work, boolean importable) {

    /** The cycle the scan recorded for sleep loop {@code loop}, or empty (another kind, or a job without that record). */
    static Optional<LoopCycle> of(Job loop) {
        if (loop == null || loop.kind() != JobKind.PYTHON_SLEEP_LOOP) {
            return Optional.empty();
        }
        Map<String, String> a = loop.attributes();
        try {
            int first = Integer.parseInt(a.getOrDefault(LoopCycles.FIRST_LINE, ""));
            int last = Integer.parseInt(a.getOrDefault(LoopCycles.LAST_LINE, ""));
            String work = a.get(LoopCycles.WORK);
            String path = loop.source().path();
            return Optional.of(new LoopCycle(path.substring(path.lastIndexOf('/') + 1), first, last,
                    work == null || work.isEmpty() ? List.of() : Arrays.asList(work.split(",")),
                    Boolean.parseBoolean(a.get(LoopCycles.IMPORTABLE))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a job the loop detector did not describe (a recipe's manifest, an older scan)
        }
    }

    /** The module name {@code import} takes for the script: its file name without {@code .py}, when that is one. */
    Optional<String> module() {
        String name = script.endsWith(".py") ? script.substring(0, script.length() - 3) : script;
        return name.matches("[A-Za-z_]\\w*") ? Optional.of(name) : Optional.empty();
    }

    /** The Python that runs one cycle, {@code import scheduler; scheduler.run_cycle()}; empty when none is safe. */
    Optional<String> oneCycle() {
        if (work.isEmpty() || !importable || module().isEmpty()) {
            return Optional.empty();
        }
        String mod = module().get();
        return Optional.of("import " + mod + "; " + String.join("; ", work.stream().map(w -> mod + "." + w + "()").toList()));
    }
}
