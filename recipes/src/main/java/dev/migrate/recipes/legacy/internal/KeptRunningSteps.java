package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.shell.ShellLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The host-side steps for supervisor programs and compose services ({@link KeptRunning}): cutover.sh stops them, the
 * rollback starts them again, cleanup.sh takes the removed ones off the host. Files are named from the project's
 * checkout ({@code $ROOT}); a supervisor file of a host dump ({@code etc/supervisor/conf.d/x.conf}) is also copied to
 * its place, where supervisord reads it.
 */
final class KeptRunningSteps {
    private KeptRunningSteps() {
    }

    /** Each program or service once, by {@code attribute file#name}, in a stable order. */
    static List<KeptRunning.Keeper> keepers(Plan plan) {
        TreeMap<String, KeptRunning.Keeper> out = new TreeMap<>();
        plan.jobs().stream().map(p -> KeptRunning.of(p.job())).filter(Objects::nonNull)
                .forEach(k -> out.merge(k.attribute() + " " + k.file() + "#" + k.name(), k,
                        (a, b) -> a.stop() || b.stop() ? new KeptRunning.Keeper(a.attribute(), a.file(), a.name(), true,
                                a.neededBy() != null ? a.neededBy() : b.neededBy(), a.byHand() || b.byHand()) : a));
        return List.copyOf(out.values());
    }

    /** cutover.sh's lines; they use {@code $ROOT}. */
    static String cutover(Plan plan) {
        StringBuilder sh = new StringBuilder();
        for (KeptRunning.Keeper k : keepers(plan)) {
            String file = rooted(k.file());
            if (k.supervisor()) {
                String group = ShellLine.quote(k.name() + ":*");
                if (!k.stop()) {
                    sh.append("# supervisor program ").append(k.name()).append(" keeps running its other jobs; after deploying its ")
                            .append("edited script (registrations commented out):\nsupervisorctl restart ").append(group).append('\n');
                    continue;
                }
                sh.append("# supervisor program ").append(k.name()).append(" (").append(k.file()).append("): stopped, and ")
                        .append("autostart=false / autorestart=false in that file keep it stopped once supervisord reads it\n");
                sh.append("supervisorctl stop ").append(group).append('\n');
                String host = SupervisorPrograms.hostPath(k.file());
                if (host != null) {
                    sh.append("install -m 644 ").append(file).append(' ').append(ShellLine.quote(host)).append('\n')
                            .append("supervisorctl update ").append(ShellLine.quote(k.name())).append('\n');
                } else {
                    sh.append("# deploy ").append(k.file()).append(" where supervisord reads it, then: supervisorctl update ")
                            .append(k.name()).append('\n');
                }
            } else if (!k.stop()) {
                sh.append("# compose service ").append(k.name()).append(" keeps running its other jobs; after deploying its ")
                        .append("edited script (registrations commented out):\ndocker compose -f ").append(file).append(" restart ")
                        .append(ShellLine.quote(k.name())).append('\n');
            } else if (k.neededBy() != null) {
                // replicas: 0 would make `docker compose up` of the dependents fail or start them without it, so the file
                // is left as written (KeptRunning.neededNote): stopping is all that is safe here, and only when no
                // dependent shares the container's network namespace, which goes when it stops
                boolean network = k.neededBy().contains(ComposeServices.NETWORK);
                sh.append("# compose service ").append(k.name()).append(" (").append(k.file()).append(") is needed by ")
                        .append(k.neededBy()).append(": deploy.replicas: 0 would make `docker compose up` fail or start them ")
                        .append("without it, so its file is left as written. MANUAL: take it out of those services (drop the ")
                        .append("depends_on entry, or use the long form with `required: false`, Compose 2.20+), then set ")
                        .append("deploy.replicas: 0 in it or delete it (MIGRATION.md)\n");
                if (network) {
                    sh.append("# not stopped: a service with network_mode: service:").append(k.name()).append(" would lose its ")
                            .append("network; once none does:\n# ");
                } else {
                    sh.append("# stopped only: the next `docker compose up -d` starts it again until the manual step is done\n");
                }
                sh.append("docker compose -f ").append(file).append(" stop ").append(ShellLine.quote(k.name())).append('\n');
            } else if (k.byHand()) {
                // written in flow style, which migrate does not edit (KeptRunning.BY_HAND): nothing keeps it stopped yet
                sh.append("# compose service ").append(k.name()).append(" (").append(k.file()).append("): stopped only, its ")
                        .append("file is left as written (flow style). MANUAL: set deploy.replicas: 0 in it, or the next ")
                        .append("`docker compose up -d` starts it again (MIGRATION.md)\n")
                        .append("docker compose -f ").append(file).append(" stop ").append(ShellLine.quote(k.name())).append('\n');
            } else {
                sh.append("# compose service ").append(k.name()).append(" (").append(k.file()).append("): stopped; with ")
                        .append("deploy.replicas: 0 in that file, `docker compose up -d` (also with --remove-orphans) no longer ")
                        .append("starts it, and removes its stopped container. The project is named after the file's directory: ")
                        .append("where the stack runs under another name (-p, COMPOSE_PROJECT_NAME), run this there\n")
                        .append("docker compose -f ").append(file).append(" stop ").append(ShellLine.quote(k.name())).append('\n');
            }
        }
        return sh.toString();
    }

