package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.python.ProjectFlows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The name Prefect gives the flow of a {@code prefect deploy path/flows.py:etl} entrypoint: the function's
 * {@code @flow(name=...)}, or its name with {@code _} as {@code -}. The file is read (never imported or run) where the
 * command runs, the first of its possible directories that holds it; a file no directory holds gives the default name,
 * as Prefect's would be for a flow that sets none. Each file is read and parsed once.
 */
final class CommandFlowNames {
    private final Function<String, String> texts;
    private final Map<String, ProjectFlows> parsed = new HashMap<>();

    /** @param texts a file's text by its path in the tree, null when the tree does not hold it */
    CommandFlowNames(Function<String, String> texts) {
        this.texts = texts;
    }

    /** The flow's name; empty for an entrypoint without a function ({@code flows.py}, a module path). */
    Optional<String> of(String entrypoint, List<String> directories) {
        int colon = entrypoint.lastIndexOf(':');
        if (colon <= 0 || colon == entrypoint.length() - 1) {
            return Optional.empty();
        }
        String function = entrypoint.substring(colon + 1);
        for (String dir : directories) {
            Optional<String> file = WorkingDirectory.normalize(dir, entrypoint.substring(0, colon)).filter(f -> !f.isEmpty());
            ProjectFlows flows = file.map(f -> parsed.computeIfAbsent(f, this::flowsOf)).orElse(null);
            if (flows != null) {
                return flows.nameOf(file.get() + ":" + function, dir);
            }
        }
        return new ProjectFlows().nameOf(entrypoint, "");
    }

    /** The flows of the file at {@code path}, or null when the tree does not hold it. */
    private ProjectFlows flowsOf(String path) {
        String text = texts.apply(path);
        if (text == null) {
            return null;
        }
        ProjectFlows flows = new ProjectFlows();
        flows.add(new ScanFile(path, text));
        return flows;
    }
}
