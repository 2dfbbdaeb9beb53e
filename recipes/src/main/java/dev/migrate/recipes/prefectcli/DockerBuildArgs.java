package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.sources.config.PrefectVersionArgs;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import java.util.List;
import java.util.Set;

/**
 * {@code docker build --build-arg PREFECT_VERSION=2.14.0 .} in a script, Makefile or CI step: the argument overrides
 * the Dockerfile's {@code ARG} default, which the Dockerfile recipe raises, so a build argument named for Prefect's
 * version and holding a 2.x one takes the targeted release too.
 */
final class DockerBuildArgs {
    private static final Set<String> ENGINES = Set.of("docker", "podman");
    private static final String FLAG = "--build-arg";

    private DockerBuildArgs() {
    }

    /** Whether argv builds an image ({@code docker build}, {@code docker buildx build}, {@code docker compose build}). */
    static boolean isBuild(List<String> argv) {
        if (argv.isEmpty() || !ENGINES.contains(argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1))) {
            return false;
        }
        return argv.subList(1, Math.min(3, argv.size())).contains("build");
    }

    /** The line with each Prefect version build argument among {@code words} raised, in its own quotes. */
    static ShellLine raise(ShellLine line, List<ShellToken> words, PrefectTarget target) {
        for (int i = words.size() - 1; i >= 0; i--) {
            ShellToken w = words.get(i);
            String value = w.value();
            String prefix;
            if (value.startsWith(FLAG + "=")) {
                prefix = FLAG + "=";
            } else if (i > 0 && words.get(i - 1).value().equals(FLAG)) {
                prefix = "";
            } else {
                continue;
            }
            String assignment = value.substring(prefix.length());
            int eq = assignment.indexOf('=');
            if (eq <= 0 || !PrefectVersionArgs.namesPrefectVersion(assignment.substring(0, eq))
                    || !PrefectVersionArgs.isPrefect2Version(assignment.substring(eq + 1))) {
                continue;
            }
            // the value is a plain version, so it stands as written in the word's text: replacing it there keeps
            // the word's own quotes wherever they are (`--build-arg="NAME=2.19"`)
            String written = assignment;
            String raw = w.raw().contains(written)
                    ? w.raw().replace(written, assignment.substring(0, eq + 1) + target.pin())
                    : ShellLine.quote(prefix + assignment.substring(0, eq + 1) + target.pin());
            line = line.replace(w.start(), w.end(), raw);
        }
        return line;
    }
}