    /** The rollback's commands (after the configuration files are restored). */
    static List<String> rollback(Plan plan) {
        List<String> out = new ArrayList<>();
        for (KeptRunning.Keeper k : keepers(plan)) {
            String file = "'" + k.file().replace("'", "'\\''") + "'";
            if (k.supervisor()) {
                String host = SupervisorPrograms.hostPath(k.file());
                if (k.stop() && host != null) {
                    out.add("install -m 644 " + file + " " + ShellLine.quote(host));
                }
                out.add(k.stop() ? "supervisorctl update " + ShellLine.quote(k.name()) + " && supervisorctl start "
                        + ShellLine.quote(k.name() + ":*") : "supervisorctl restart " + ShellLine.quote(k.name() + ":*"));
            } else {
                out.add("docker compose -f " + file + (k.stop() ? " up -d " : " restart ") + ShellLine.quote(k.name()));
            }
        }
        return out;
    }

    /** The files the rollback restores: those holding a program or service this phase switched off or removed. */
    static List<String> files(Plan plan) {
        return keepers(plan).stream().filter(k -> k.stop() && k.neededBy() == null && !k.byHand()).map(KeptRunning.Keeper::file)
                .distinct().sorted().toList();
    }

    /** cleanup.sh's lines for the programs and services the cleanup removed; they use {@code $ROOT}. */
    static String cleanup(Plan plan) {
        StringBuilder sh = new StringBuilder();
        boolean supervisor = false;
        for (KeptRunning.Keeper k : keepers(plan)) {
            if (!k.stop() || !removed(plan, k)) {
                continue;
            }
            if (k.supervisor()) {
                supervisor = true;
                sh.append("supervisorctl stop ").append(ShellLine.quote(k.name() + ":*")).append(" || true\n");
                String host = SupervisorPrograms.hostPath(k.file());
                if (host == null) {
                    sh.append("# deploy ").append(k.file()).append(plan.deleted().contains(k.file()) ? " (deleted)" : "")
                            .append(" where supervisord reads it\n");
                } else if (plan.deleted().contains(k.file())) {
                    sh.append("rm -f ").append(ShellLine.quote(host)).append('\n');
                } else {
                    sh.append("install -m 644 ").append(rooted(k.file())).append(' ').append(ShellLine.quote(host)).append('\n');
                }
            } else {
                sh.append("# compose service ").append(k.name()).append(" is gone from ").append(k.file()).append(": where ")
                        .append("the stack runs, `docker compose up -d --remove-orphans` removes its stopped container\n");
            }
        }
        if (supervisor) {
            sh.append("supervisorctl reread\nsupervisorctl update\n"); // drops the programs whose sections are gone
        }
        return sh.toString();
    }

    /** Whether the cleanup takes the program or service out of its file (not kept switched off, with a note). */
    static boolean removed(Plan plan, KeptRunning.Keeper k) {
        return plan.phase() == Phase.CLEANUP && plan.jobs().stream().map(JobPlan::job)
                .anyMatch(j -> k.equals(KeptRunning.of(j)) && KeptRunning.removedAtCleanup(j));
    }

    private static String rooted(String path) {
        return "\"$ROOT/" + path.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
    }
}
