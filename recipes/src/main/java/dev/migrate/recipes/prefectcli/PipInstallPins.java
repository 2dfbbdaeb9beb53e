package dev.migrate.recipes.prefectcli;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.PrefectPins;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * {@code pip install prefect==2.7.7 prefect-gcp} in a script, a Dockerfile {@code RUN} or a Makefile: the
 * Prefect pins move to Prefect 3 as they do in requirements files ({@link PrefectPins}), so an image or
 * host set up by the script does not keep installing Prefect 2.
 */
final class PipInstallPins {
    private static final Set<String> PIP = Set.of("pip", "pip3");

    private PipInstallPins() {
    }

    /** Index of the first package argument when argv installs packages with pip, else -1. */
    static int packagesFrom(List<String> argv) {
        if (argv.isEmpty()) {
            return -1;
        }
        String exe = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        int install;
        if (PIP.contains(exe) || exe.matches("pip3\\.\\d+")) {
            install = 1;
        } else if (exe.matches("python(3(\\.\\d+)?)?") && argv.size() > 2 && argv.get(1).equals("-m")
                && argv.get(2).equals("pip")) {
            install = 3;
        } else if (exe.equals("uv") && argv.size() > 1 && argv.get(1).equals("pip")) {
            install = 2;
        } else {
            return -1;
        }
        return argv.size() > install && argv.get(install).equals("install") ? install + 1 : -1;
    }

    /**
     * The Prefect 3 form of one pip argument, or null when it is not a Prefect requirement that moves. Unlike a
     * requirements file, a command line also moves a Prefect 1 pin: the commands beside it are rewritten to
     * Prefect 3 ones, which a Prefect 1 install could not run.
     */
    static String pinned(String word, PrefectTarget target) {
        Matcher m = PrefectPins.REQUIREMENT.matcher(word);
        if (!m.matches()) {
            return null;
        }
        String moved = PrefectPins.requirement(m, target);
        if (moved == null && PrefectPins.isPrefect(m.group("name")) && PrefectPins.namesPrefect1(m.group("spec"))) {
            return "prefect" + (m.group("extras") == null ? "" : m.group("extras")) + "==" + target.pin();
        }
        return moved;
    }
}
