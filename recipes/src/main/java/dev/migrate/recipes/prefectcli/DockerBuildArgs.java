package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.sources.config.PrefectVersionBuildArgs;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import java.util.List;

/**
 * {@code docker build --build-arg PREFECT_VERSION=2.14.0 .} in a script, Makefile or CI step: the argument overrides
 * the Dockerfile's {@code ARG} default, which the Dockerfile recipe raises, so a build argument named for Prefect's
 * version and holding a 2.x one takes the targeted release too. Which words those are is the scan's definition
 * ({@link PrefectVersionBuildArgs}), so what the scan reports as PF208 is what is raised here.
 */
final class DockerBuildArgs {
    private DockerBuildArgs() {
    }

    /** Whether argv builds an image ({@code docker build}, {@code docker buildx build}, {@code docker compose build}). */
    static boolean isBuild(List<String> argv) {
        return PrefectVersionBuildArgs.isBuild(argv);
    }

    /** The line with each Prefect version build argument among {@code words} raised, in its own quotes. */
    static ShellLine raise(ShellLine line, List<ShellToken> words, PrefectTarget target) {
        List<PrefectVersionBuildArgs.Flag> flags = PrefectVersionBuildArgs.flags(words.stream().map(ShellToken::value).toList());
        // from the end, so that earlier offsets stay valid
        for (int k = flags.size() - 1; k >= 0; k--) {
            PrefectVersionBuildArgs.Flag f = flags.get(k);
            ShellToken w = words.get(f.word());
            String written = f.arg().assignment();
            String raised = f.arg().name() + "=" + target.pin();
            // the value is a plain version, so it stands as written in the word's text: replacing it there keeps
            // the word's own quotes wherever they are (`--build-arg="NAME=2.19"`)
            String raw = w.raw().contains(written) ? w.raw().replace(written, raised)
                    : ShellLine.quote((f.inline() ? PrefectVersionBuildArgs.FLAG + "=" : "") + raised);
            line = line.replace(w.start(), w.end(), raw);
        }
        return line;
    }
}
